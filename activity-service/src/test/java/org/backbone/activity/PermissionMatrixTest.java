package org.backbone.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Roles × own/other organisation × member/non-member. The initiative has organisation A and a ministry
 * (no login) as partners; organisation B is not a member. One activity is A's, one the ministry's
 * with A only funding it.
 */
@QuarkusTest
class PermissionMatrixTest {

    @Inject
    @DataSource("kit")
    AgroalDataSource db;

    private Top15Agenda top15;
    private String ownActivity;
    private String fundedActivity;

    @BeforeEach
    void initiativeWithoutB() throws Exception {
        top15 = Top15Agenda.publish(db, false);
        top15.plan();
        ownActivity = register(Tokens.admin(), top15.activity("A's club", Tokens.ORG_A, "club", top15.maths,
                "N-HAI", "girls-10-12"));
        fundedActivity = register(Tokens.admin(), funded());
    }

    private Map<String, Object> funded() {
        Map<String, Object> body = top15.activity("Ministry training", top15.ministry, "training", top15.teaching,
                "N", "teachers");
        body.put("participants", List.of(Map.of("organisationId", top15.ministry.toString(), "role", "IMPLEMENTING"),
                Map.of("organisationId", Tokens.ORG_A.toString(), "role", "FUNDING")));
        return body;
    }

    private static String token(String who) {
        return who.endsWith("-system") ? Tokens.system(who) : Tokens.user(who);
    }

    @ParameterizedTest(name = "{0} reading the 3W gets {1}")
    @CsvSource({"admin, 200", "observer, 200", "member-a, 200", "partner-a-system, 200", "member-b, 404",
            "partner-b-system, 404"})
    void readingTheThreeW(String who, int status) {
        String t = token(who);
        Api.as(t).get(top15.path("/activities")).then().statusCode(status);
        Api.as(t).get(top15.path("/activities/" + ownActivity)).then().statusCode(status);
        Api.as(t).get(top15.path("/findings")).then().statusCode(status);
        Api.as(t).get(top15.path("/coverage")).then().statusCode(status);
        Api.as(t).get(top15.path("/vocabularies/locations")).then().statusCode(status);
        Api.as(t).get(top15.path("/coverage/settings")).then().statusCode(status);
        Api.as(t).get(top15.path("/activities/" + ownActivity + "/reports")).then().statusCode(status);
        Api.as(t).get(top15.path("/activities/" + ownActivity + "/trace")).then().statusCode(status);
        Api.as(t).get(top15.path("/goals/" + top15.maths + "/contributors")).then().statusCode(status);
        Api.as(t).get(top15.path("/alignment")).then().statusCode(status);
        Api.as(t).get(top15.path("/commitments")).then().statusCode(status);
        Api.as(t).get(top15.path("/activities/export")).then().statusCode(status);
        Api.as(t).queryParam("format", "hxl").get(top15.path("/activities/export")).then().statusCode(status);
        Api.as(t).accept("text/csv").get(top15.path("/vocabularies/target-groups")).then().statusCode(status);
    }

    @ParameterizedTest(name = "{0} reporting the reach of A's activity gets {1}, reviewing it {2}")
    @CsvSource({"admin, 200, 200", "member-a, 200, 403", "partner-a-system, 200, 403", "observer, 403, 403",
            "member-b, 404, 404"})
    void thoseResponsibleReportAndOnlyStaffReview(String who, int report, int review) {
        Api.as(Tokens.admin()).body(Map.of("status", "ONGOING", "actualStart", "2025-09-01"))
                .post(top15.path("/activities/" + ownActivity + "/transitions")).then().statusCode(200);
        Map<String, Object> body = Map.of("period", "2025Q4", "lines", List.of(
                Map.of("targetGroup", "girls-10-12", "location", "N-HAI", "reached", 25)));
        Api.as(token(who)).body(body).post(top15.path("/activities/" + ownActivity + "/reports")).then()
                .statusCode(report);
        String id = Api.as(Tokens.admin()).body(body).post(top15.path("/activities/" + ownActivity + "/reports"))
                .then().statusCode(200).extract().path("id");
        Api.as(token(who)).body(Map.of("status", "ACCEPTED"))
                .post(top15.path("/activities/" + ownActivity + "/reports/" + id + "/review")).then().statusCode(review);
    }

    @ParameterizedTest(name = "{0} committing for A gets {1}, for the ministry {2}")
    @CsvSource({"admin, 201, 201", "member-a, 201, 403", "partner-a-system, 201, 403", "observer, 403, 403",
            "member-b, 404, 404"})
    void partnersCommitOnlyForTheirOwnOrganisation(String who, int forA, int forMinistry) throws Exception {
        UUID indicator = UUID.randomUUID();
        org.backbone.kit.testing.AgendaEvents.publish(new org.backbone.contracts.measurement.IndicatorDefined(
                top15.initiative, indicator, "PUPILS", "Pupils", null, org.backbone.contracts.measurement.ValueType.INTEGER,
                org.backbone.contracts.measurement.Direction.INCREASE, org.backbone.contracts.measurement.Aggregation.SUM,
                org.backbone.contracts.measurement.Periodicity.SCHOOL_YEAR, List.of(top15.maths),
                org.backbone.contracts.measurement.Visibility.SHARED, false, null, null, List.of()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> Top15Agenda.count(db,
                "SELECT count(*) FROM indicator WHERE id = '" + indicator + "'") == 1);
        for (var org : List.of(Map.entry(Tokens.ORG_A, forA), Map.entry(top15.ministry, forMinistry))) {
            Api.as(token(who)).body(Map.of("organisationId", org.getKey().toString(), "indicatorId", indicator.toString(),
                            "period", "2025Sep", "amount", 10)).post(top15.path("/commitments")).then()
                    .statusCode(org.getValue());
        }
    }

    @ParameterizedTest(name = "{0} sees the budget of an activity of A: {1}")
    @CsvSource({"admin, true", "member-a, true", "partner-a-system, true", "observer, false"})
    void budgetsOnlyForStaffAndTheActivitysOrganisations(String who, boolean sees) {
        var answer = Api.as(token(who)).get(top15.path("/activities/" + ownActivity)).then().statusCode(200);
        answer.body("budget", sees ? notNullValue() : nullValue());
        List<Object> listed = Api.as(token(who)).get(top15.path("/activities")).then().statusCode(200)
                .extract().path("items.budget");
        assertThat(listed).hasSize(2);
        if (!sees) {
            assertThat(listed).containsOnlyNulls();
        }
    }

    @Test
    void aFundersMembersSeeItsBudgetButAnotherPartnerWouldNot() {
        Api.as(Tokens.user("member-a")).get(top15.path("/activities/" + fundedActivity)).then().statusCode(200)
                .body("budget.currency", equalTo("ILS"));
    }

    @ParameterizedTest(name = "{0} registering an activity A implements gets {1}")
    @CsvSource({"admin, 201", "member-a, 201", "partner-a-system, 201", "observer, 403", "member-b, 404",
            "partner-b-system, 404"})
    void registeringForOnesOwnOrganisation(String who, int status) {
        Api.as(token(who)).body(top15.activity("Club " + UUID.randomUUID(), Tokens.ORG_A, "club", top15.maths,
                "N-KAR", "girls-10-12")).post(top15.path("/activities")).then().statusCode(status);
    }

    @Test
    void aPartnerThatOnlyFundsMayNeitherRegisterNorChangeTheActivity() {
        Api.as(Tokens.user("member-a")).body(funded()).post(top15.path("/activities")).then().statusCode(403);
        String etag = Api.as(Tokens.admin()).get(top15.path("/activities/" + fundedActivity)).then().extract().header("ETag");
        Api.as(Tokens.user("member-a")).header("If-Match", etag).body(funded())
                .put(top15.path("/activities/" + fundedActivity)).then().statusCode(403);
        Api.as(Tokens.user("member-a")).body(Map.of("status", "CANCELLED", "reason", "no"))
                .post(top15.path("/activities/" + fundedActivity + "/transitions")).then().statusCode(403);
        Api.as(Tokens.user("member-a")).delete(top15.path("/activities/" + fundedActivity)).then().statusCode(403);
    }

    @Test
    void aPartnerMayNotHandItsActivityToAnother() {
        String etag = Api.as(Tokens.user("member-a")).get(top15.path("/activities/" + ownActivity)).then().extract()
                .header("ETag");
        Api.as(Tokens.user("member-a")).header("If-Match", etag).body(top15.activity("A's club", top15.ministry, "club",
                top15.maths, "N-HAI", "girls-10-12")).put(top15.path("/activities/" + ownActivity)).then().statusCode(403);
    }

    @ParameterizedTest(name = "{0} replacing a vocabulary gets {1}")
    @CsvSource({"admin, 200", "member-a, 403", "partner-a-system, 403", "observer, 403", "member-b, 404"})
    void onlyStaffMaintainVocabularies(String who, int status) {
        Api.as(token(who)).header("If-Match", "*").body(Map.of("entries", List.of(
                        Top15Agenda.entry("club", null, "After-school club"), Top15Agenda.entry("training", null, "Training"))))
                .put(top15.path("/vocabularies/activity-types")).then().statusCode(status);
        Api.as(token(who)).header("If-Match", "*").body(Map.of("coverageLevel", 2, "period", "2025Sep"))
                .put(top15.path("/coverage/settings")).then().statusCode(status);
    }

    @ParameterizedTest(name = "{0}: acknowledge {1}, dismiss {2}, recompute {3}")
    @CsvSource({"admin, 200, 200, 200", "member-a, 200, 403, 403", "observer, 403, 403, 403", "member-b, 404, 404, 404"})
    void partnersSeeAndAcknowledgeFindingsOnlyStaffDismiss(String who, int acknowledge, int dismiss, int recompute) {
        List<String> ids = Api.as(Tokens.admin()).queryParam("status", "OPEN").get(top15.path("/findings")).then()
                .extract().path("items.id");
        String t = token(who);
        Api.as(t).post(top15.path("/findings/" + ids.get(0) + "/acknowledge")).then().statusCode(acknowledge);
        Api.as(t).body(Map.of("reason", "not relevant")).post(top15.path("/findings/" + ids.get(1) + "/dismiss"))
                .then().statusCode(dismiss);
        Api.as(t).post(top15.path("/findings/recompute")).then().statusCode(recompute);
    }

    @Test
    void anActivityOfAnotherInitiativeIsNotFoundHere() throws Exception {
        Top15Agenda other = Top15Agenda.publish(db, false);
        Api.as(Tokens.admin()).get(other.path("/activities/" + ownActivity)).then().statusCode(404);
        Api.as(Tokens.user("member-a")).get(top15.path("/activities/" + UUID.randomUUID())).then().statusCode(404);
    }

    private String register(String token, Map<String, Object> body) {
        return Api.as(token).body(body).post(top15.path("/activities")).then().statusCode(201).extract().path("id");
    }
}
