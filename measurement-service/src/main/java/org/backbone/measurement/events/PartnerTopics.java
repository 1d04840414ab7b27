package org.backbone.measurement.events;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.backbone.contracts.Topics;
import org.backbone.kit.persistence.CallerContext;
import org.backbone.measurement.config.MeasurementConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates a partner's submission topic when its organisation joins an initiative, so its systems
 * can publish at once (on Kubernetes a Strimzi KafkaTopic does the same). Creating a topic that
 * exists is a no-op.
 */
@ApplicationScoped
public class PartnerTopics {

    private final Admin admin;
    private final int partitions;
    private final short replicas;

    PartnerTopics(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, MeasurementConfig config) {
        Map<String, Object> properties = new java.util.HashMap<>(org.backbone.kit.events.KafkaSecurity.properties());
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(properties);
        this.partitions = config.partnerTopicPartitions();
        this.replicas = config.partnerTopicReplicas();
    }

    /**
     * Creates the topic if it is missing. Completes back on the caller's Vert.x context, so it can
     * sit inside a Hibernate Reactive transaction.
     */
    public Uni<Void> ensure(UUID organisationId) {
        return CallerContext.resume(Uni.createFrom().completionStage(() -> admin.createTopics(List.of(
                        new NewTopic(Topics.partnerMeasurements(organisationId), partitions, replicas)))
                        .all().toCompletionStage())
                .onFailure(e -> e instanceof TopicExistsException || e.getCause() instanceof TopicExistsException)
                .recoverWithNull());
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
