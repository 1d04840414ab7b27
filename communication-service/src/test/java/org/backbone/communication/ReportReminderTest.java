package org.backbone.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.agenda.InitiativeCreated;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.contracts.agenda.RatificationRule;
import org.backbone.contracts.agenda.Sector;
import org.backbone.contracts.measurement.Aggregation;
import org.backbone.contracts.measurement.Direction;
import org.backbone.contracts.measurement.IndicatorDefined;
import org.backbone.contracts.measurement.IndicatorStatusChanged;
import org.backbone.contracts.measurement.ProgressStatus;
import org.backbone.contracts.measurement.Periodicity;
import org.backbone.contracts.measurement.ReportedPeriod;
import org.backbone.contracts.measurement.SubmissionChannel;
import org.backbone.contracts.measurement.ValueType;
import org.backbone.contracts.measurement.ValuesRecorded;
import org.backbone.contracts.measurement.Visibility;
import org.backbone.driver.Tokens;
import org.backbone.kit.domain.Period;
import org.backbone.kit.testing.AgendaEvents;
import org.backbone.kit.testing.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders of reports end to end: measurement's events in, the scheduler (on a clock the test moves
 * past the period's end) finds who owes what, and the reminders come back as events — in the feed for
 * staff and the partner concerned alone, and as notifications to that partner's people (and staff once
 * overdue).
 */
@QuarkusTest
class ReportReminderTest {

    private static final ZoneId ISRAEL = ZoneId.of("Asia/Jerusalem");
    private static volatile boolean following;

    private final UUID initiative = UUID.randomUUID();
    private final UUID indicator = UUID.randomUUID();
    private final Period month = Period.containing(LocalDate.now(ISRAEL), Periodicity.MONTHLY, null);

    /**
     * The report consumer starts from the end: wait until an indicator of a probe initiative is
     * tracked (its reminder arrives on a moved clock), so that later events are read in order.
     */
    private static void remindersFollowing() throws Exception {
        if (following) {
            return;
        }
        UUID probe = UUID.randomUUID();
        AgendaEvents.publish(initiativeWithPartners(probe, "Probe " + probe).toArray(BackboneEvent[]::new));
        MovableClock.moveAhead(Duration.ofDays(70));
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).until(() -> {
                AgendaEvents.publish(defined(probe, UUID.randomUUID()));
                return await().atMost(Duration.ofSeconds(6)).ignoreExceptions()
                        .until(() -> kinds(Tokens.user("member-a"), probe), kinds -> !kinds.isEmpty()) != null;
            });
        } finally {
            MovableClock.reset();
        }
        following = true;
    }

    @BeforeEach
    void partnersAAndBWithAGraceOfFiveDays() throws Exception {
        Following.feed();
        Following.notifications();
        remindersFollowing();
        AgendaEvents.publish(initiativeWithPartners(initiative, "Reminded " + initiative).toArray(BackboneEvent[]::new));
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.as(Tokens.admin()).body(Map.of("graceDays", 5))
                .put("/v1/initiatives/" + initiative + "/report-reminders").statusCode() == 200);
    }

    @AfterEach
    void realTime() {
        MovableClock.reset();
    }

    @Test
    void aPartnerWithoutAValueIsRemindedWhenThePeriodEndsAndStaffToldWhenTheGraceIsOver() throws Exception {
        // B reports this month; A does not (B's values come first: the consumer reads in order)
        AgendaEvents.publish(new ValuesRecorded(initiative, UUID.randomUUID(), Tokens.ORG_B, SubmissionChannel.REST, 1, 0,
                List.of(indicator), List.of(new ReportedPeriod(indicator, month.code()))), defined(initiative, indicator));

        moveTo(month.end().plusDays(1)); // the day after the month ends: due, within the grace
        await().atMost(Duration.ofSeconds(30)).until(() -> kinds(Tokens.user("member-a"), initiative).contains("report.due"));
        Map<String, Object> due = notifications(Tokens.user("member-a")).stream()
                .filter(n -> initiative.toString().equals(n.get("initiativeId"))).findFirst().orElseThrow();
        assertThat(due.get("text")).isEqualTo("Your organisation\u2019s value of \u201cGirls in robotics clubs\u201d for "
                + month.code() + " is due by " + month.end().plusDays(5));
        // the feed: staff and A see that A owes it; B does not, nor is B reminded
        assertThat(feedVerbs(Tokens.admin())).contains("communication.report.due");
        assertThat(feedVerbs(Tokens.user("member-a"))).contains("communication.report.due");
        assertThat(feedVerbs(Tokens.user("member-b"))).doesNotContain("communication.report.due");
        assertThat(kinds(Tokens.user("member-b"), initiative)).isEmpty();
        assertThat(kinds(Tokens.admin(), initiative)).doesNotContain("report.due");

        moveTo(month.end().plusDays(6)); // the grace of 5 days is over
        await().atMost(Duration.ofSeconds(30)).until(() -> kinds(Tokens.admin(), initiative).contains("report.overdue"));
        assertThat(kinds(Tokens.user("member-a"), initiative)).containsExactlyInAnyOrder("report.due", "report.overdue");
        assertThat(kinds(Tokens.user("member-b"), initiative)).isEmpty();
        // once each: the scheduler keeps running and sends nothing more
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> kinds(Tokens.user("member-a"), initiative).size() == 2);
    }

    @Test
    void anIndicatorInTroubleIsToldToStaffAndThePartnersThatReportItOnly() throws Exception {
        UUID reportedByA = UUID.randomUUID();
        AgendaEvents.publish(new IndicatorDefined(initiative, reportedByA, "MATHS-5U", "Five-unit maths", "pupils",
                        ValueType.INTEGER, Direction.INCREASE, Aggregation.SUM, Periodicity.YEARLY, List.of(), Visibility.SHARED,
                        false, null, null, List.of(), List.of(Tokens.ORG_A), null),
                new IndicatorStatusChanged(initiative, reportedByA, "2026", ProgressStatus.ON_TRACK, ProgressStatus.OFF_TRACK));
        await().atMost(Duration.ofSeconds(30)).until(() -> kinds(Tokens.admin(), initiative).contains("measurement.indicator-in-trouble")
                && kinds(Tokens.user("member-a"), initiative).contains("measurement.indicator-in-trouble"));
        // both events were handled, in order, before A was told: B, no reporter of it, was not
        assertThat(kinds(Tokens.user("member-b"), initiative)).isEmpty();
    }

    @Test
    void staffSetTheGraceAndPartnersReadIt() {
        Api.as(Tokens.user("member-a")).get("/v1/initiatives/" + initiative + "/report-reminders").then().statusCode(200)
                .body("graceDays", equalTo(5));
        Api.as(Tokens.user("member-a")).body(Map.of("graceDays", 30)).put("/v1/initiatives/" + initiative + "/report-reminders")
                .then().statusCode(403).contentType("application/problem+json");
        Api.as(Tokens.admin()).body(Map.of("graceDays", 366)).put("/v1/initiatives/" + initiative + "/report-reminders")
                .then().statusCode(422);
        Api.as(Tokens.admin()).body(Map.of()).put("/v1/initiatives/" + initiative + "/report-reminders").then().statusCode(422);
        Api.as(Tokens.admin()).get("/v1/initiatives/" + UUID.randomUUID() + "/report-reminders").then().statusCode(404);
        Api.as(Tokens.user("member-a")).get("/v1/initiatives/" + initiative + "/report-reminders").then().statusCode(200)
                .body("graceDays", equalTo(5));
    }

    private static List<BackboneEvent> initiativeWithPartners(UUID id, String name) {
        Instant joined = Instant.now().minus(Duration.ofDays(1));
        return List.of(new InitiativeCreated(id, name, null, null, null, new RatificationRule(RatificationKind.UNANIMOUS, null),
                        "admin"),
                new PartnerJoined(id, Tokens.ORG_A, "Atid STEM Network", Sector.NONPROFIT, PartnerRole.FOUNDING, joined),
                new PartnerJoined(id, Tokens.ORG_B, "Negev Tech", Sector.BUSINESS, PartnerRole.CORE, joined));
    }

    private static IndicatorDefined defined(UUID initiative, UUID indicator) {
        return new IndicatorDefined(initiative, indicator, "GIRLS-ROBOTICS", "Girls in robotics clubs", "girls", ValueType.INTEGER,
                Direction.INCREASE, Aggregation.SUM, Periodicity.MONTHLY, List.of(), Visibility.SHARED, false, null, null,
                List.of(), List.of(Tokens.ORG_A, Tokens.ORG_B), null);
    }

    /** Moves the service's clock to noon of {@code day} in Israel. */
    private static void moveTo(LocalDate day) {
        MovableClock.moveAhead(Duration.between(Instant.now(), day.atTime(LocalTime.NOON).atZone(ISRAEL).toInstant()));
    }

    private List<String> feedVerbs(String token) {
        List<Map<String, Object>> items = Api.as(token).get("/v1/initiatives/" + initiative + "/feed?limit=100").then()
                .statusCode(200).extract().path("items");
        return items.stream().map(i -> (String) i.get("verb")).toList();
    }

    private static List<Map<String, Object>> notifications(String token) {
        return Api.as(token).get("/v1/me/notifications?limit=200").then().statusCode(200).extract().path("items");
    }

    private static List<String> kinds(String token, UUID initiative) {
        return notifications(token).stream().filter(n -> initiative.toString().equals(n.get("initiativeId")))
                .map(n -> (String) n.get("kind")).toList();
    }
}
