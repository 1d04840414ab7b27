package org.backbone.measurement;

import static org.backbone.kit.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backbone.driver.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScorecardAndComparisonTest {

    @Inject
    @DataSource("kit")
    AgroalDataSource db;


    private static String define(AgendaFixture agenda, String code, String visibility, int target) {
        Map<String, Object> body = agenda.indicator(code, "YEARLY");
        body.put("visibility", visibility);
        body.put("targets", Map.of("2026", target));
        return agenda.define(body);
    }

    private static void report(AgendaFixture agenda, String indicator, String token, String organisation, int value) {
        Map<String, Object> batch = new HashMap<>(Map.of("values", List.of(Map.of("period", "2026", "value", value))));
        if (organisation != null) {
            batch.put("organisationId", organisation);
        }
        as(token).body(batch).post("/v1/initiatives/" + agenda.initiative + "/indicators/" + indicator + "/values")
                .then().statusCode(200);
    }

    @Test
    void scorecardShowsEveryIndicatorAndComparisonsRespectVisibility() throws Exception {
        AgendaFixture agenda = AgendaFixture.publish(db);
        String shared = define(agenda, "SHARED_ONE", "SHARED", 100);
        String confidential = define(agenda, "BACKBONE_ONE", "BACKBONE_ONLY", 100);
        String silent = define(agenda, "NOT_YET", "SHARED", 100);
        for (String indicator : List.of(shared, confidential)) {
            report(agenda, indicator, Tokens.user("member-a"), null, 30);
            report(agenda, indicator, Tokens.admin(), agenda.ministry.toString(), 50);
        }
        String base = "/v1/initiatives/" + agenda.initiative;
        as(Tokens.user("observer")).get(base + "/scorecard").then().statusCode(200)
                .body("code", equalTo(List.of("BACKBONE_ONE", "NOT_YET", "SHARED_ONE")))
                .body("find { it.code == 'SHARED_ONE' }.value", equalTo(80))
                .body("find { it.code == 'SHARED_ONE' }.status", equalTo("AT_RISK")) // 80 of 100: exactly at the 0.80 boundary
                .body("find { it.code == 'NOT_YET' }.status", equalTo("NO_DATA"));

        as(Tokens.user("member-a")).get(base + "/indicators/" + shared + "/comparison?period=2026").then().statusCode(200)
                .body("name", equalTo(List.of("Ministry of Education", "Atid STEM Network")));
        as(Tokens.user("member-a")).get(base + "/indicators/" + confidential + "/comparison?period=2026").then().statusCode(200)
                .body("[0].organisationId", nullValue()).body("[0].label", equalTo("Partner A")).body("[0].value", equalTo(50))
                .body("[1].organisationId", equalTo(Tokens.ORG_A.toString())).body("[1].value", equalTo(30));
        as(Tokens.user("observer")).get(base + "/indicators/" + confidential + "/comparison?period=2026").then()
                .body("organisationId", equalTo(java.util.Arrays.asList(null, null)));
        as(Tokens.admin()).get(base + "/indicators/" + confidential + "/comparison?period=2026").then()
                .body("name", equalTo(List.of("Ministry of Education", "Atid STEM Network")));
        as(Tokens.user("member-b")).get(base + "/scorecard").then().statusCode(404);
        as(Tokens.admin()).get(base + "/indicators/" + silent + "/comparison?period=2026Q1").then().statusCode(422);
    }
}
