package org.backbone.measurement;

import static org.backbone.kit.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.backbone.driver.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Approval before values count, and locked periods that refuse submissions until reopened. */
@QuarkusTest
class ReviewTest {

    @Inject
    @DataSource("kit")
    AgroalDataSource db;

    private AgendaFixture agenda;
    private String indicator;


    @BeforeEach
    void indicatorNeedingApproval() throws Exception {
        agenda = AgendaFixture.publish(db);
        Map<String, Object> body = agenda.indicator("GIRLS_STEM", "QUARTERLY");
        body.put("goalIds", List.of(agenda.otherGoal.toString()));
        body.put("visibility", "BACKBONE_ONLY");
        body.put("approvalRequired", true);
        body.put("targets", Map.of("2026Q4", 500));
        indicator = agenda.define(body);
    }

    private String base() {
        return "/v1/initiatives/" + agenda.initiative;
    }

    private String values() {
        return base() + "/indicators/" + indicator + "/values";
    }

    private static Map<String, Object> batch(String period, int value) {
        return Map.of("values", List.of(Map.of("period", period, "value", value)));
    }

    @Test
    void valuesCountOnlyOnceApproved() {
        as(Tokens.user("member-a")).body(batch("2026Q1", 300)).post(values()).then().statusCode(200);
        String progress = base() + "/indicators/" + indicator + "/progress?from=2026Q1&to=2026Q1";
        as(Tokens.admin()).get(progress).then().body("periods[0].status", equalTo("NO_DATA"));
        List<String> pending = as(Tokens.admin()).get(values() + "?status=SUBMITTED").then().statusCode(200)
                .body("$", hasSize(1)).extract().path("id");
        as(Tokens.user("member-a")).body(Map.of("valueIds", pending, "verdict", "APPROVE")).post(values() + "/review")
                .then().statusCode(403).body("detail", equalTo("only backbone staff approve or reject values"));
        as(Tokens.admin()).body(Map.of("valueIds", pending, "verdict", "REJECT")).post(values() + "/review")
                .then().statusCode(422);
        as(Tokens.admin()).body(Map.of("valueIds", pending, "verdict", "APPROVE")).post(values() + "/review")
                .then().statusCode(200).body("reviewed", equalTo(1));
        as(Tokens.admin()).get(progress).then().body("periods[0].value", equalTo(300));
        // a partner sees its own values; an outsider nothing
        as(Tokens.user("member-a")).get(values()).then().statusCode(200).body("status", equalTo(List.of("APPROVED")));
        as(Tokens.user("member-b")).get(values()).then().statusCode(404);
    }

    @Test
    void aLockedPeriodRefusesSubmissionsWith409UntilReopened() {
        as(Tokens.user("member-a")).body(Map.of("indicatorId", indicator)).put(base() + "/periods/2026Q1/lock")
                .then().statusCode(403).body("detail", equalTo("only backbone staff lock periods"));
        as(Tokens.admin()).body(Map.of("indicatorId", indicator)).put(base() + "/periods/2026Q1/lock").then().statusCode(204);
        as(Tokens.user("member-a")).body(batch("2026Q1", 10)).post(values()).then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("values[0].period"));
        as(Tokens.user("member-a")).body(batch("2026Q2", 10)).post(values()).then().statusCode(200);
        as(Tokens.admin()).delete(base() + "/periods/2026Q1/lock?indicatorId=" + indicator).then().statusCode(204);
        as(Tokens.user("member-a")).body(batch("2026Q1", 10)).post(values()).then().statusCode(200);
        // initiative-wide lock
        as(Tokens.admin()).put(base() + "/periods/2026Q3/lock").then().statusCode(204);
        as(Tokens.user("member-a")).body(batch("2026Q3", 10)).post(values()).then().statusCode(409);
    }

    @Test
    void aLockForABlankIndicatorIs422AndLocksNothing() {
        // Jackson read "\u0000" or " " as no indicator at all, and the lock then took the whole initiative
        for (String blank : new String[] {"\\u0000", " "}) {
            as(Tokens.admin()).body("{\"indicatorId\":\"" + blank + "\"}").put(base() + "/periods/2026Q2/lock").then()
                    .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("indicatorId"));
        }
        as(Tokens.user("member-a")).body(batch("2026Q2", 10)).post(values()).then().statusCode(200);
    }
}
