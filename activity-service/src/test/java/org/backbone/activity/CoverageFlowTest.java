package org.backbone.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backbone.contracts.Topics;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.Api;
import org.backbone.kit.testing.KafkaProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registering and moving activities opens and resolves gaps and overlaps, with their events, in one step. */
@QuarkusTest
class CoverageFlowTest {

    @Inject
    @DataSource("kit")
    AgroalDataSource db;

    private Top15Agenda top15;

    @BeforeEach
    void initiative() throws Exception {
        top15 = Top15Agenda.publish(db, true);
        top15.plan();
    }

    @Test
    void aRecomputeWithNothingMovedChangesNothingAndALocationLeavingThePlanTakesItsGapsAlong() {
        register(Tokens.user("member-a"), top15.activity("Maths club Haifa", Tokens.ORG_A, "club", top15.maths, "N-HAI",
                "girls-10-12"));
        int findings = Api.as(Tokens.admin()).post(top15.path("/findings/recompute")).then().statusCode(200)
                .body("opened", org.hamcrest.Matchers.equalTo(0)).body("resolved", org.hamcrest.Matchers.equalTo(0))
                .extract().path("findings");
        assertThat(open("UNCOVERED")).anyMatch(f -> "N-KAR".equals(f.get("location")));

        // Karmiel leaves the vocabulary (no activity names it): its gaps resolve, nothing else moves
        top15.vocabulary("locations", List.of(Top15Agenda.entry("N", null, "North"), Top15Agenda.entry("N-HAI", "N", "Haifa"),
                Top15Agenda.entry("N-HAI-1", "N-HAI", "Haifa school 1"), Top15Agenda.entry("S", null, "South"),
                Top15Agenda.entry("S-BS", "S", "Be'er Sheva")));
        assertThat(open("UNCOVERED")).noneMatch(f -> "N-KAR".equals(f.get("location")))
                .anyMatch(f -> "S-BS".equals(f.get("location")));
        int karmiel = findings - Api.as(Tokens.admin()).post(top15.path("/findings/recompute")).then().statusCode(200)
                .body("opened", org.hamcrest.Matchers.equalTo(0)).body("resolved", org.hamcrest.Matchers.equalTo(0))
                .extract().<Integer>path("findings");
        assertThat(karmiel).as("Karmiel's cells: 2 goals, their groups").isPositive();
        // comparing every stored finding finds the same: the digests left nothing behind
        Api.as(Tokens.admin()).queryParam("rebuild", true).post(top15.path("/findings/recompute")).then()
                .statusCode(200).body("findings", org.hamcrest.Matchers.equalTo(findings - karmiel))
                .body("opened", org.hamcrest.Matchers.equalTo(0)).body("resolved", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void theListFiltersByPeriodOnTheSpanActualWhereKnown() {
        Map<String, Object> autumn = top15.activity("Autumn course", Tokens.ORG_A, "training", top15.teaching, "S-BS",
                "teachers");
        autumn.put("plannedStart", "2025-09-01");
        autumn.put("plannedEnd", "2025-11-30");
        register(Tokens.admin(), autumn);
        register(Tokens.admin(), top15.activity("Year-long club", Tokens.ORG_A, "club", top15.maths, "N-HAI",
                "girls-10-12"));
        assertThat(titles("2025Q4")).containsExactly("Autumn course", "Year-long club");
        assertThat(titles("2026Q1")).containsExactly("Year-long club");
        assertThat(titles("2026Q3")).isEmpty();
        Api.as(Tokens.admin()).queryParam("period", "autumn").get(top15.path("/activities")).then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("period"));
    }

    private List<String> titles(String period) {
        return Api.as(Tokens.user("observer")).queryParam("period", period).get(top15.path("/activities")).then()
                .statusCode(200).extract().path("items.title");
    }

    @Test
    void aPlanWithoutActivitiesIsUncoveredEverywhere() {
        // no activity names a group yet: every leaf group (girls 10-12, teachers) in each of 3 municipalities, for 2 goals
        List<String> kinds = Api.as(Tokens.user("observer")).queryParam("limit", 200).get(top15.path("/findings"))
                .then().statusCode(200).extract().path("items.kind");
        assertThat(kinds).hasSize(2 * 3 * 2).containsOnly("UNCOVERED");
    }

    @Test
    void startingAnActivityClosesItsGapAndASecondPartnerDoingTheSameIsARisk() throws Exception {
        try (KafkaProbe probe = KafkaProbe.subscribe(Topics.ACTIVITY)) {
            String first = register(Tokens.user("member-a"), top15.activity("Maths club Haifa", Tokens.ORG_A, "club",
                    top15.maths, "N-HAI-1", "girls-10-12"));
            assertThat(open("PLANNED_ONLY")).extracting(f -> f.get("location")).containsExactly("N-HAI");

            Api.as(Tokens.user("member-a")).body(Map.of("status", "ONGOING", "actualStart", "2025-09-07"))
                    .post(top15.path("/activities/" + first + "/transitions")).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("ONGOING"));
            assertThat(open("PLANNED_ONLY")).isEmpty();
            assertThat(open("UNCOVERED")).filteredOn(f -> top15.maths.toString().equals(f.get("goalId")))
                    .extracting(f -> f.get("location") + "/" + f.get("targetGroup"))
                    .containsExactlyInAnyOrder("N-KAR/girls-10-12", "S-BS/girls-10-12");

            String second = register(Tokens.user("member-b"), top15.activity("Girls code club", Tokens.ORG_B, "club",
                    top15.maths, "N-HAI", "pupils-10-12"));
            List<Map<String, Object>> risks = open("DUPLICATION_RISK");
            assertThat(risks).singleElement().satisfies(risk -> {
                assertThat((List<String>) risk.get("activityIds")).containsExactlyInAnyOrder(first, second);
                assertThat((List<String>) risk.get("organisationIds"))
                        .containsExactlyInAnyOrder(Tokens.ORG_A.toString(), Tokens.ORG_B.toString());
            });
            // another type in the same cell reinforces, and is never flagged
            register(Tokens.user("member-b"), top15.activity("Teachers for girls' maths", Tokens.ORG_B, "training",
                    top15.maths, "N-HAI", "girls-10-12"));
            assertThat(open("DUPLICATION_RISK")).hasSize(1);

            Predicate<ConsumerRecord<String, byte[]>> ofInitiative = r -> r.key().equals(top15.initiative.toString());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(probe.received(ofInitiative))
                    .extracting(r -> KafkaProbe.header(r, "ce_type"))
                    .contains("org.backbone.activity.activity.registered.v1",
                            "org.backbone.activity.activity.status-changed.v1",
                            "org.backbone.activity.finding.opened.v1", "org.backbone.activity.finding.resolved.v1"));
            assertThat(probe.received(ofInitiative)).noneSatisfy(r -> assertThat(new String(r.value(),
                    StandardCharsets.UTF_8)).contains("120000"));
        }
    }

    @Test
    void illegalMovesNameTheAllowedOnesAndAMoveNeedsItsDateOrReason() {
        String id = register(Tokens.user("member-a"), top15.activity("Club", Tokens.ORG_A, "club", top15.maths,
                "N-KAR", "girls-10-12"));
        Api.as(Tokens.user("member-a")).body(Map.of("status", "COMPLETED", "actualEnd", "2026-06-30"))
                .post(top15.path("/activities/" + id + "/transitions")).then().statusCode(409)
                .body("detail", containsString("ONGOING")).body("errors.field", hasItem("status"));
        Api.as(Tokens.user("member-a")).body(Map.of("status", "ONGOING"))
                .post(top15.path("/activities/" + id + "/transitions")).then().statusCode(422)
                .body("errors.field", hasItem("actualStart"));
        Api.as(Tokens.user("member-a")).body(Map.of("status", "ONGOING", "actualStart", "2025-09-01"))
                .post(top15.path("/activities/" + id + "/transitions")).then().statusCode(200);
        Api.as(Tokens.user("member-a")).body(Map.of("status", "SUSPENDED"))
                .post(top15.path("/activities/" + id + "/transitions")).then().statusCode(422)
                .body("errors.field", hasItem("reason"));
        Api.as(Tokens.user("member-a")).delete(top15.path("/activities/" + id)).then().statusCode(409);
    }

    @Test
    void aDismissalHoldsUntilTheActivitiesInvolvedChange() {
        String a = register(Tokens.user("member-a"), top15.activity("Club A", Tokens.ORG_A, "club", top15.maths,
                "S-BS", "girls-10-12"));
        String b = register(Tokens.user("member-b"), top15.activity("Club B", Tokens.ORG_B, "club", top15.maths,
                "S-BS", "girls-10-12"));
        Map<String, Object> risk = open("DUPLICATION_RISK").get(0);
        String finding = (String) risk.get("id");
        Api.as(Tokens.user("member-a")).body(Map.of("reason", "we coordinate")).post(top15.path("/findings/" + finding
                + "/dismiss")).then().statusCode(403);
        Api.as(Tokens.admin()).body(Map.of("reason", "A and B split the schools between them"))
                .post(top15.path("/findings/" + finding + "/dismiss")).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("DISMISSED"));
        Api.as(Tokens.admin()).post(top15.path("/findings/recompute")).then().statusCode(200);
        assertThat(state(finding)).isEqualTo("DISMISSED");

        // a change of a key field of one of them: judged afresh
        String etag = Api.as(Tokens.user("member-b")).get(top15.path("/activities/" + b)).then().extract().header("ETag");
        Map<String, Object> changed = top15.activity("Club B", Tokens.ORG_B, "club", top15.maths, "S-BS", "girls-10-12");
        changed.put("plannedEnd", "2026-07-31");
        Api.as(Tokens.user("member-b")).header("If-Match", etag).body(changed).put(top15.path("/activities/" + b))
                .then().statusCode(200);
        assertThat(state(finding)).isEqualTo("OPEN");
        assertThat((List<String>) Api.as(Tokens.admin()).get(top15.path("/findings/" + finding)).then().extract()
                .path("activityIds")).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void aFullRecomputeComparesTheActivitiesOwnFindingsAfterOneOfThemWasReconciledAlone() throws Exception {
        String a = register(Tokens.user("member-a"), top15.activity("Old club", Tokens.ORG_A, "club", top15.maths, "S-BS",
                "girls-10-12"));
        // planned to start in September 2025 and still PLANNED: stale
        Api.as(Tokens.admin()).post(top15.path("/findings/recompute")).then().statusCode(200);
        assertThat(open("STALE")).anyMatch(f -> ((List<?>) f.get("activityIds")).contains(a));

        // rescheduled: its change reconciles its own findings alone, and the STALE one resolves
        String etag = Api.as(Tokens.user("member-a")).get(top15.path("/activities/" + a)).then().extract().header("ETag");
        Map<String, Object> later = top15.activity("Old club", Tokens.ORG_A, "club", top15.maths, "S-BS", "girls-10-12");
        later.put("plannedStart", java.time.LocalDate.now().toString());
        later.put("plannedEnd", java.time.LocalDate.now().plusMonths(6).toString());
        Api.as(Tokens.user("member-a")).header("If-Match", etag).body(later).put(top15.path("/activities/" + a))
                .then().statusCode(200);
        assertThat(open("STALE")).noneMatch(f -> ((List<?>) f.get("activityIds")).contains(a));

        // the dates back where they were, without a change through the API (as the calendar moves on): every
        // own finding computes as at the first recompute, yet the stored ones differ — they must be compared
        try (var connection = db.getConnection(); var statement = connection.prepareStatement(
                "UPDATE activity SET planned_start = DATE '2025-09-01', planned_end = DATE '2026-06-30' WHERE id = ?")) {
            statement.setObject(1, java.util.UUID.fromString(a));
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
        Api.as(Tokens.admin()).post(top15.path("/findings/recompute")).then().statusCode(200);
        assertThat(open("STALE")).anyMatch(f -> ((List<?>) f.get("activityIds")).contains(a));
    }

    @Test
    void repeatedCodesAreNamedNotAServerError() {
        Map<String, Object> body = top15.activity("Club", Tokens.ORG_A, "club", top15.maths, "N-KAR", "girls-10-12");
        body.put("targetGroups", List.of("girls-10-12", "girls-10-12"));
        Api.as(Tokens.user("member-a")).body(body).post(top15.path("/activities")).then().statusCode(422)
                .body("errors.field", hasItem("targetGroups"));
        Api.as(Tokens.admin()).header("If-Match", "*")
                .body(Map.of("coverageLevel", 2, "period", "2025Sep", "boundaries", List.of("N", "N")))
                .put(top15.path("/coverage/settings")).then().statusCode(422).body("errors.field", hasItem("boundaries"));
    }

    private String state(String finding) {
        return Api.as(Tokens.admin()).get(top15.path("/findings/" + finding)).then().statusCode(200).extract().path("state");
    }

    private String register(String token, Map<String, Object> body) {
        return Api.as(token).body(body).post(top15.path("/activities")).then().statusCode(201).extract().path("id");
    }

    private List<Map<String, Object>> open(String kind) {
        return Api.as(Tokens.admin()).queryParam("type", kind).queryParam("status", "OPEN").queryParam("limit", 200)
                .get(top15.path("/findings")).then().statusCode(200).extract().path("items");
    }
}
