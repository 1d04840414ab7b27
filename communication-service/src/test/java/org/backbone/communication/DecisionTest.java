package org.backbone.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decisions register against the real servers: who records and reads, supersession, revocation, reviews. */
@QuarkusTest
class DecisionTest {

    private final UUID initiative = UUID.randomUUID();

    @BeforeEach
    void initiativeWithAPartner() throws Exception {
        Following.feed();
        Following.notifications();
        AgendaEvents.publish(new InitiativeCreated(initiative, "Decided " + initiative, null, null, null,
                        new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"),
                new PartnerJoined(initiative, Tokens.ORG_A, "Atid STEM Network", Sector.NONPROFIT, PartnerRole.FOUNDING,
                        Instant.now()));
        // the feed knows the initiative: it can be what a decision affects
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.as(Tokens.user("member-a")).get(path("")).statusCode() == 200
                && Api.as(Tokens.admin()).get("/v1/initiatives/" + initiative + "/feed").then().extract()
                        .<List<?>>path("items").size() >= 1);
    }

    @ParameterizedTest(name = "{0}: reads {1}, records {2}, revokes {3}")
    @CsvSource({"admin, 200, 201, 200", "member-a, 200, 403, 403", "observer, 200, 403, 403", "member-b, 404, 404, 404"})
    void whoReadsRecordsAndRevokes(String who, int reads, int records, int revokes) {
        String id = adopt(decision("Meet quarterly to discuss the data"));
        Api.as(Callers.token(who)).get(path("/" + id)).then().statusCode(reads);
        Api.as(Callers.token(who)).body(decision("Another")).post(path("")).then().statusCode(records);
        Api.as(Callers.token(who)).body(Map.of("reason", "No")).put(path("/" + id + "/revocation")).then().statusCode(revokes);
    }

    @Test
    void aNewDecisionSupersedesTheOldOneWhichLinksToItAndBothAreFinal() {
        String old = adopt(decision("Meet monthly"));
        Map<String, Object> replacing = decision("Meet quarterly");
        replacing.put("supersedes", old);
        String newer = adopt(replacing);
        Api.as(Callers.token("member-a")).get(path("/" + old)).then().body("status", equalTo("SUPERSEDED"))
                .body("supersededBy", equalTo(newer));
        Api.as(Callers.token("member-a")).get(path("/" + newer)).then().body("status", equalTo("ADOPTED")).body("supersedes", equalTo(old));
        // a superseded decision is superseded once, and not revoked
        Api.as(Tokens.admin()).body(replacing).post(path("")).then().statusCode(409);
        Api.as(Tokens.admin()).body(Map.of("reason", "Changed our minds")).put(path("/" + old + "/revocation")).then().statusCode(409);
        Api.as(Tokens.admin()).body(Map.of("reason", "Changed our minds")).put(path("/" + newer + "/revocation")).then()
                .statusCode(200).body("status", equalTo("REVOKED")).body("revokedReason", equalTo("Changed our minds"));
        Api.as(Callers.token("member-a")).get(path("?status=SUPERSEDED")).then().statusCode(200).body("items.id", hasItem(old));
    }

    @Test
    void partnersAreToldOfADecisionAndStaffWhenItsReviewDayComes() {
        Map<String, Object> body = decision("Fund robotics clubs in the Negev");
        body.put("reviewOn", LocalDate.now().minusDays(1).toString());
        adopt(body);
        await().atMost(Duration.ofSeconds(30)).until(() -> Callers.notificationKinds(Tokens.user("member-a"), initiative).contains("decision.adopted"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Callers.notificationKinds(Tokens.admin(), initiative).contains("decision.review-due"));
        assertThat(Callers.notificationKinds(Tokens.user("member-a"), initiative)).doesNotContain("decision.review-due");
    }

    @Test
    void whatADecisionAffectsMustBeKnownAndBadInputIsNamed() {
        Map<String, Object> unknown = decision("About nothing");
        unknown.put("affects", List.of(Map.of("service", "measurement", "type", "indicator", "id", UUID.randomUUID().toString())));
        Api.as(Tokens.admin()).body(unknown).post(path("")).then().statusCode(422).body("errors.field", hasItem("affects[0]"));
        Map<String, Object> known = decision("About the initiative");
        known.put("affects", List.of(Map.of("service", "agenda", "type", "initiative", "id", initiative.toString())));
        Api.as(Tokens.admin()).body(known).post(path("")).then().statusCode(201).body("affects[0].type", equalTo("initiative"));
        Map<String, Object> elsewhere = decision("Replacing a stranger");
        elsewhere.put("supersedes", UUID.randomUUID().toString());
        Api.as(Tokens.admin()).body(elsewhere).post(path("")).then().statusCode(422).body("errors.field", hasItem("supersedes"));
        Api.as(Tokens.admin()).body(decision(" ")).post(path("")).then().statusCode(422).body("errors.field", hasItem("statement"));
        Api.as(Tokens.admin()).get(path("?status=MAYBE")).then().statusCode(422);
        Api.as(Tokens.admin()).body(Map.of()).put(path("/" + UUID.randomUUID() + "/revocation")).then().statusCode(422);
        Api.as(Tokens.admin()).get(path("/" + UUID.randomUUID())).then().statusCode(404);
    }

    private String adopt(Map<String, Object> body) {
        return Api.as(Tokens.admin()).body(body).post(path("")).then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> decision(String statement) {
        Map<String, Object> body = new HashMap<>();
        body.put("statement", statement);
        body.put("rationale", "The data say so.");
        return body;
    }

    private String path(String rest) {
        return "/v1/initiatives/" + initiative + "/decisions" + rest;
    }
}
