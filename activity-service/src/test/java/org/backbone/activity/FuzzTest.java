package org.backbone.activity;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.Api;
import org.backbone.kit.testing.FuzzContract;

/** Every operation of activity-service fuzzed against a small TOP15 with a plan and one activity. */
@QuarkusTest
class FuzzTest extends FuzzContract {

    @Inject
    @DataSource("kit")
    AgroalDataSource db;

    @Override
    protected Map<String, List<String>> knownValues() {
        try {
            Top15Agenda top15 = Top15Agenda.publish(db, true);
            top15.plan();
            String activity = Api.as(Tokens.admin())
                    .body(top15.activity("Fuzzed club", Tokens.ORG_A, "club", top15.maths, "N-HAI", "girls-10-12"))
                    .post(top15.path("/activities")).then().statusCode(201).extract().path("id");
            return Map.of(
                    "initiativeId", List.of(top15.initiative.toString()),
                    "activityId", List.of(activity),
                    "goalId", List.of(top15.maths.toString(), top15.teaching.toString()),
                    "goalIds", List.of(top15.maths.toString()),
                    "organisationId", List.of(Tokens.ORG_A.toString(), top15.ministry.toString()),
                    "kind", List.of("locations", "target-groups", "activity-types"),
                    "location", List.of("N-HAI", "S-BS"),
                    "targetGroup", List.of("girls-10-12", "teachers"),
                    "activityType", List.of("club", "training"),
                    "period", List.of("2025Sep", "2025Q4"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the fuzzed initiative", e);
        }
    }
}
