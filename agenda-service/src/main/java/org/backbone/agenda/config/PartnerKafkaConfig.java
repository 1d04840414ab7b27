package org.backbone.agenda.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Partner systems' own Kafka credentials, under {@code backbone.partner-kafka.*}: which provisioner
 * makes them, and what a partner is told to connect to.
 */
@ConfigMapping(prefix = "backbone.partner-kafka")
public interface PartnerKafkaConfig {

    /** {@code admin}: SCRAM credentials and ACLs through Kafka's admin API (local); {@code strimzi}: a KafkaUser and KafkaTopic. */
    @WithDefault("admin")
    String provisioner();

    /** The address partners connect to (their listener: SASL/SCRAM), as given to them. */
    @WithDefault("127.0.0.1:19094")
    String bootstrap();

    /** strimzi: the namespace of the Kafka cluster's resources and its name (the strimzi.io/cluster label). */
    @WithDefault("backbone")
    String namespace();

    @WithDefault("backbone")
    String cluster();
}
