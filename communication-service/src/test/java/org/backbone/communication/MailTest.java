package org.backbone.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.contracts.activity.FindingKind;
import org.backbone.contracts.activity.FindingOpened;
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
import org.backbone.kit.testing.GreenMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Email end to end: notifications from Kafka, addresses and languages from Keycloak, mail through a
 * real SMTP server (GreenMail, from ./backbone infra up) and read back from it as a mail client would.
 * Each test's initiative has a name of its own, which its mails carry; other tests' mails are ignored.
 */
@QuarkusTest
class MailTest {

    private static final String MEMBER_A = "member-a@demo.backbone.example";
    private static final String MEMBER_B = "member-b@demo.backbone.example";

    private final UUID initiative = UUID.randomUUID();
    private final String name = "Mailed " + initiative;

    @BeforeEach
    void initiativeWithTwoPartners() throws Exception {
        Following.feed();
        Following.notifications();
        Instant now = Instant.now();
        AgendaEvents.publish(new InitiativeCreated(initiative, name, null, null, null,
                        new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"),
                new PartnerJoined(initiative, Tokens.ORG_A, "Atid STEM Network", Sector.NONPROFIT, PartnerRole.FOUNDING, now),
                new PartnerJoined(initiative, Tokens.ORG_B, "Negev Tech", Sector.BUSINESS, PartnerRole.CORE, now));
        await().atMost(Duration.ofSeconds(60)).until(() -> kinds(Tokens.admin()).size() == 2);
    }

    @Test
    void aVoteIsMailedAtOnceInEachPersonsLanguageWithOneClickUnsubscribe() throws Exception {
        AgendaEvents.publish(new AgendaProposed(initiative, 2, "admin"));
        GreenMail.Received english = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> GreenMail.mentioning(MEMBER_A, name), mails -> mails.size() == 1).get(0);
        assertThat(english.subject()).isEqualTo("[Backbone] Agenda version 2 is open for your vote");
        assertThat(english.text()).contains("Agenda version 2 is open for your vote", name);
        assertThat(english.html()).contains("<html lang=\"en\" dir=\"ltr\">", "Agenda version 2 is open for your vote");
        assertThat(english.listUnsubscribe()).matches("<http://127\\.0\\.0\\.1:8080/api/v1/mail/unsubscribe/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+>");
        assertThat(english.listUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(english.autoSubmitted()).isEqualTo("auto-generated");

        // member-b's account says Hebrew
        GreenMail.Received hebrew = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> GreenMail.mentioning(MEMBER_B, name), mails -> mails.size() == 1).get(0);
        assertThat(hebrew.subject()).isEqualTo("[Backbone] גרסה 2 של סדר היום פתוחה להצבעתך");
        assertThat(hebrew.html()).contains("<html lang=\"he\" dir=\"rtl\">");
        // neither staff nor the observer vote
        assertThat(GreenMail.mentioning("observer@demo.backbone.example", name)).isEmpty();
    }

    @Test
    void theUnsubscribeLinkStopsThatKindForThatPersonAloneAndOnlyWhenPosted() throws Exception {
        AgendaEvents.publish(new AgendaProposed(initiative, 2, "admin"));
        GreenMail.Received mail = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> GreenMail.mentioning(MEMBER_A, name), mails -> mails.size() == 1).get(0);
        String link = mail.listUnsubscribe().replaceAll("^<.*/api(/v1/mail/unsubscribe/.+)>$", "$1");
        try {
            // opening the link (as a mail scanner would) changes nothing
            given().get(link).then().statusCode(200).contentType(containsString("text/html"))
                    .body(containsString("<form method=\"post\""));
            assertThat(emailOf(Tokens.user("member-a"), "agenda.vote-opened")).isEqualTo("IMMEDIATE");
            // a forged or damaged link is refused
            given().post(link.substring(0, link.length() - 2) + "xx").then().statusCode(404)
                    .contentType("application/problem+json");
            given().post("/v1/mail/unsubscribe/not-a-link").then().statusCode(404);

            // the mail client's one click (RFC 8058)
            given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click").post(link)
                    .then().statusCode(200).body(containsString("no more emails about agenda votes"));
            assertThat(emailOf(Tokens.user("member-a"), "agenda.vote-opened")).isEqualTo("NONE");
            assertThat(inAppOf(Tokens.user("member-a"), "agenda.vote-opened")).isTrue();
            assertThat(emailOf(Tokens.user("member-b"), "agenda.vote-opened")).isEqualTo("IMMEDIATE");
            // twice is harmless
            given().post(link).then().statusCode(200);

            // the next vote: B is mailed, A is told in the app only
            AgendaEvents.publish(new AgendaProposed(initiative, 3, "admin"));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> GreenMail.mentioning(MEMBER_B, name),
                    mails -> mails.stream().anyMatch(m -> m.subject().contains("3")));
            await().atMost(Duration.ofSeconds(10)).until(() -> kinds(Tokens.user("member-a")),
                    kinds -> kinds.stream().filter("agenda.vote-opened"::equals).count() == 2);
            assertThat(GreenMail.mentioning(MEMBER_A, name)).hasSize(1);
        } finally {
            Api.as(Tokens.user("member-a")).body(Map.of("inApp", true, "email", "IMMEDIATE"))
                    .put("/v1/me/notification-preferences/agenda.vote-opened").then().statusCode(200);
        }
    }

    @Test
    void aDailyDigestGroupsByInitiativeAndObjectAndGoesOutAtThePersonsHour() throws Exception {
        Api.as(Tokens.user("member-a")).body(Map.of("timeZone", "Asia/Tokyo", "digestHour", 7, "weeklyDay", "MONDAY"))
                .put("/v1/me/mail-settings").then().statusCode(200).body("timeZone", equalTo("Asia/Tokyo"));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String haifa = "haifa-" + initiative.toString().substring(0, 8);
        String dimona = "dimona-" + initiative.toString().substring(0, 8);
        try {
            // gaps and overlaps go to the daily digest unless one chooses otherwise
            AgendaEvents.publish(
                    new FindingOpened(initiative, first, FindingKind.DUPLICATION_RISK, null, haifa, "girls-10-12", null, null,
                            List.of(UUID.randomUUID()), List.of(Tokens.ORG_A, Tokens.ORG_B), 80, "two clubs in Haifa"),
                    new FindingOpened(initiative, second, FindingKind.UNCOVERED, null, dimona, "girls-10-12", null, null,
                            List.of(), List.of(Tokens.ORG_A), 60, "nobody in Dimona"));
            await().atMost(Duration.ofSeconds(30)).until(() -> kinds(Tokens.user("member-a")),
                    kinds -> kinds.stream().filter("activity.gap-or-overlap"::equals).count() == 2);
            MovableClock.moveAhead(Duration.ofHours(25)); // tomorrow, past 07:00 in Tokyo
            GreenMail.Received digest = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> GreenMail.mentioning(MEMBER_A, name), mails -> mails.stream()
                            .anyMatch(m -> m.subject().startsWith("[Backbone] Your daily digest"))).stream()
                    .filter(m -> m.subject().startsWith("[Backbone] Your daily digest")).findFirst().orElseThrow();
            // the initiative's heading once, then each finding with its line
            assertThat(digest.html()).containsOnlyOnce("<h2 style=\"font-size: 16px; margin-bottom: 4px\">" + name + "</h2>");
            // in the text: the initiative's section holds both findings, each under its own object
            String section = digest.text().substring(digest.text().indexOf("== " + name + " =="));
            section = section.contains("\n== ") ? section.substring(0, section.indexOf("\n== ", 3)) : section;
            assertThat(section).contains("A DUPLICATION_RISK was found in the 3W: " + haifa + " girls-10-12",
                    "A UNCOVERED was found in the 3W: " + dimona + " girls-10-12");
            assertThat(digest.listUnsubscribe()).contains("/v1/mail/unsubscribe/");
            assertThat(digest.listUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");
        } finally {
            MovableClock.reset();
            Api.as(Tokens.user("member-a")).body(Map.of("timeZone", "Asia/Jerusalem", "digestHour", 8, "weeklyDay", "SUNDAY"))
                    .put("/v1/me/mail-settings").then().statusCode(200);
        }
    }

    @jakarta.inject.Inject
    org.backbone.communication.persistence.MailQueue queue;

    @Test
    void finishedMailsOlderThanTheRetentionArePurgedAndPendingOnesNever() throws Exception {
        String who = "purge-" + UUID.randomUUID();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://"
                        + System.getenv().getOrDefault("DB_HOST", "127.0.0.1") + ":" + System.getenv().getOrDefault("DB_PORT", "15432")
                        + "/communication_test", "communication", "communication");
                java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO mail_out (recipient, scope, status, created_at, "
                        + "next_attempt_at) VALUES (?, 'DAILY', ?, now() - ? * interval '1 day', now() + interval '1 year')");
                java.sql.PreparedStatement left = c.prepareStatement("SELECT status FROM mail_out WHERE recipient = ? ORDER BY status")) {
            for (Object[] row : new Object[][] {{"SENT", 31}, {"FAILED", 40}, {"SENT", 2}, {"PENDING", 60}}) {
                insert.setString(1, who);
                insert.setString(2, (String) row[0]);
                insert.setInt(3, (Integer) row[1]);
                insert.executeUpdate();
            }
            assertThat(queue.purge(Duration.ofDays(30))).isGreaterThanOrEqualTo(2);
            left.setString(1, who);
            List<String> statuses = new java.util.ArrayList<>();
            try (java.sql.ResultSet r = left.executeQuery()) {
                while (r.next()) {
                    statuses.add(r.getString(1));
                }
            }
            assertThat(statuses).containsExactly("PENDING", "SENT");
        }
    }

    @Test
    void mailSettingsAreCheckedFieldByField() {
        // (other tests, the fuzzer among them, set the demo users' settings: set, then read back)
        Api.as(Tokens.user("observer")).body(Map.of("timeZone", "Europe/Paris", "digestHour", 9, "weeklyDay", "FRIDAY"))
                .put("/v1/me/mail-settings").then().statusCode(200);
        Api.as(Tokens.user("observer")).get("/v1/me/mail-settings").then().statusCode(200)
                .body("timeZone", equalTo("Europe/Paris")).body("digestHour", equalTo(9)).body("weeklyDay", equalTo("FRIDAY"));
        Api.as(Tokens.user("observer")).body(Map.of("timeZone", "Mars/Olympus", "digestHour", 8, "weeklyDay", "SUNDAY"))
                .put("/v1/me/mail-settings").then().statusCode(422).body(containsString("timeZone"));
        Api.as(Tokens.user("observer")).body(Map.of("timeZone", "Asia/Jerusalem", "digestHour", 24, "weeklyDay", "SUNDAY"))
                .put("/v1/me/mail-settings").then().statusCode(422).body(containsString("digestHour"));
        Api.as(Tokens.user("observer")).body(Map.of("timeZone", "Asia/Jerusalem", "digestHour", 8, "weeklyDay", "Sunday"))
                .put("/v1/me/mail-settings").then().statusCode(422).body(containsString("weeklyDay"));
        // nothing refused was stored
        Api.as(Tokens.user("observer")).get("/v1/me/mail-settings").then().statusCode(200).body("timeZone", equalTo("Europe/Paris"));
        given().get("/v1/me/mail-settings").then().statusCode(401);
    }

    private List<String> kinds(String token) {
        List<Map<String, Object>> items = Api.as(token).get("/v1/me/notifications?limit=200").then().statusCode(200)
                .extract().path("items");
        return items.stream().filter(n -> initiative.toString().equals(n.get("initiativeId"))).map(n -> (String) n.get("kind"))
                .toList();
    }

    private static Map<String, Object> preference(String token, String kind) {
        List<Map<String, Object>> all = Api.as(token).get("/v1/me/notification-preferences").then().statusCode(200).extract().path("");
        return all.stream().filter(p -> kind.equals(p.get("kind"))).findFirst().orElseThrow();
    }

    private static String emailOf(String token, String kind) {
        return (String) preference(token, kind).get("email");
    }

    private static boolean inAppOf(String token, String kind) {
        return (Boolean) preference(token, kind).get("inApp");
    }
}
