package org.backbone.measurement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backbone.contracts.EventJson;
import org.backbone.contracts.Topics;
import org.backbone.kit.testing.KafkaProbe;
import org.backbone.driver.Tokens;
import org.junit.jupiter.api.Test;

/** progress.updated follows the data, debounced; indicator.status-changed marks a change of status. */
@QuarkusTest
class ProgressEventsTest {

    @Inject
    @DataSource("kit")
    AgroalDataSource db;

    @Test
    void progressIsAnnouncedAndAStatusChangeIsCalledOut() throws Exception {
        AgendaFixture agenda = AgendaFixture.publish(db);
        Map<String, Object> body = agenda.indicator("TEACHERS", "YEARLY");
        body.put("targets", Map.of("2026", 100));
        String indicator = agenda.define(body);
        String values = "/v1/initiatives/" + agenda.initiative + "/indicators/" + indicator + "/values";
        try (KafkaProbe events = KafkaProbe.subscribe(Topics.MEASUREMENT)) {
            for (int value : List.of(20, 35, 50)) {
                given().auth().oauth2(Tokens.user("member-a")).contentType(ContentType.JSON)
                        .body(Map.of("values", List.of(Map.of("period", "2026", "value", value)))).post(values)
                        .then().statusCode(200);
            }
            List<JsonNode> updates = await().atMost(Duration.ofSeconds(30)).until(() -> payloads(events, indicator,
                    "progress.updated.v1"), u -> !u.isEmpty() && u.get(u.size() - 1).get("value").asInt() == 50);
            assertThat(updates.size()).as("at most one per batch, fewer when debounced").isBetween(1, 3);
            assertThat(updates.get(updates.size() - 1).get("status").asText()).isEqualTo("OFF_TRACK");
            assertThat(updates.get(updates.size() - 1).get("expectedPartners").asInt()).isEqualTo(2);

            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("organisationId", agenda.ministry.toString(),
                            "values", List.of(Map.of("period", "2026", "value", 60)))).post(values).then().statusCode(200);
            List<JsonNode> changes = await().atMost(Duration.ofSeconds(30)).until(() -> payloads(events, indicator,
                    "indicator.status-changed.v1"), c -> !c.isEmpty());
            assertThat(changes.get(0).get("previousStatus").asText()).isEqualTo("OFF_TRACK");
            assertThat(changes.get(0).get("status").asText()).isEqualTo("ACHIEVED");
        }
    }

    private static List<JsonNode> payloads(KafkaProbe events, String indicator, String typeSuffix) {
        return events.received(r -> KafkaProbe.header(r, "ce_type").endsWith(typeSuffix)).stream()
                .map(ProgressEventsTest::json).filter(j -> indicator.equals(j.get("indicatorId").asText())).toList();
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
