package org.backbone.agenda.persistence;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.contracts.Topics;

/**
 * Partner accounts on Kubernetes, through Strimzi: a Secret with the password, a {@code KafkaUser}
 * (SCRAM-SHA-512, its password from that Secret, ACLs for its prefix) and a {@code KafkaTopic} for its
 * measurements. The User and Topic Operators make them real. The service account needs a Role that
 * allows exactly this (deploy/k8s: agenda-service's Role).
 */
public class StrimziAccounts implements PartnerKafkaAccounts {

    static final String API = "kafka.strimzi.io/v1";
    public static final ResourceDefinitionContext USERS = definition("KafkaUser", "kafkausers");
    public static final ResourceDefinitionContext TOPICS = definition("KafkaTopic", "kafkatopics");

    private final KubernetesClient client;
    private final String namespace;
    private final String cluster;

    public StrimziAccounts(KubernetesClient client, String namespace, String cluster) {
        this.client = client;
        this.namespace = namespace;
        this.cluster = cluster;
    }

    @Override
    public void upsert(UUID organisation, String password) {
        kubernetes(() -> {
            apply(organisation, password);
            return null;
        });
    }

    private void apply(UUID organisation, String password) {
        String user = PartnerKafkaAccounts.username(organisation);
        Secret secret = new SecretBuilder().withNewMetadata().withName(user + "-password").withNamespace(namespace)
                .withLabels(Map.of("app.kubernetes.io/part-of", "backbone", "backbone.org/partner", organisation.toString()))
                .endMetadata()
                .withData(Map.of("password", Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8))))
                .build();
        client.secrets().inNamespace(namespace).resource(secret).createOr(existing -> existing.update());
        GenericKubernetesResource kafkaUser = new GenericKubernetesResourceBuilder().withApiVersion(API).withKind("KafkaUser")
                .withNewMetadata().withName(user).withNamespace(namespace).withLabels(labels(organisation)).endMetadata()
                .addToAdditionalProperties("spec", Map.of(
                        "authentication", Map.of("type", "scram-sha-512", "password", Map.of("valueFrom",
                                Map.of("secretKeyRef", Map.of("name", user + "-password", "key", "password")))),
                        "authorization", Map.of("type", "simple", "acls", List.of(Map.of(
                                "resource", Map.of("type", "topic", "name", Topics.partnerPrefix(organisation),
                                        "patternType", "prefix"),
                                "operations", List.of("Write", "Describe"))))))
                .build();
        client.genericKubernetesResources(USERS).inNamespace(namespace).resource(kafkaUser)
                .createOr(existing -> existing.update());
        String topic = Topics.partnerMeasurements(organisation);
        GenericKubernetesResource kafkaTopic = new GenericKubernetesResourceBuilder().withApiVersion(API).withKind("KafkaTopic")
                .withNewMetadata().withName(topic.replace('.', '-')).withNamespace(namespace).withLabels(labels(organisation))
                .endMetadata()
                .addToAdditionalProperties("spec", Map.of("topicName", topic, "partitions", 1, "replicas", 3,
                        "config", Map.of("retention.ms", 2592000000L)))
                .build();
        client.genericKubernetesResources(TOPICS).inNamespace(namespace).resource(kafkaTopic)
                .createOr(existing -> existing.update());
    }

    @Override
    public boolean revoke(UUID organisation) {
        String user = PartnerKafkaAccounts.username(organisation);
        boolean existed = exists(organisation);
        return kubernetes(() -> {
            client.genericKubernetesResources(USERS).inNamespace(namespace).withName(user).delete();
            client.secrets().inNamespace(namespace).withName(user + "-password").delete();
            return existed;
        });
    }

    @Override
    public boolean exists(UUID organisation) {
        return kubernetes(() -> client.genericKubernetesResources(USERS).inNamespace(namespace)
                .withName(PartnerKafkaAccounts.username(organisation)).get() != null);
    }

    /** The API server away, or refusing (a Role without the right verbs): the caller may try again later. */
    private static <T> T kubernetes(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            throw new Unavailable("the Kubernetes API refused or did not answer: " + e.getMessage(), e);
        }
    }

    private static ResourceDefinitionContext definition(String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup("kafka.strimzi.io").withVersion("v1").withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    private Map<String, String> labels(UUID organisation) {
        return Map.of("strimzi.io/cluster", cluster, "app.kubernetes.io/part-of", "backbone",
                "backbone.org/partner", organisation.toString());
    }
}
