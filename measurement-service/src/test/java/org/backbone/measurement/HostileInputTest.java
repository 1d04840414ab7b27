package org.backbone.measurement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.backbone.driver.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 14's defects as measurement-service met them: numbers, stored JSON, races and CSV. */
@QuarkusTest
class HostileInputTest {

    @Inject
    @DataSource("kit")
    AgroalDataSource db;

    private AgendaFixture agenda;

    @BeforeEach
    void ratifiedAgenda() throws Exception {
        agenda = AgendaFixture.publish(db);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON);
    }

    private String values(String indicator) {
        return "/v1/initiatives/" + agenda.initiative + "/indicators/" + indicator + "/values";
    }

    @Test
    void anOutOfRangeValueInABatchRejectsThatValueOnly() {
        Map<String, Object> body = agenda.indicator("RANGE_COUNT", "QUARTERLY");
        body.put("valueType", "NUMBER");
        String indicator = agenda.define(body);
        String batch = "{\"organisationId\":\"" + Tokens.ORG_A + "\",\"values\":["
                + "{\"period\":\"2026Q1\",\"value\":5},"
                + "{\"period\":\"2026Q2\",\"value\":12345678901234567},"
                + "{\"period\":\"2026Q3\",\"value\":0.1234567},"
                + "{\"period\":\"2026Q4\",\"value\":123456789012345.123456}]}";
        admin().body(batch).post(values(indicator)).then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected.index", equalTo(List.of(1, 2)))
                .body("rejected.field", equalTo(List.of("value", "value")))
                .body("rejected[0].reason", containsString("15 digits before"))
                .body("rejected[1].reason", containsString("6 digits after"));
        String stored = admin().get(values(indicator)).then().statusCode(200).extract().asString();
        assertThat(stored).contains("123456789012345.123456");
        // beyond what any request may carry: refused while parsing, naming the value, before any arithmetic
        admin().body("{\"organisationId\":\"" + Tokens.ORG_A + "\",\"values\":[{\"period\":\"2026Q1\",\"value\":1e131071}]}")
                .post(values(indicator)).then().statusCode(422).body("errors[0].field", equalTo("values[0].value"));
    }

    @Test
    void targetsAndBaselinesAreExactAndBounded() {
        Map<String, Object> body = agenda.indicator("EXACT_TARGETS", "QUARTERLY");
        body.put("valueType", "NUMBER");
        body.put("targets", Map.of("2026Q4", new java.math.BigDecimal("123456789012345.123456")));
        String indicator = agenda.define(body);
        String read = admin().get("/v1/initiatives/" + agenda.initiative + "/indicators/" + indicator).then().statusCode(200)
                .extract().asString();
        // through double it came back as 1.2345678901234512E14
        assertThat(read).contains("123456789012345.123456");

        String url = "/v1/initiatives/" + agenda.initiative + "/indicators";
        String tooBig = "{\"code\":\"HUGE_TARGET\",\"name\":\"h\",\"valueType\":\"NUMBER\",\"direction\":\"INCREASE\","
                + "\"aggregation\":\"SUM\",\"periodicity\":\"QUARTERLY\",\"goalIds\":[\"" + agenda.goal + "\"],"
                + "\"visibility\":\"SHARED\",\"approvalRequired\":false,\"targets\":{\"2026Q4\":1e309}}";
        admin().body(tooBig).post(url).then().statusCode(422).body("errors[0].field", containsString("targets"));
        String wide = tooBig.replace("HUGE_TARGET", "WIDE_TARGET").replace("1e309", "1e20");
        admin().body(wide).post(url).then().statusCode(422).body("errors.field", hasItem(containsString("targets")));
        String baseline = tooBig.replace("HUGE_TARGET", "HUGE_BASELINE").replace("\"targets\":{\"2026Q4\":1e309}",
                "\"baseline\":{\"period\":\"2025Q4\",\"value\":1e16}");
        admin().body(baseline).post(url).then().statusCode(422).body("errors[0].field", equalTo("baseline.value"));
        // the list and the scorecard still answer for everyone
        admin().get(url).then().statusCode(200);
        admin().get("/v1/initiatives/" + agenda.initiative + "/scorecard").then().statusCode(200);
    }

    /** Found by the long fuzz run: a stored refusal was replayed as plain JSON, not as the problem it was. */
    @Test
    void aReplayedRefusalIsStillAProblemDetail() {
        String indicator = agenda.define(agenda.indicator("REPLAYED", "QUARTERLY"));
        String key = "replay-" + java.util.UUID.randomUUID();
        String nothingStorable = "{\"organisationId\":\"" + Tokens.ORG_A + "\",\"values\":[{\"period\":\"not-a-period\",\"value\":1}]}";
        admin().header("Idempotency-Key", key).body(nothingStorable).post(values(indicator)).then().statusCode(422)
                .contentType("application/problem+json");
        admin().header("Idempotency-Key", key).body(nothingStorable).post(values(indicator)).then().statusCode(422)
                .header("Idempotent-Replayed", "true").contentType("application/problem+json")
                .body("errors[0].field", equalTo("values[0].period"));
    }

    @Test
    void storedDimensionsComeBackAsAnObject() {
        Map<String, Object> body = agenda.indicator("BY_REGION", "QUARTERLY");
        body.put("dimensions", Map.of("region", List.of("north", "south")));
        String indicator = agenda.define(body);
        admin().body(Map.of("organisationId", Tokens.ORG_A.toString(), "values",
                        List.of(Map.of("period", "2026Q1", "value", 3, "dimensions", Map.of("region", "north")))))
                .post(values(indicator)).then().statusCode(200).body("accepted", equalTo(1));
        admin().get(values(indicator)).then().statusCode(200).body("[0].dimensions.region", equalTo("north"));
    }

    @Test
    void racingDefinitionsOfOneIndicatorAreOne201AndConflicts() {
        Map<String, Object> body = agenda.indicator("RACED", "QUARTERLY");
        String token = Tokens.admin();
        String url = "/v1/initiatives/" + agenda.initiative + "/indicators";
        List<CompletableFuture<Integer>> creates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            creates.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(new HashMap<>(body)).post(url).then().extract().statusCode()));
        }
        assertThat(creates.stream().map(CompletableFuture::join).toList()).containsOnly(201, 409).containsOnlyOnce(201);
    }

    @Test
    void csvThatIsNotCsvIs422NamingTheLineAndAContentTypeThatIsNotOneIs415() throws Exception {
        String indicator = agenda.define(agenda.indicator("CSV_HOSTILE", "QUARTERLY"));
        String url = values(indicator) + "?organisationId=" + Tokens.ORG_A;
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body("period,value,comment\n2026Q1,1,\"never closed\n")
                .post(url).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("csv")).body("errors[0].message", containsString("line"));
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body("{\"values\": [{\"period\": \"2026Q1\"}]}")
                .post(url).then().statusCode(422).contentType("application/problem+json");
        // a client library will not send this header; a socket will
        var garbage = new org.backbone.kit.testing.fuzz.RawHttp(java.net.URI.create("http://127.0.0.1:"
                + io.restassured.RestAssured.port), 10_000).send("POST", url, Map.of("Authorization", "Bearer " + Tokens.admin(),
                "Content-Type", "garbage"), "period,value\n2026Q1,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
        assertThat(garbage.status()).isEqualTo(415);
        assertThat(garbage.header("content-type")).startsWith("application/problem+json");
    }
}
