package org.backbone.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.contracts.Topics;
import org.backbone.contracts.measurement.Aggregation;
import org.backbone.contracts.measurement.Direction;
import org.backbone.contracts.measurement.IndicatorDefined;
import org.backbone.contracts.measurement.IndicatorRetired;
import org.backbone.contracts.measurement.IndicatorTarget;
import org.backbone.contracts.measurement.Periodicity;
import org.backbone.contracts.measurement.ValueType;
import org.backbone.contracts.measurement.Visibility;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.AgendaEvents;
import org.backbone.kit.testing.Api;
import org.backbone.kit.testing.KafkaProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reach reports and their review, commitments against measurement's targets, and the trace both ways. */
@QuarkusTest
class ReportsCommitmentsTraceTest {

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
    void aReportIsSubmittedByTheResponsiblePartnerAndReviewedByStaffOnly() throws Exception {
        String id = started("Maths club Haifa", LocalDate.of(2025, 9, 7), "2026-06-30");
        List<String> due = Api.as(Tokens.user("observer")).get(top15.path("/activities/" + id + "/reports")).then()
                .statusCode(200).extract().path("findAll { it.status == 'DUE' }.period");
        assertThat(due).contains("2025Q3", "2025Q4");
        try (KafkaProbe probe = KafkaProbe.subscribe(Topics.ACTIVITY)) {
            Map<String, Object> report = Map.of("period", "2025Q4", "narrative", "Two groups a week",
                    "lines", List.of(Map.of("targetGroup", "girls-10-12", "location", "N-HAI-1", "reached", 40)));
            Api.as(Tokens.user("member-b")).body(report).post(top15.path("/activities/" + id + "/reports")).then()
                    .statusCode(403);
            Api.as(Tokens.user("member-a")).body(Map.of("period", "2025Q4", "lines", List.of(
                            Map.of("targetGroup", "teachers", "location", "S-BS", "reached", 3))))
                    .post(top15.path("/activities/" + id + "/reports")).then().statusCode(422)
                    .body("errors.field", hasItem("lines[0].targetGroup")).body("errors.field", hasItem("lines[0].location"));
            String reportId = Api.as(Tokens.user("member-a")).body(report).post(top15.path("/activities/" + id + "/reports"))
                    .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("totalReached", equalTo(40))
                    .extract().path("id");
            String review = top15.path("/activities/" + id + "/reports/" + reportId + "/review");
            Api.as(Tokens.user("member-a")).body(Map.of("status", "ACCEPTED")).post(review).then().statusCode(403);
            Api.as(Tokens.admin()).body(Map.of("status", "SENT_BACK")).post(review).then().statusCode(422)
                    .body("errors.field", hasItem("comment"));
            Api.as(Tokens.admin()).body(Map.of("status", "ACCEPTED")).post(review).then().statusCode(200)
                    .body("status", equalTo("ACCEPTED"));
            Api.as(Tokens.user("member-a")).body(report).post(top15.path("/activities/" + id + "/reports")).then()
                    .statusCode(409).body("errors.field", hasItem("period"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(probe.received(
                            r -> r.key().equals(top15.initiative.toString()))).extracting(r -> KafkaProbe.header(r, "ce_type"))
                    .contains("org.backbone.activity.report.submitted.v1", "org.backbone.activity.report.reviewed.v1"));
        }
    }

    @Test
    void anActivityUnreportedForTwoQuartersIsStaleUntilItReports() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate thisQuarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        LocalDate lastQuarter = thisQuarter.minusMonths(3);
        String id = started("Long club", thisQuarter.minusMonths(9), today.plusYears(1).toString());
        assertThat(stale(id)).isTrue();
        String period = lastQuarter.getYear() + "Q" + ((lastQuarter.getMonthValue() - 1) / 3 + 1);
        Api.as(Tokens.user("member-a")).body(Map.of("period", period, "lines", List.of(
                        Map.of("targetGroup", "girls-10-12", "location", "N-HAI-1", "reached", 12))))
                .post(top15.path("/activities/" + id + "/reports")).then().statusCode(200);
        assertThat(stale(id)).isFalse();
    }

    @Test
    void commitmentsAddUpAgainstTheTargetAndOpenLedgerFindings() throws Exception {
        UUID pupils = UUID.randomUUID();
        UUID average = UUID.randomUUID();
        UUID retired = UUID.randomUUID();
        AgendaEvents.publish(
                indicator(pupils, "PUPILS-5U", Aggregation.SUM),
                indicator(average, "AVG-SCORE", Aggregation.AVERAGE),
                indicator(retired, "OLD", Aggregation.SUM), new IndicatorRetired(top15.initiative, retired));
        await().atMost(Duration.ofSeconds(60)).until(() -> Top15Agenda.count(db, "SELECT count(*) FROM indicator WHERE "
                + "initiative_id = '" + top15.initiative + "' AND (retired OR id <> '" + retired + "')") == 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> !open("UNALLOCATED_TARGET").isEmpty());

        Api.as(Tokens.user("member-a")).body(commitment(Tokens.ORG_B, pupils, "900"))
                .post(top15.path("/commitments")).then().statusCode(403);
        Api.as(Tokens.user("member-a")).body(commitment(Tokens.ORG_A, retired, "1"))
                .post(top15.path("/commitments")).then().statusCode(422).body("errors.field", hasItem("indicatorId"));
        Api.as(Tokens.user("member-a")).body(commitment(Tokens.ORG_A, pupils, "400.5"))
                .post(top15.path("/commitments")).then().statusCode(201);
        ledger(pupils).body("additive", equalTo(true)).body("target", equalTo(1000))
                .body("committed", equalTo(400.5f)).body("unallocated", equalTo(599.5f))
                .body("findings", equalTo(List.of("UNALLOCATED_TARGET")));

        String b = Api.as(Tokens.user("member-b")).body(commitment(Tokens.ORG_B, pupils, "900"))
                .post(top15.path("/commitments")).then().statusCode(201).extract().path("id");
        ledger(pupils).body("overCommitted", equalTo(300.5f)).body("findings", equalTo(List.of("OVER_COMMITTED")));
        assertThat(open("OVER_COMMITTED")).singleElement()
                .satisfies(f -> assertThat(f.get("indicatorId")).isEqualTo(pupils.toString()));
        assertThat(open("UNALLOCATED_TARGET")).noneMatch(f -> pupils.toString().equals(f.get("indicatorId")));

        Api.as(Tokens.user("member-a")).delete(top15.path("/commitments/" + b)).then().statusCode(403);
        Api.as(Tokens.user("member-b")).delete(top15.path("/commitments/" + b)).then().statusCode(204);
        Api.as(Tokens.user("member-b")).delete(top15.path("/commitments/" + b)).then().statusCode(409);
        assertThat(open("OVER_COMMITTED")).isEmpty();

        Api.as(Tokens.user("member-a")).body(commitment(Tokens.ORG_A, average, "70"))
                .post(top15.path("/commitments")).then().statusCode(201);
        ledger(average).body("additive", equalTo(false)).body("committed", nullValue())
                .body("findings", equalTo(List.of()));
    }

    @Test
    void anActivityTracesToItsGoalsAndIndicatorsAndAGoalToItsContributors() throws Exception {
        UUID pupils = UUID.randomUUID();
        AgendaEvents.publish(indicator(pupils, "PUPILS-5U", Aggregation.SUM));
        await().atMost(Duration.ofSeconds(60)).until(() -> Top15Agenda.count(db, "SELECT count(*) FROM indicator WHERE id = '"
                + pupils + "'") == 1);
        String id = started("Maths club Haifa", LocalDate.of(2025, 9, 7), "2026-06-30");

        Api.as(Tokens.user("observer")).get(top15.path("/activities/" + id + "/trace")).then().statusCode(200)
                .body("goals[0].path.id", equalTo(List.of(top15.root.toString(), top15.maths.toString())))
                .body("indicators.code", equalTo(List.of("PUPILS-5U")));
        Api.as(Tokens.user("member-b")).get(top15.path("/goals/" + top15.root + "/contributors")).then().statusCode(200)
                .body("activities.id", equalTo(List.of(id)))
                .body("partners.organisationId", equalTo(List.of(Tokens.ORG_A.toString())));
        Api.as(Tokens.user("member-b")).get(top15.path("/goals/" + UUID.randomUUID() + "/contributors")).then()
                .statusCode(404);
        Api.as(Tokens.admin()).get(top15.path("/alignment")).then().statusCode(200)
                .body("areas.find { it.location == 'N-HAI' && it.goalId == '" + top15.maths + "' }.activities", equalTo(1))
                .body("areas.find { it.location == 'S-BS' && it.goalId == '" + top15.maths + "' }.openGaps",
                        hasItem("UNCOVERED"));
    }

    private IndicatorDefined indicator(UUID id, String code, Aggregation aggregation) {
        return new IndicatorDefined(top15.initiative, id, code, code, "pupils", ValueType.INTEGER, Direction.INCREASE,
                aggregation, Periodicity.SCHOOL_YEAR, List.of(top15.maths), Visibility.SHARED, false, "2024Sep",
                new BigDecimal("600"), List.of(new IndicatorTarget("2025Sep", new BigDecimal("1000"))));
    }

    private static Map<String, Object> commitment(UUID organisation, UUID indicator, String amount) {
        return Map.of("organisationId", organisation.toString(), "indicatorId", indicator.toString(),
                "period", "2025Sep", "amount", new BigDecimal(amount));
    }

    private io.restassured.response.ValidatableResponse ledger(UUID indicator) {
        return Api.as(Tokens.user("observer")).queryParam("indicatorId", indicator).queryParam("period", "2025Sep")
                .get(top15.path("/commitments/ledger")).then().statusCode(200);
    }

    private String started(String title, LocalDate actualStart, String plannedEnd) {
        Map<String, Object> body = top15.activity(title, Tokens.ORG_A, "club", top15.maths, "N-HAI-1", "girls-10-12");
        body.put("plannedStart", actualStart.toString());
        body.put("plannedEnd", plannedEnd);
        String id = Api.as(Tokens.user("member-a")).body(body).post(top15.path("/activities")).then().statusCode(201)
                .extract().path("id");
        Api.as(Tokens.user("member-a")).body(Map.of("status", "ONGOING", "actualStart", actualStart.toString()))
                .post(top15.path("/activities/" + id + "/transitions")).then().statusCode(200);
        return id;
    }

    private boolean stale(String activity) {
        return open("STALE").stream().anyMatch(f -> ((List<?>) f.get("activityIds")).contains(activity));
    }

    private List<Map<String, Object>> open(String kind) {
        return Api.as(Tokens.admin()).queryParam("type", kind).queryParam("status", "OPEN").queryParam("limit", 200)
                .get(top15.path("/findings")).then().statusCode(200).extract().path("items");
    }
}
