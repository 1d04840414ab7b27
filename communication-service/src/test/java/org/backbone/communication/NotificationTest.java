package org.backbone.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.backbone.communication.persistence.Notifications;
import org.backbone.communication.service.NotificationHub;
import org.backbone.contracts.activity.ActivityRegistered;
import org.backbone.contracts.activity.ActivityStatus;
import org.backbone.contracts.activity.ActivityStatusChanged;
import org.backbone.contracts.activity.FindingKind;
import org.backbone.contracts.activity.FindingOpened;
import org.backbone.contracts.activity.Participant;
import org.backbone.contracts.activity.ParticipationRole;
import org.backbone.contracts.agenda.AgendaProposed;
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

/**
 * Notifications end to end: events from Kafka, people from Keycloak's Admin API (the demo users, most
 * of whom never called this service), watches, mutes and preferences, read through /v1/me.
 */
@QuarkusTest
class NotificationTest {

    private final UUID initiative = UUID.randomUUID();
    private final UUID activity = UUID.randomUUID();
    @Inject
    NotificationHub hub;
    @Inject
    @DataSource("kit")
    AgroalDataSource dataSource;

    @BeforeEach
    void initiativeWithTwoPartnersAndAnActivity() throws Exception {
        Following.notifications();
        Following.feed();
        Instant now = Instant.now();
        AgendaEvents.publish(new InitiativeCreated(initiative, "Notified " + initiative, null, null, null,
                        new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"),
                new PartnerJoined(initiative, Tokens.ORG_A, "Atid STEM Network", Sector.NONPROFIT, PartnerRole.FOUNDING, now),
                new PartnerJoined(initiative, Tokens.ORG_B, "Negev Tech", Sector.BUSINESS, PartnerRole.CORE, now),
                new ActivityRegistered(initiative, activity, "Robotics league", "club", ActivityStatus.PLANNED,
                        List.of(new Participant(Tokens.ORG_A, ParticipationRole.IMPLEMENTING)), List.of(), List.of(),
                        List.of("girls-10-12"), LocalDate.parse("2026-09-01"), LocalDate.parse("2027-06-30"), null, null,
                        null, 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> kinds(Tokens.admin(), initiative).size() == 2);
    }

    @Test
    void staffAreToldOfPartnersJoiningAndPartnersAreNot() {
        assertThat(kinds(Tokens.admin(), initiative)).containsExactly("agenda.partner-joined", "agenda.partner-joined");
        assertThat(kinds(Tokens.user("member-a"), initiative)).isEmpty();
        Map<String, Object> told = notifications(Tokens.admin(), "en").stream()
                .filter(n -> initiative.toString().equals(n.get("initiativeId"))).findFirst().orElseThrow();
        assertThat((String) told.get("text")).isIn("Negev Tech joined the initiative as a CORE partner",
                "Atid STEM Network joined the initiative as a FOUNDING partner");
    }

    @Test
    void aVoteTellsEveryPartnersPeopleFromTheDirectoryButNotObserversOrStaff() throws Exception {
        AgendaEvents.publish(new AgendaProposed(initiative, 2, "admin"));
        await().atMost(Duration.ofSeconds(30)).until(() -> kinds(Tokens.user("member-a"), initiative).contains("agenda.vote-opened")
                && kinds(Tokens.user("member-b"), initiative).contains("agenda.vote-opened"));
        assertThat(kinds(Tokens.user("observer"), initiative)).isEmpty();
        assertThat(kinds(Tokens.admin(), initiative)).doesNotContain("agenda.vote-opened");
        Map<String, Object> hebrew = notifications(Tokens.user("member-b"), "he").stream()
                .filter(n -> initiative.toString().equals(n.get("initiativeId"))).findFirst().orElseThrow();
        assertThat(hebrew.get("text")).isEqualTo("גרסה 2 של סדר היום פתוחה להצבעתך");
    }

    @Test
    void watchingAnActivityTellsOfEverythingOnItAndMutingTheInitiativeSilencesIt() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.as(Tokens.user("member-a")).body(Map.of("level", "WATCHING"))
                .put("/v1/me/watches/activity/" + activity).statusCode() == 200);
        Api.as(Tokens.user("member-b")).body(Map.of("level", "MUTED")).put("/v1/me/watches/initiative/" + initiative)
                .then().statusCode(200).body("level", equalTo("MUTED"));
        try {
            AgendaEvents.publish(new ActivityStatusChanged(initiative, activity, ActivityStatus.PLANNED, ActivityStatus.ONGOING,
                    null, LocalDate.parse("2026-09-01"), null, 2),
                    new AgendaProposed(initiative, 2, "admin"));
            await().atMost(Duration.ofSeconds(30)).until(() -> kinds(Tokens.user("member-a"), initiative),
                    kinds -> kinds.contains("watch.activity") && kinds.contains("agenda.vote-opened"));
            // both events were handled for everyone before A's second notification: B, muted, got neither
            assertThat(kinds(Tokens.user("member-b"), initiative)).isEmpty();
            Map<String, Object> watched = notifications(Tokens.user("member-a"), "en").stream()
                    .filter(n -> "watch.activity".equals(n.get("kind"))).findFirst().orElseThrow();
            assertThat(watched.get("text")).isEqualTo("Activity \u201cRobotics league\u201d moved from PLANNED to ONGOING");
        } finally {
            Api.as(Tokens.user("member-b")).delete("/v1/me/watches/initiative/" + initiative).then().statusCode(204);
            Api.as(Tokens.user("member-a")).delete("/v1/me/watches/activity/" + activity).then().statusCode(204);
        }
    }

    @Test
    void aKindTurnedOffInTheAppIsNotShown() throws Exception {
        Api.as(Tokens.user("member-b")).body(Map.of("inApp", false, "email", "NONE"))
                .put("/v1/me/notification-preferences/activity.gap-or-overlap").then().statusCode(200);
        try {
            AgendaEvents.publish(new FindingOpened(initiative, UUID.randomUUID(), FindingKind.DUPLICATION_RISK, null, "haifa",
                    "girls-10-12", null, null, List.of(activity), List.of(Tokens.ORG_A, Tokens.ORG_B), 80, "two clubs"),
                    new AgendaProposed(initiative, 2, "admin"));
            await().atMost(Duration.ofSeconds(30)).until(() -> kinds(Tokens.user("member-b"), initiative).contains("agenda.vote-opened"));
            assertThat(kinds(Tokens.user("member-b"), initiative)).doesNotContain("activity.gap-or-overlap");
            assertThat(kinds(Tokens.user("member-a"), initiative)).contains("activity.gap-or-overlap");
            assertThat(kinds(Tokens.admin(), initiative)).contains("activity.gap-or-overlap");
        } finally {
            Api.as(Tokens.user("member-b")).body(Map.of("inApp", true, "email", "NONE"))
                    .put("/v1/me/notification-preferences/activity.gap-or-overlap").then().statusCode(200);
        }
    }

    @Test
    void theStreamSendsANewNotificationAsItArrivesNotAtTheNextHeartbeat() throws Exception {
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        var response = client.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/v1/me/notifications/stream"))
                        .header("Authorization", "Bearer " + Tokens.user("member-a")).header("Accept", "text/event-stream")
                        // resumes after what member A has: whatever comes next is streamed, however soon
                        .header("Last-Event-ID", Long.toString(newestSeq(Tokens.user("member-a")))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        var stream = response.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> stream.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        assertThat(lines.poll(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(":notifications");
        AgendaEvents.publish(new AgendaProposed(initiative, 3, "admin"));
        await().atMost(Duration.ofSeconds(30)).until(() -> kinds(Tokens.user("member-a"), initiative).contains("agenda.vote-opened"));
        // committed: its NOTIFY wakes the stream, well before the heartbeat's read (every 20 s) would find it
        String data = await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream()
                .filter(l -> l.startsWith("data:") && l.contains(initiative.toString())).findFirst().orElse(null),
                java.util.Objects::nonNull);
        assertThat(data).contains("\"kind\":\"agenda.vote-opened\"").contains("Agenda version 3 is open for your vote");
    }

    @Test
    void theHubWakesOnlyTheStreamsOfThePersonANotifyNames() throws Exception {
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        String last = "last-" + UUID.randomUUID();
        AtomicInteger alices = new AtomicInteger();
        AtomicInteger bobs = new AtomicInteger();
        AtomicInteger lasts = new AtomicInteger();
        List<Runnable> stops = List.of(hub.listen(alice, alices::incrementAndGet), hub.listen(bob, bobs::incrementAndGet),
                hub.listen(last, lasts::incrementAndGet));
        try {
            // the hub may be (re)connecting, which wakes everyone once: count from when it surely listens
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                tell(last);
                return lasts.get() > 0;
            });
            int alicesBefore = alices.get();
            int bobsBefore = bobs.get();
            tell(alice);
            tell(last);
            int lastsBefore = lasts.get();
            // NOTIFYs arrive in the order sent: once the last one's listener ran, Alice's has
            await().atMost(Duration.ofSeconds(10)).until(() -> lasts.get() > lastsBefore);
            assertThat(alices.get()).isGreaterThan(alicesBefore);
            assertThat(bobs.get()).isEqualTo(bobsBefore);
        } finally {
            stops.forEach(Runnable::run);
        }
    }

    @Test
    void whenTheHubsConnectionBreaksEveryStreamIsWokenOnceItListensAgain() throws Exception {
        AtomicInteger woken = new AtomicInteger();
        Runnable stop = hub.listen("carol-" + UUID.randomUUID(), woken::incrementAndGet);
        try {
            // what is told while the hub is not listening is lost: once it listens again, every stream reads
            try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() "
                            + "AND query = 'LISTEN " + Notifications.CHANNEL + "'")) {
                var result = statement.executeQuery();
                result.next();
                assertThat(result.getLong(1)).as("the hub's listening connections").isPositive();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> woken.get() > 0);
        } finally {
            stop.run();
        }
    }

    private void tell(String recipient) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT pg_notify('" + Notifications.CHANNEL + "', ?)")) {
            statement.setString(1, recipient);
            statement.execute();
        }
    }

    @Test
    void oneIsMarkedReadOrAllUpToASeqAndNobodyMarksAnothersNotifications() {
        List<Map<String, Object>> mine = notifications(Tokens.admin(), "en").stream()
                .filter(n -> initiative.toString().equals(n.get("initiativeId"))).toList();
        long newest = ((Number) mine.get(0).get("seq")).longValue();
        long older = ((Number) mine.get(1).get("seq")).longValue();
        Api.as(Tokens.user("member-a")).post("/v1/me/notifications/" + newest + "/read").then().statusCode(404);
        Api.as(Tokens.admin()).post("/v1/me/notifications/" + older + "/read").then().statusCode(204);
        assertThat(readAt(newest)).isNull();
        assertThat(readAt(older)).isNotNull();
        Api.as(Tokens.admin()).body(Map.of("upTo", newest)).post("/v1/me/notifications/read").then().statusCode(200);
        assertThat(readAt(newest)).isNotNull();
        Api.as(Tokens.admin()).get("/v1/me/notifications?unread=true&limit=200").then().statusCode(200)
                .extract().<List<Number>>path("items.seq").forEach(seq -> assertThat(seq.longValue()).isGreaterThan(newest));
    }

    @Test
    void whatICannotReadCannotBeWatched() throws Exception {
        UUID elsewhere = UUID.randomUUID();
        AgendaEvents.publish(new InitiativeCreated(elsewhere, "Elsewhere " + elsewhere, null, null, null,
                new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.as(Tokens.admin()).body(Map.of("level", "WATCHING"))
                .put("/v1/me/watches/initiative/" + elsewhere).statusCode() == 200);
        Api.as(Tokens.admin()).delete("/v1/me/watches/initiative/" + elsewhere).then().statusCode(204);
        Api.as(Tokens.user("member-b")).body(Map.of("level", "WATCHING")).put("/v1/me/watches/initiative/" + elsewhere)
                .then().statusCode(404);
        Api.as(Tokens.user("member-b")).body(Map.of("level", "WATCHING")).put("/v1/me/watches/activity/" + UUID.randomUUID())
                .then().statusCode(404);
        Api.as(Tokens.user("member-b")).body(Map.of("level", "WATCHING")).put("/v1/me/watches/budget/1").then().statusCode(422);
        Api.as(Tokens.user("member-b")).body(Map.of("level", "LOUD")).put("/v1/me/watches/initiative/" + initiative)
                .then().statusCode(422);
        Api.as(Tokens.user("member-b")).body(Map.of("inApp", true, "email", "HOURLY"))
                .put("/v1/me/notification-preferences/agenda.vote-opened").then().statusCode(422);
        Api.as(Tokens.user("member-b")).body(Map.of("inApp", true, "email", "NONE"))
                .put("/v1/me/notification-preferences/no.such-kind").then().statusCode(404);
    }

    private static long newestSeq(String token) {
        List<Map<String, Object>> all = notifications(token, "en");
        return all.isEmpty() ? 0 : ((Number) all.get(0).get("seq")).longValue();
    }

    private Object readAt(long seq) {
        return notifications(Tokens.admin(), "en").stream().filter(n -> ((Number) n.get("seq")).longValue() == seq)
                .findFirst().orElseThrow().get("readAt");
    }

    private static List<Map<String, Object>> notifications(String token, String language) {
        return Api.as(token).header("Accept-Language", language).get("/v1/me/notifications?limit=200").then().statusCode(200)
                .extract().path("items");
    }

    private static List<String> kinds(String token, UUID initiative) {
        return notifications(token, "en").stream().filter(n -> initiative.toString().equals(n.get("initiativeId")))
                .map(n -> (String) n.get("kind")).toList();
    }
}
