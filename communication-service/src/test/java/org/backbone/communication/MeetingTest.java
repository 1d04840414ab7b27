package org.backbone.communication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.backbone.contracts.agenda.InitiativeCreated;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.contracts.agenda.RatificationRule;
import org.backbone.contracts.agenda.Sector;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.AgendaEvents;
import org.backbone.kit.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Meetings against the real servers: who schedules, reads, sees the link and registers; the
 * agenda; the iCalendar invitation (read back by ical4j's parser) and the private calendar feed.
 * Partner A is invited, partner B is a partner of the initiative that is not.
 */
@QuarkusTest
class MeetingTest {

    static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");
    static final String LINK = "https://meet.example.org/steering";

    private final UUID initiative = UUID.randomUUID();

    @BeforeEach
    void initiativeWithTwoPartners() throws Exception {
        Following.feed();
        Following.notifications();
        AgendaEvents.publish(new InitiativeCreated(initiative, "Meeting " + initiative, null, null, null,
                        new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"),
                new PartnerJoined(initiative, Tokens.ORG_A, "Atid STEM Network", Sector.NONPROFIT, PartnerRole.FOUNDING,
                        Instant.now()),
                new PartnerJoined(initiative, Tokens.ORG_B, "Negev Tech", Sector.BUSINESS, PartnerRole.CORE, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.as(Tokens.user("member-b")).get(path("")).statusCode() == 200
                && Api.as(Tokens.admin()).get("/v1/initiatives/" + initiative + "/feed").then().extract()
                        .<List<?>>path("items").size() >= 3);
    }

    @ParameterizedTest(name = "{0}: schedules {1}, reads {2}, sees the link {3}, registers {4}")
    @CsvSource({"admin, 201, 200, true, 200", "member-a, 403, 200, true, 200", "member-b, 403, 200, false, 403",
            "observer, 403, 200, false, 403"})
    void whoSchedulesReadsSeesTheLinkAndRegisters(String who, int schedules, int reads, boolean seesLink, int registers) {
        String id = schedule(meeting("Steering committee", 7));
        Api.as(Callers.token(who)).body(meeting("Another", 8)).post(path("")).then().statusCode(schedules);
        var read = Api.as(Callers.token(who)).get(path("/" + id)).then().statusCode(reads);
        read.body("link", seesLink ? equalTo(LINK) : nullValue()).body("invited", equalTo(seesLink));
        String ics = Api.as(Callers.token(who)).get(path("/" + id + ".ics")).then().statusCode(200).extract().asString();
        assertThat(ics.contains(LINK)).isEqualTo(seesLink);
        Api.as(Callers.token(who)).post(path("/" + id + "/registrations")).then().statusCode(registers);
        Api.as(Callers.token(who)).body(Map.of("reason", "no")).put(path("/" + id + "/cancellation")).then()
                .statusCode(who.equals("admin") ? 200 : 403);
    }

    @Test
    void aStrangerReadsNothing() {
        String id = schedule(meeting("Steering committee", 7));
        Api.as(Tokens.user("member-b")).get("/v1/initiatives/" + UUID.randomUUID() + "/meetings/" + id).then().statusCode(404);
        Api.as(Tokens.admin()).get(path("/" + UUID.randomUUID())).then().statusCode(404);
        Api.as(Tokens.admin()).get(path("/" + UUID.randomUUID() + ".ics")).then().statusCode(404);
    }

    @Test
    void theInvitationIsICalendarWhoseSequenceCountsChangesAndACancellationCancels() throws Exception {
        Map<String, Object> body = meeting("Quarterly data session", 10);
        String id = schedule(body);
        VEvent first = event(Api.as(Tokens.user("member-a")).get(path("/" + id + ".ics")).then().statusCode(200)
                .contentType("text/calendar;charset=UTF-8").extract().asString(), "PUBLISH");
        assertThat(prop(first, "UID")).isEqualTo(id + "@backbone");
        assertThat(first.getProperties("DTSTAMP")).hasSize(1);
        assertThat(prop(first, "SEQUENCE")).isEqualTo("0");
        assertThat(prop(first, "URL")).endsWith("/v1/initiatives/" + initiative + "/meetings/" + id);
        assertThat(first.getProperty("DTSTART").orElseThrow().toString()).contains("TZID=Asia/Jerusalem");
        assertThat(prop(first, "DTSTART")).endsWith("T100000");

        body.put("startsAt", LocalDateTime.parse(body.get("startsAt").toString()).plusHours(1).toString());
        body.put("endsAt", LocalDateTime.parse(body.get("endsAt").toString()).plusHours(1).toString());
        Api.as(Tokens.admin()).body(body).put(path("/" + id)).then().statusCode(200).body("sequence", equalTo(1))
                .body("localStart", startsWith(body.get("startsAt").toString()));
        VEvent moved = event(Api.as(Tokens.user("member-a")).get(path("/" + id + ".ics")).then().extract().asString(), "PUBLISH");
        assertThat(prop(moved, "SEQUENCE")).isEqualTo("1");
        assertThat(prop(moved, "DTSTART")).endsWith("T110000");

        Api.as(Tokens.admin()).body(Map.of("reason", "The minister called a meeting")).put(path("/" + id + "/cancellation"))
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        VEvent cancelled = event(Api.as(Tokens.user("member-a")).get(path("/" + id + ".ics")).then().extract().asString(), "CANCEL");
        assertThat(prop(cancelled, "SEQUENCE")).isEqualTo("2");
        assertThat(prop(cancelled, "STATUS")).isEqualTo("CANCELLED");
        // a cancelled meeting changes no more
        Api.as(Tokens.admin()).body(body).put(path("/" + id)).then().statusCode(409);
        Api.as(Tokens.user("member-a")).post(path("/" + id + "/registrations")).then().statusCode(409);
        Api.as(Tokens.admin()).body(Map.of("reason", "again")).put(path("/" + id + "/cancellation")).then().statusCode(409);
    }

    @Test
    void theInvitedAreToldOfAMeetingAndThoseNotInvitedAreNot() {
        schedule(meeting("Working group on girls in science", 7));
        await().atMost(Duration.ofSeconds(30)).until(() -> Callers.notificationKinds(Tokens.user("member-a"), initiative)
                .contains("meeting.scheduled"));
        assertThat(Callers.notificationKinds(Tokens.user("member-b"), initiative)).doesNotContain("meeting.scheduled");
    }

    @Test
    void registrationIsOncePerPersonAndPartnersSeeTheirOwnOrganisations() {
        String id = schedule(meeting("Steering committee", 7));
        Api.as(Tokens.user("member-a")).post(path("/" + id + "/registrations")).then().statusCode(200)
                .body("organisationId", equalTo(Tokens.ORG_A.toString()));
        Api.as(Tokens.user("member-a")).post(path("/" + id + "/registrations")).then().statusCode(200);
        Api.as(Tokens.admin()).post(path("/" + id + "/registrations")).then().statusCode(200);
        Api.as(Tokens.admin()).get(path("/" + id + "/registrations")).then().statusCode(200).body("size()", equalTo(2));
        Api.as(Tokens.user("member-a")).get(path("/" + id + "/registrations")).then().statusCode(200).body("size()", equalTo(1));
        Api.as(Tokens.user("member-b")).get(path("/" + id + "/registrations")).then().statusCode(403);
        Api.as(Tokens.user("member-a")).delete(path("/" + id + "/registrations/me")).then().statusCode(204);
        Api.as(Tokens.user("member-a")).delete(path("/" + id + "/registrations/me")).then().statusCode(404);
    }

    @Test
    void theAgendaIsWrittenInOrderLinkedToKnownObjectsAndSuggestionsCanBeAdded() {
        String id = schedule(meeting("Steering committee", 7));
        String first = Api.as(Tokens.admin()).body(Map.of("title", "Welcome", "minutes", 5)).post(path("/" + id + "/agenda-items"))
                .then().statusCode(201).body("position", equalTo(1)).extract().path("id");
        String second = Api.as(Tokens.admin()).body(Map.of("title", "Where we stand", "minutes", 30, "object",
                        Map.of("service", "agenda", "type", "initiative", "id", initiative.toString())))
                .post(path("/" + id + "/agenda-items")).then().statusCode(201).body("position", equalTo(2)).extract().path("id");
        Api.as(Tokens.admin()).body(Map.of("title", "Nothing", "minutes", 5, "object",
                        Map.of("service", "measurement", "type", "indicator", "id", UUID.randomUUID().toString())))
                .post(path("/" + id + "/agenda-items")).then().statusCode(422).body("errors.field", hasItem("object"));
        Api.as(Tokens.admin()).body(Map.of("title", "Too long", "minutes", 481)).post(path("/" + id + "/agenda-items")).then()
                .statusCode(422).body("errors.field", hasItem("minutes"));
        Api.as(Tokens.user("member-a")).body(Map.of("title", "Mine", "minutes", 5)).post(path("/" + id + "/agenda-items"))
                .then().statusCode(403);

        Api.as(Tokens.admin()).body(Map.of("itemIds", List.of(first))).put(path("/" + id + "/agenda-items/order")).then()
                .statusCode(422).body("errors.field", hasItem("itemIds"));
        Api.as(Tokens.admin()).body(Map.of("itemIds", List.of(second, first))).put(path("/" + id + "/agenda-items/order")).then()
                .statusCode(200).body("items.id", equalTo(List.of(second, first))).body("items.position", equalTo(List.of(1, 2)))
                .body("minutes", equalTo(35));
        Api.as(Tokens.admin()).delete(path("/" + id + "/agenda-items/" + second)).then().statusCode(204);
        Api.as(Tokens.user("observer")).get(path("/" + id + "/agenda-items")).then().statusCode(200)
                .body("items.id", equalTo(List.of(first))).body("items[0].position", equalTo(1));
        // four changes to the agenda, four more in the invitation's sequence
        Api.as(Tokens.admin()).get(path("/" + id)).then().body("sequence", equalTo(4));
        Api.as(Tokens.admin()).post(path("/" + id + "/agenda-items/suggested")).then().statusCode(200)
                .body("items[0].id", equalTo(first));
    }

    @Test
    void badMeetingsAreRefusedNamingTheField() {
        Map<String, Object> backwards = meeting("Backwards", 7);
        backwards.put("endsAt", LocalDateTime.parse(backwards.get("startsAt").toString()).minusHours(1).toString());
        Api.as(Tokens.admin()).body(backwards).post(path("")).then().statusCode(422).body("errors.field", hasItem("endsAt"));
        Map<String, Object> nowhere = meeting("Nowhere", 7);
        nowhere.put("timeZone", "+02:00");
        Api.as(Tokens.admin()).body(nowhere).post(path("")).then().statusCode(422).body("errors.field", hasItem("timeZone"));
        Map<String, Object> noLink = meeting("No link", 7);
        noLink.remove("link");
        Api.as(Tokens.admin()).body(noLink).post(path("")).then().statusCode(422).body("errors.field", hasItem("link"));
        Map<String, Object> plain = meeting("Plain", 7);
        plain.put("link", "http://meet.example.org/x");
        Api.as(Tokens.admin()).body(plain).post(path("")).then().statusCode(422).body("errors.field", hasItem("link"));
        Map<String, Object> stranger = meeting("Stranger", 7);
        stranger.put("invitedOrganisationIds", List.of(UUID.randomUUID().toString()));
        Api.as(Tokens.admin()).body(stranger).post(path("")).then().statusCode(422)
                .body("errors.field", hasItem("invitedOrganisationIds"));
        Map<String, Object> numeric = meeting("Numbers", 7);
        numeric.put("startsAt", List.of(2026, 12, 10, 10, 0));
        Api.as(Tokens.admin()).body(numeric).post(path("")).then().statusCode(422).body("errors.field", hasItem("startsAt"));
        String id = schedule(meeting("Not yet", 7));
        Api.as(Tokens.admin()).body(Map.of("status", "HELD")).put(path("/" + id + "/status")).then().statusCode(409);
        Api.as(Tokens.admin()).body(Map.of("status", "CANCELLED")).put(path("/" + id + "/status")).then().statusCode(422);
        Api.as(Tokens.admin()).body(Map.of("organisationIds", List.of(Tokens.ORG_A.toString()))).put(path("/" + id + "/attendance"))
                .then().statusCode(409);
    }

    @Test
    void aPrivateCalendarFeedShowsTheMeetingsThatInviteItsOwnerByTokenAlone() throws Exception {
        String id = schedule(meeting("Steering committee", 7));
        String url = Api.as(Tokens.user("member-a")).put("/v1/me/calendar-feed").then().statusCode(200).extract().path("url");
        String token = url.substring(url.indexOf("token=") + "token=".length());
        String feed = given().queryParam("token", token).get("/v1/me/meetings.ics").then().statusCode(200).extract().asString();
        assertThat(calendar(feed).getComponents("VEVENT")).extracting(c -> prop((VEvent) c, "UID"))
                .contains(id + "@backbone");
        String other = Api.as(Tokens.user("member-b")).put("/v1/me/calendar-feed").then().statusCode(200).extract().path("url");
        String otherFeed = given().queryParam("token", other.substring(other.indexOf("token=") + 6)).get("/v1/me/meetings.ics")
                .then().statusCode(200).extract().asString();
        assertThat(otherFeed).doesNotContain(id + "@backbone");
        // a new address revokes the old one; a made-up token and no token at all open nothing
        Api.as(Tokens.user("member-a")).put("/v1/me/calendar-feed").then().statusCode(200);
        given().queryParam("token", token).get("/v1/me/meetings.ics").then().statusCode(404);
        given().queryParam("token", "made-up").get("/v1/me/meetings.ics").then().statusCode(404);
        given().get("/v1/me/meetings.ics").then().statusCode(401);
        Api.as(Tokens.user("member-a")).get("/v1/me/meetings.ics").then().statusCode(200);
        Api.as(Tokens.user("observer")).put("/v1/me/calendar-feed").then().statusCode(403);
    }

    static VEvent event(String ics, String method) throws Exception {
        Calendar calendar = calendar(ics);
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo(method);
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }

    static String prop(VEvent event, String name) {
        return event.getProperty(name).orElseThrow().getValue();
    }

    static Calendar calendar(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private String schedule(Map<String, Object> body) {
        return Api.as(Tokens.admin()).body(body).post(path("")).then().statusCode(201).extract().path("id");
    }

    /** A hybrid meeting inviting partner A, {@code days} from now at 10:00 in Jerusalem, for two hours. */
    static Map<String, Object> meeting(String title, int days) {
        LocalDateTime start = LocalDateTime.now(JERUSALEM).plusDays(days).truncatedTo(ChronoUnit.DAYS).withHour(10);
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("kind", "HYBRID");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plusHours(2).toString());
        body.put("timeZone", "Asia/Jerusalem");
        body.put("place", "Tel Aviv, Rothschild 1");
        body.put("link", LINK);
        body.put("invitedOrganisationIds", List.of(Tokens.ORG_A.toString()));
        return body;
    }

    private String path(String rest) {
        return "/v1/initiatives/" + initiative + "/meetings" + rest;
    }
}
