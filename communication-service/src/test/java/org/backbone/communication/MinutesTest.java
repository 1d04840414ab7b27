package org.backbone.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Minutes against the real servers: DRAFT → CIRCULATED → APPROVED → PUBLISHED, by quorum and by
 * silent procedure; amendments and answers only from the partners that attended, only in the window;
 * an objection sends them back; published minutes are immutable, hashed and corrected by errata.
 */
@QuarkusTest
class MinutesTest {

    private static final String BODY = "# Steering committee\n\nWe agreed to meet quarterly.<script>alert(1)</script>";

    private final UUID initiative = UUID.randomUUID();
    private String meeting;

    @BeforeEach
    void aHeldMeetingBothPartnersAttended() throws Exception {
        Following.feed();
        Following.notifications();
        AgendaEvents.publish(new InitiativeCreated(initiative, "Minuted " + initiative, null, null, null,
                        new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"),
                new PartnerJoined(initiative, Tokens.ORG_A, "Atid STEM Network", Sector.NONPROFIT, PartnerRole.FOUNDING,
                        Instant.now()),
                new PartnerJoined(initiative, Tokens.ORG_B, "Negev Tech", Sector.BUSINESS, PartnerRole.CORE, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.as(Tokens.user("member-b")).get(path("")).statusCode() == 200);
        Map<String, Object> body = MeetingTest.meeting("Steering committee", -1);
        body.put("openToAll", true);
        meeting = Api.as(Tokens.admin()).body(body).post(path("")).then().statusCode(201).extract().path("id");
        Api.as(Tokens.admin()).body(Map.of("organisationIds", List.of(Tokens.ORG_A.toString(), Tokens.ORG_B.toString())))
                .put(path("/" + meeting + "/attendance")).then().statusCode(200);
        // minutes are of a held meeting
        Api.as(Tokens.admin()).body(Map.of("body", BODY)).put(minutes("")).then().statusCode(409);
        Api.as(Tokens.admin()).body(Map.of("status", "HELD")).put(path("/" + meeting + "/status")).then().statusCode(200);
        Api.as(Tokens.admin()).body(Map.of("body", BODY)).put(minutes("")).then().statusCode(200)
                .body("status", equalTo("DRAFT"));
    }

    @Test
    void byQuorumAnObjectionSendsThemBackAndMoreThanHalfApprovingApprovesThem() {
        Api.as(Tokens.user("member-a")).get(minutes("")).then().statusCode(404);
        Api.as(Tokens.user("observer")).get(minutes("")).then().statusCode(404);
        circulate(Instant.now().plus(Duration.ofDays(7)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Callers.notificationKinds(Tokens.user("member-a"), initiative)
                .contains("minutes.circulated"));
        Api.as(Tokens.user("member-a")).get(minutes("")).then().statusCode(200).body("revision", equalTo(1))
                .body("approvalRule", equalTo("QUORUM"));
        Api.as(Tokens.user("observer")).get(minutes("")).then().statusCode(404);
        Api.as(Tokens.user("member-a")).body(Map.of("text", "Say 'quarterly, starting in March'")).post(minutes("/amendments"))
                .then().statusCode(201).body("organisationId", equalTo(Tokens.ORG_A.toString()));
        Api.as(Tokens.admin()).body(Map.of("text", "Staff edit the draft instead")).post(minutes("/amendments")).then()
                .statusCode(403);
        Api.as(Tokens.user("observer")).body(Map.of("verdict", "APPROVE")).put(minutes("/answer")).then().statusCode(403);
        // a draft is not edited while it circulates
        Api.as(Tokens.admin()).body(Map.of("body", "changed")).put(minutes("")).then().statusCode(409);

        Api.as(Tokens.user("member-a")).body(Map.of("verdict", "APPROVE")).put(minutes("/answer")).then().statusCode(200)
                .body("status", equalTo("CIRCULATED"));
        Api.as(Tokens.user("member-b")).body(Map.of("verdict", "OBJECT")).put(minutes("/answer")).then().statusCode(422)
                .body("errors.field", hasItem("reason"));
        Api.as(Tokens.user("member-b")).body(Map.of("verdict", "OBJECT", "reason", "The budget line is wrong"))
                .put(minutes("/answer")).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("returnedReason", equalTo("The budget line is wrong"));
        Api.as(Tokens.user("member-a")).body(Map.of("verdict", "APPROVE")).put(minutes("/answer")).then().statusCode(409);

        Api.as(Tokens.admin()).body(Map.of("body", BODY + "\n\nBudget line corrected.")).put(minutes("")).then().statusCode(200);
        circulate(Instant.now().plus(Duration.ofDays(7)));
        Api.as(Tokens.user("member-a")).body(Map.of("verdict", "APPROVE")).put(minutes("/answer")).then().statusCode(200)
                .body("status", equalTo("CIRCULATED")).body("revision", equalTo(2));
        Api.as(Tokens.user("member-b")).body(Map.of("verdict", "APPROVE")).put(minutes("/answer")).then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Callers.notificationKinds(Tokens.admin(), initiative)
                .contains("minutes.approved"));
    }

    @Test
    void publishedMinutesAreImmutableHashedReadByAllAndCorrectedByErrata() throws Exception {
        circulate(Instant.now().plus(Duration.ofDays(7)));
        Api.as(Tokens.admin()).put(minutes("/publication")).then().statusCode(409);
        Api.as(Tokens.user("member-a")).body(Map.of("verdict", "APPROVE")).put(minutes("/answer")).then().statusCode(200);
        Api.as(Tokens.user("member-b")).body(Map.of("verdict", "APPROVE")).put(minutes("/answer")).then().statusCode(200);
        Api.as(Tokens.user("member-a")).put(minutes("/publication")).then().statusCode(403);
        String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((meeting + "\n1\n" + BODY).getBytes(StandardCharsets.UTF_8)));
        Api.as(Tokens.admin()).put(minutes("/publication")).then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("contentHash", equalTo(expected));
        Api.as(Tokens.user("observer")).get(minutes("")).then().statusCode(200).body("contentHash", equalTo(expected))
                .body("bodyHtml", startsWith("<h1>Steering committee</h1>"));
        assertThat(Api.as(Tokens.user("observer")).get(minutes("")).then().extract().<String>path("bodyHtml"))
                .doesNotContain("<script");
        Api.as(Tokens.admin()).get(path("/" + meeting)).then().body("status", equalTo("CLOSED"));

        Api.as(Tokens.admin()).body(Map.of("body", "rewritten")).put(minutes("")).then().statusCode(409);
        Api.as(Tokens.user("member-a")).body(Map.of("text", "late")).post(minutes("/amendments")).then().statusCode(409);
        Api.as(Tokens.admin()).body(Map.of("text", "The meeting began at 10:15, not 10:00.")).post(minutes("/errata")).then()
                .statusCode(201);
        Api.as(Tokens.user("member-b")).get(minutes("")).then().statusCode(200).body("errata.size()", equalTo(1))
                .body("contentHash", equalTo(expected)).body("body", equalTo(BODY));
    }

    @Test
    void bySilentProcedureTheyAreApprovedWhenTheWindowClosesAndNothingIsAnsweredAfter() {
        Api.as(Tokens.user("member-a")).body(Map.of("approvalRule", "SILENT_PROCEDURE")).put(path("/minutes-rule")).then()
                .statusCode(403);
        Api.as(Tokens.admin()).body(Map.of("approvalRule", "SILENT_PROCEDURE")).put(path("/minutes-rule")).then().statusCode(200);
        Api.as(Tokens.user("observer")).get(path("/minutes-rule")).then().statusCode(200)
                .body("approvalRule", equalTo("SILENT_PROCEDURE"));
        circulate(Instant.now().plus(Duration.ofSeconds(3)));
        Api.as(Tokens.user("member-a")).body(Map.of("verdict", "APPROVE")).put(minutes("/answer")).then().statusCode(200)
                .body("status", equalTo("CIRCULATED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "APPROVED".equals(Api.as(Tokens.admin()).get(minutes("")).then()
                .extract().path("status")));
        Api.as(Tokens.user("member-b")).body(Map.of("verdict", "OBJECT", "reason", "too late")).put(minutes("/answer")).then()
                .statusCode(409);
    }

    @Test
    void badCirculationsAreRefused() {
        Api.as(Tokens.admin()).body(Map.of("amendmentsUntil", Instant.now().minusSeconds(60).toString()))
                .put(minutes("/circulation")).then().statusCode(422).body("errors.field", hasItem("amendmentsUntil"));
        Api.as(Tokens.admin()).body(Map.of("amendmentsUntil", Instant.now().plus(Duration.ofDays(90)).toString()))
                .put(minutes("/circulation")).then().statusCode(422).body("errors.field", hasItem("amendmentsUntil"));
        Api.as(Tokens.user("member-a")).body(Map.of("amendmentsUntil", Instant.now().plus(Duration.ofDays(1)).toString()))
                .put(minutes("/circulation")).then().statusCode(403);
        Api.as(Tokens.admin()).body(Map.of("approvalRule", "MAJORITY")).put(path("/minutes-rule")).then().statusCode(422)
                .body("errors.field", hasItem("approvalRule"));
        Api.as(Tokens.admin()).get(path("/" + UUID.randomUUID() + "/minutes")).then().statusCode(404);
    }

    private void circulate(Instant until) {
        Api.as(Tokens.admin()).body(Map.of("amendmentsUntil", until.toString())).put(minutes("/circulation")).then()
                .statusCode(200).body("status", equalTo("CIRCULATED"));
    }

    private String minutes(String rest) {
        return path("/" + meeting + "/minutes" + rest);
    }

    private String path(String rest) {
        return "/v1/initiatives/" + initiative + "/meetings" + rest;
    }
}
