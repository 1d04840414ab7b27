package org.backbone.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backbone.contracts.EventJson;
import org.backbone.contracts.Topics;
import org.backbone.kit.testing.KafkaProbe;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Values over REST: one validation, partial acceptance, upsert with history, progress from what was sent. */
@QuarkusTest
class ValueSubmissionTest {

    @Inject
    @DataSource("kit")
    AgroalDataSource db;

    private AgendaFixture agenda;
    private String indicator;

    /** Decimals read as doubles (RestAssured's default, float, is too coarse to check a target). */
    private static RequestSpecification as(String token) {
        return Api.as(token).config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)));
    }

    @BeforeEach
    void teachersTrained() throws Exception {
        agenda = AgendaFixture.publish(db);
        Map<String, Object> body = new HashMap<>();
        body.put("code", "TEACHERS");
        body.put("name", "STEM teachers trained");
        body.put("valueType", "INTEGER");
        body.put("direction", "INCREASE");
        body.put("aggregation", "SUM");
        body.put("periodicity", "QUARTERLY");
        body.put("dimensions", Map.of("region", List.of("north", "south")));
        body.put("goalIds", List.of(agenda.goal.toString()));
        body.put("baseline", Map.of("period", "2025Q4", "value", 100));
        body.put("targets", Map.of("2026Q4", 200));
        body.put("visibility", "SHARED");
        body.put("approvalRequired", false);
        indicator = agenda.define(body);
    }

    private String values() {
        return "/v1/initiatives/" + agenda.initiative + "/indicators/" + indicator + "/values";
    }

    private String progress() {
        return "/v1/initiatives/" + agenda.initiative + "/indicators/" + indicator + "/progress";
    }

    private static Map<String, Object> value(String period, Object value, Map<String, String> dimensions) {
        Map<String, Object> v = new HashMap<>(Map.of("period", period, "value", value));
        if (dimensions != null) {
            v.put("dimensions", dimensions);
        }
        return v;
    }

    @Test
    void goodValuesAreStoredBadOnesReportedOneByOneAndProgressFollows() throws Exception {
        try (KafkaProbe events = KafkaProbe.subscribe(Topics.MEASUREMENT)) {
            as(Tokens.user("member-a")).body(Map.of("values", List.of(
                            value("2026Q1", 120, null),
                            value("2026Q1", 70, Map.of("region", "north")),
                            value("2026Q1", 50, Map.of("region", "south")),
                            value("2026Q2", 150, null),
                            value("2026-03", 10, null),
                            value("2026Q3", 10, Map.of("region", "east")),
                            value("2026Q3", 1.5, null))))
                    .post(values()).then().statusCode(200)
                    .body("accepted", equalTo(4)).body("rejected", hasSize(3))
                    .body("rejected.find { it.index == 4 }.field", equalTo("period"))
                    .body("rejected.find { it.index == 5 }.field", equalTo("dimensions.region"))
                    .body("rejected.find { it.index == 6 }.reason", equalTo("must be a whole number"));

            // the target lies on the line from the baseline (2025Q4 = 100) to the target (2026Q4 = 200), by days
            double span = ChronoUnit.DAYS.between(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 10, 1));
            double q1Target = 100 + 100 * ChronoUnit.DAYS.between(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 1, 1)) / span;
            double q2Target = 100 + 100 * ChronoUnit.DAYS.between(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 4, 1)) / span;
            as(Tokens.user("member-a")).queryParam("dimension", "region").get(progress()).then().statusCode(200)
                    .body("periods.period", equalTo(List.of("2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4")))
                    .body("periods[1].value", equalTo(120))
                    .body("periods[1].target", closeTo(q1Target, 0.001))
                    .body("periods[1].shareOfWay", closeTo(20 / (q1Target - 100), 0.001))
                    .body("periods[1].status", equalTo((20 / (q1Target - 100)) >= 0.95 ? "ON_TRACK"
                            : (20 / (q1Target - 100)) >= 0.8 ? "AT_RISK" : "OFF_TRACK"))
                    .body("periods[1].reportingPartners", equalTo(1)).body("periods[1].expectedPartners", equalTo(2))
                    .body("periods[1].byDimension.north", equalTo(70)).body("periods[1].byDimension.south", equalTo(50))
                    .body("periods[2].target", closeTo(q2Target, 0.001))
                    .body("periods[2].status", equalTo("ON_TRACK"))
                    .body("periods[2].trend.movement", equalTo("UP")).body("periods[2].trend.improving", equalTo(true))
                    .body("periods[3].status", equalTo("NO_DATA"));

            var records = await().atMost(Duration.ofSeconds(60)).until(() -> events.received(
                    r -> agenda.initiative.toString().equals(r.key()) && KafkaProbe.header(r, "ce_type").contains(".values.")),
                    r -> r.size() == 2);
            var recorded = EventJson.mapper().readTree(records.stream()
                    .filter(r -> KafkaProbe.header(r, "ce_type").endsWith("values.recorded.v1")).findFirst().orElseThrow().value());
            assertThat(recorded.get("acceptedCount").asInt()).isEqualTo(4);
            assertThat(recorded.get("rejectedCount").asInt()).isEqualTo(3);
            assertThat(recorded.get("organisationId").asText()).isEqualTo(Tokens.ORG_A.toString());
        }
    }

    @Test
    void aResubmittedValueReplacesTheOldOneAndKeepsItsHistory() throws Exception {
        as(Tokens.user("member-a")).body(Map.of("values", List.of(value("2026Q1", 120, null)))).post(values())
                .then().statusCode(200);
        as(Tokens.admin()).body(Map.of("organisationId", Tokens.ORG_A.toString(),
                "values", List.of(value("2026Q1", 130, null)))).post(values()).then().statusCode(200);
        as(Tokens.user("observer")).get(progress() + "?from=2026Q1&to=2026Q1").then().statusCode(200)
                .body("periods[0].value", equalTo(130));
        assertThat(AgendaFixture.count(db, "SELECT count(*) FROM indicator_value_revision r JOIN indicator_value v "
                + "ON v.id = r.value_id WHERE v.indicator_id = '" + indicator + "' AND r.value = 120")).isEqualTo(1);
        assertThat(AgendaFixture.count(db, "SELECT max(revision) FROM indicator_value WHERE indicator_id = '" + indicator + "'"))
                .isEqualTo(2);
    }

    @Test
    void whoMaySubmitForWhom() {
        Map<String, Object> batch = Map.of("values", List.of(value("2026Q1", 1, null)));
        as(Tokens.user("member-a")).body(Map.of("organisationId", Tokens.ORG_B.toString(), "values",
                List.of(value("2026Q1", 1, null)))).post(values()).then().statusCode(403);
        as(Tokens.user("observer")).body(batch).post(values()).then().statusCode(403);
        as(Tokens.user("member-b")).body(batch).post(values()).then().statusCode(404);
        as(Tokens.admin()).body(batch).post(values()).then().statusCode(422).body("errors.field", hasItem("organisationId"));
        as(Tokens.system("partner-a-system")).body(batch).post(values()).then().statusCode(200);
        // a partner of the initiative that is not a member any more may not report (B never joined)
        as(Tokens.admin()).body(Map.of("organisationId", Tokens.ORG_B.toString(), "values",
                List.of(value("2026Q1", 1, null)))).post(values()).then().statusCode(422)
                .body("errors[0].field", equalTo("values[0].organisationId"));
    }

    @Test
    void aBatchWithNothingGoodIs422AndStoresNothing() throws Exception {
        as(Tokens.user("member-a")).body(Map.of("values", List.of(value("2026", 1, null), value("2026Q1", -0.5, null))))
                .post(values()).then().statusCode(422)
                .body("errors.field", hasItem("values[0].period")).body("errors.field", hasItem("values[1].value"));
        assertThat(AgendaFixture.count(db, "SELECT count(*) FROM indicator_value WHERE indicator_id = '" + indicator + "'"))
                .isZero();
        as(Tokens.user("member-a")).body(Map.of("values", List.of())).post(values()).then().statusCode(422)
                .body("errors.field", hasItem("values"));
    }
}
