package org.backbone.agenda.persistence;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.backbone.agenda.config.PartnerKafkaConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The partner accounts' implementation {@code backbone.partner-kafka.provisioner} names. */
@ApplicationScoped
public class PartnerKafkaProvisioner {

    @Produces
    @ApplicationScoped
    PartnerKafkaAccounts accounts(PartnerKafkaConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        return switch (config.provisioner()) {
            case "admin" -> new KafkaAdminAccounts(bootstrap);
            // in the pod: the service account's token and the API server's address
            case "strimzi" -> new StrimziAccounts(new KubernetesClientBuilder().build(), config.namespace(), config.cluster());
            default -> throw new IllegalStateException("backbone.partner-kafka.provisioner must be admin or strimzi, not "
                    + config.provisioner());
        };
    }
}
