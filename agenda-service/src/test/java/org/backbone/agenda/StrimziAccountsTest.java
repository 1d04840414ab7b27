package org.backbone.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.agenda.persistence.PartnerKafkaAccounts;
import org.backbone.agenda.persistence.StrimziAccounts;
import org.junit.jupiter.api.Test;

/** The Kubernetes provisioner against fabric8's mock API server (CRUD mode): the Secret, KafkaUser and KafkaTopic it writes. */
@EnableKubernetesMockClient(crud = true)
class StrimziAccountsTest {

    KubernetesClient client;

    @Test
    @SuppressWarnings("unchecked")
    void aPartnersAccountIsASecretAKafkaUserLimitedToItsPrefixAndItsTopic() {
        UUID organisation = UUID.randomUUID();
        StrimziAccounts accounts = new StrimziAccounts(client, "backbone", "backbone");
        assertThat(accounts.exists(organisation)).isFalse();

        accounts.upsert(organisation, "first-password");
        String user = "partner-" + organisation;
        assertThat(password(user)).isEqualTo("first-password");
        GenericKubernetesResource kafkaUser = client.genericKubernetesResources(StrimziAccounts.USERS)
                .inNamespace("backbone").withName(user).get();
        assertThat(kafkaUser.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "backbone");
        Map<String, Object> spec = (Map<String, Object>) kafkaUser.getAdditionalProperties().get("spec");
        assertThat((Map<String, Object>) spec.get("authentication")).containsEntry("type", "scram-sha-512");
        List<Map<String, Object>> acls = (List<Map<String, Object>>) ((Map<String, Object>) spec.get("authorization")).get("acls");
        assertThat(acls).singleElement().satisfies(acl -> {
            assertThat((Map<String, Object>) acl.get("resource")).containsEntry("name", "partner." + organisation + ".")
                    .containsEntry("patternType", "prefix").containsEntry("type", "topic");
            assertThat((List<String>) acl.get("operations")).containsExactlyInAnyOrder("Write", "Describe");
        });
        GenericKubernetesResource topic = client.genericKubernetesResources(StrimziAccounts.TOPICS)
                .inNamespace("backbone").withName(("partner." + organisation + ".measurements.v1").replace('.', '-')).get();
        assertThat((Map<String, Object>) topic.getAdditionalProperties().get("spec"))
                .containsEntry("topicName", "partner." + organisation + ".measurements.v1");
        assertThat(accounts.exists(organisation)).isTrue();

        accounts.upsert(organisation, "second-password");
        assertThat(password(user)).isEqualTo("second-password");

        assertThat(accounts.revoke(organisation)).isTrue();
        assertThat(accounts.exists(organisation)).isFalse();
        assertThat(client.secrets().inNamespace("backbone").withName(user + "-password").get()).isNull();
        assertThat(accounts.revoke(organisation)).isFalse();
    }

    @Test
    void anAPIServerThatDoesNotAnswerIsUnavailableNotAnUnexpectedError() {
        // nothing listens on port 1: the service turns Unavailable into a 503, anything else would be a 500
        try (KubernetesClient away = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:1").withConnectionTimeout(1_000).withRequestTimeout(1_000)
                .withRequestRetryBackoffLimit(0).build()).build()) {
            StrimziAccounts accounts = new StrimziAccounts(away, "backbone", "backbone");
            UUID organisation = UUID.randomUUID();
            assertThatThrownBy(() -> accounts.exists(organisation)).isInstanceOf(PartnerKafkaAccounts.Unavailable.class);
            assertThatThrownBy(() -> accounts.upsert(organisation, "a-password")).isInstanceOf(PartnerKafkaAccounts.Unavailable.class);
            assertThatThrownBy(() -> accounts.revoke(organisation)).isInstanceOf(PartnerKafkaAccounts.Unavailable.class);
        }
    }

    private String password(String user) {
        return new String(Base64.getDecoder().decode(client.secrets().inNamespace("backbone").withName(user + "-password").get()
                .getData().get("password")), StandardCharsets.UTF_8);
    }
}
