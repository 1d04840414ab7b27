package org.backbone.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.backbone.agenda.AgendaApi.ORG_A;
import static org.backbone.agenda.AgendaApi.ORG_B;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Partners' own Kafka credentials against the real broker's SASL/SCRAM listener (./backbone infra
 * runs it with the KRaft StandardAuthorizer): who may issue them, and that Kafka's ACLs — not
 * convention — let partner A's login write to its own topics and refuse it B's.
 */
@QuarkusTest
class PartnerKafkaCredentialsTest {

    static final String PARTNER_BOOTSTRAP = System.getenv().getOrDefault("KAFKA_PARTNER_BOOTSTRAP", "127.0.0.1:19094");

    @BeforeEach
    void organisations() {
        AgendaApi.ensureOrganisation(ORG_A, "Atid STEM Network", "NONPROFIT");
        AgendaApi.ensureOrganisation(ORG_B, "Negev Tech Industries", "BUSINESS");
    }

    @ParameterizedTest(name = "{0} manages A''s credentials: {1}")
    @CsvSource({"admin, 200", "member-a, 200", "member-b, 403", "observer, 403", "partner-a-system, 403"})
    void onlyStaffAndTheOrganisationsOwnPeopleManageItsCredentials(String who, int status) {
        String token = switch (who) {
            case "admin" -> Tokens.admin();
            case "partner-a-system" -> Tokens.system("partner-a-system");
            default -> Tokens.user(who);
        };
        Api.as(token).put(path(ORG_A)).then().statusCode(status);
        Api.as(token).get(path(ORG_A)).then().statusCode(status);
        if (status == 403) {
            // a refused revocation leaves the login in place
            Api.as(Tokens.admin()).put(path(ORG_A)).then().statusCode(200);
            Api.as(token).delete(path(ORG_A)).then().statusCode(403);
            Api.as(Tokens.admin()).get(path(ORG_A)).then().statusCode(200);
        }
        Api.as(Tokens.admin()).put(path(UUID.randomUUID())).then().statusCode(404);
    }

    @Test
    void partnerAsLoginWritesItsOwnTopicAndIsRefusedBsByKafka() throws Exception {
        Map<String, Object> a = Api.as(Tokens.user("member-a")).put(path(ORG_A)).then().statusCode(200)
                .body("username", equalTo("partner-" + ORG_A)).body("mechanism", equalTo("SCRAM-SHA-512"))
                .body("topicPrefix", equalTo("partner." + ORG_A + ".")).extract().as(Map.class);
        String password = (String) a.get("password");
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        Api.as(Tokens.user("member-a")).get(path(ORG_A)).then().statusCode(200).body("password", nullValue());

        try (var producer = producer((String) a.get("username"), password)) {
            producer.send(new ProducerRecord<>("partner." + ORG_A + ".measurements.v1", "k", "{}")).get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("partner." + ORG_B + ".measurements.v1", "k", "{}"))
                    .get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("backbone.agenda.v1", "k", "{}"))
                    .get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void rotationRetiresTheOldPasswordAndRevocationTheLogin() throws Exception {
        String first = Api.as(Tokens.user("member-b")).put(path(ORG_B)).then().statusCode(200).extract().path("password");
        String second = Api.as(Tokens.user("member-b")).put(path(ORG_B)).then().statusCode(200).extract().path("password");
        assertThat(second).isNotEqualTo(first);
        try (var producer = producer("partner-" + ORG_B, first)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("partner." + ORG_B + ".measurements.v1", "k", "{}"))
                    .get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
        try (var producer = producer("partner-" + ORG_B, second)) {
            producer.send(new ProducerRecord<>("partner." + ORG_B + ".measurements.v1", "k", "{}")).get(30, TimeUnit.SECONDS);
        }
        Api.as(Tokens.user("member-b")).delete(path(ORG_B)).then().statusCode(204);
        Api.as(Tokens.user("member-b")).get(path(ORG_B)).then().statusCode(404);
        Api.as(Tokens.user("member-b")).delete(path(ORG_B)).then().statusCode(404);
        try (var producer = producer("partner-" + ORG_B, second)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("partner." + ORG_B + ".measurements.v1", "k", "{}"))
                    .get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static KafkaProducer<String, String> producer(String username, String password) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", PARTNER_BOOTSTRAP, "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + username + "\" password=\""
                        + password + "\";",
                "max.block.ms", String.valueOf(Duration.ofSeconds(20).toMillis()), "delivery.timeout.ms", "25000",
                "request.timeout.ms", "10000", "enable.idempotence", "false"),
                new StringSerializer(), new StringSerializer());
    }

    private static String path(UUID organisation) {
        return "/v1/organisations/" + organisation + "/kafka-credentials";
    }
}
