package org.backbone.agenda;

import static io.restassured.RestAssured.given;
import static org.backbone.agenda.AgendaApi.ORG_A;
import static org.backbone.agenda.AgendaApi.ORG_B;
import static org.backbone.agenda.AgendaApi.admin;
import static org.backbone.agenda.AgendaApi.as;
import static org.backbone.agenda.AgendaApi.decide;
import static org.backbone.agenda.AgendaApi.goal;
import static org.backbone.agenda.AgendaApi.join;
import static org.backbone.agenda.AgendaApi.propose;
import static org.backbone.agenda.AgendaApi.putDraft;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.driver.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Roles × own/other organisation × member/non-member. The initiative has organisation A as its
 * founding partner; organisation B is not a member.
 */
@QuarkusTest
class PermissionMatrixTest {

    private UUID initiative;

    @BeforeEach
    void initiativeWithOnlyOrganisationA() {
        AgendaApi.ensureOrganisation(ORG_A, "Atid STEM Network", "NONPROFIT");
        AgendaApi.ensureOrganisation(ORG_B, "Negev Tech Industries", "BUSINESS");
        initiative = AgendaApi.newInitiative("Matrix " + UUID.randomUUID(), Map.of("kind", "UNANIMOUS"));
        join(initiative, ORG_A, "FOUNDING");
    }

    private static String token(String who) {
        return who.endsWith("-system") ? Tokens.system(who) : Tokens.user(who);
    }

    @ParameterizedTest(name = "{0} reading the initiative gets {1}")
    @CsvSource({"admin, 200", "observer, 200", "member-a, 200", "partner-a-system, 200", "member-b, 404", "partner-b-system, 404"})
    void readingAnInitiative(String who, int status) {
        as(token(who)).get("/v1/initiatives/" + initiative).then().statusCode(status);
        as(token(who)).get("/v1/initiatives/" + initiative + "/agenda").then().statusCode(status);
        as(token(who)).get("/v1/initiatives/" + initiative + "/partners").then().statusCode(status);
        as(token(who)).get("/v1/initiatives/" + initiative + "/goals").then().statusCode(status);
    }

    @Test
    void aNonMembersNotFoundIsTheSameAsForAnInitiativeThatDoesNotExist() {
        String missing = as(Tokens.user("member-b")).get("/v1/initiatives/" + UUID.randomUUID())
                .then().statusCode(404).extract().path("title");
        as(Tokens.user("member-b")).get("/v1/initiatives/" + initiative)
                .then().statusCode(404).body("title", equalTo(missing));
    }

    @Test
    void listingShowsPartnersOnlyTheirOwnInitiatives() {
        as(Tokens.user("member-a")).get("/v1/initiatives?limit=200").then().statusCode(200)
                .body("items.id", hasItem(initiative.toString()));
        as(Tokens.user("member-b")).get("/v1/initiatives?limit=200").then().statusCode(200)
                .body("items.id", not(hasItem(initiative.toString())));
    }

    @ParameterizedTest(name = "{0} changing the initiative gets {1}")
    @CsvSource({"member-a, 403", "observer, 403", "partner-a-system, 403", "member-b, 404"})
    void onlyBackboneStaffChangeAnInitiative(String who, int status) {
        String etag = admin().get("/v1/initiatives/" + initiative).then().extract().header("ETag");
        as(token(who)).header("If-Match", etag)
                .body(Map.of("name", "Hijacked", "ratificationRule", Map.of("kind", "UNANIMOUS")))
                .put("/v1/initiatives/" + initiative).then().statusCode(status).contentType("application/problem+json");
        as(token(who)).body(Map.of("organisationId", ORG_B.toString(), "role", "CORE"))
                .post("/v1/initiatives/" + initiative + "/partners").then().statusCode(status);
        as(token(who)).post("/v1/initiatives/" + initiative + "/agenda/versions").then().statusCode(status);
        admin().get("/v1/initiatives/" + initiative).then().body("name", not(equalTo("Hijacked")));
    }

    @ParameterizedTest(name = "{0} creating organisations and initiatives gets 403")
    @CsvSource({"member-a", "observer", "partner-a-system"})
    void onlyBackboneStaffCreate(String who) {
        as(token(who)).body(Map.of("name", "Sneaky", "sector", "BUSINESS")).post("/v1/organisations")
                .then().statusCode(403);
        as(token(who)).body(Map.of("name", "Sneaky", "ratificationRule", Map.of("kind", "UNANIMOUS")))
                .post("/v1/initiatives").then().statusCode(403);
    }

    @Test
    void decisionsAreMadeOnlyByAMemberOfThatOrganisation() {
        putDraft(initiative, "v", List.of(goal(UUID.randomUUID(), null, "Goal", "LONG_TERM"))).then().statusCode(200);
        int version = propose(initiative);
        // another organisation's member cannot decide for A (B is not even a member: 404)
        decide(Tokens.user("member-b"), initiative, version, ORG_A, "OBJECT").then().statusCode(404);
        // staff, observers and machine clients do not decide for partners
        decide(Tokens.admin(), initiative, version, ORG_A, "ENDORSE").then().statusCode(403);
        decide(Tokens.user("observer"), initiative, version, ORG_A, "ENDORSE").then().statusCode(403);
        decide(Tokens.system("partner-a-system"), initiative, version, ORG_A, "ENDORSE").then().statusCode(403);
        // A's member cannot decide for B
        decide(Tokens.user("member-a"), initiative, version, ORG_B, "ENDORSE").then().statusCode(403);
        admin().get("/v1/initiatives/" + initiative + "/agenda/versions/" + version)
                .then().body("tally.endorsements", equalTo(0)).body("tally.objections", equalTo(0));
        decide(Tokens.user("member-a"), initiative, version, ORG_A, "ENDORSE").then().statusCode(200)
                .body("status", equalTo("RATIFIED"));
    }

    @Test
    void aSupportingPartnerHasNoVote() {
        join(initiative, ORG_B, "SUPPORTING");
        putDraft(initiative, "v", List.of(goal(UUID.randomUUID(), null, "Goal", "LONG_TERM"))).then().statusCode(200);
        int version = propose(initiative);
        decide(Tokens.user("member-b"), initiative, version, ORG_B, "ENDORSE").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("founding and core"));
    }

    @Test
    void organisationsAreMaintainedByStaffOrTheirOwnMembers() {
        String etag = as(Tokens.user("member-a")).get("/v1/organisations/" + ORG_A).then().statusCode(200)
                .extract().header("ETag");
        as(Tokens.user("member-b")).header("If-Match", etag)
                .body(Map.of("name", "Atid STEM Network", "sector", "NONPROFIT", "website", "https://evil.example"))
                .put("/v1/organisations/" + ORG_A).then().statusCode(403);
        as(Tokens.user("observer")).header("If-Match", etag)
                .body(Map.of("name", "Atid STEM Network", "sector", "NONPROFIT"))
                .put("/v1/organisations/" + ORG_A).then().statusCode(403);
        as(Tokens.user("member-a")).header("If-Match", etag)
                .body(Map.of("name", "Atid STEM Network", "sector", "NONPROFIT", "country", "IL"))
                .put("/v1/organisations/" + ORG_A).then().statusCode(200).body("country", equalTo("IL"));
    }

    @Test
    void partnersLeaveOnlyForThemselves() {
        join(initiative, ORG_B, "CORE");
        as(Tokens.user("member-a")).delete("/v1/initiatives/" + initiative + "/partners/" + ORG_B).then().statusCode(403);
        as(Tokens.user("observer")).delete("/v1/initiatives/" + initiative + "/partners/" + ORG_B).then().statusCode(403);
        as(Tokens.user("member-b")).delete("/v1/initiatives/" + initiative + "/partners/" + ORG_B).then().statusCode(204);
        // having left, B no longer sees the initiative
        as(Tokens.user("member-b")).get("/v1/initiatives/" + initiative).then().statusCode(404);
    }

    @Test
    void noTokenIs401() {
        given().get("/v1/initiatives/" + initiative).then().statusCode(401).contentType("application/problem+json");
        given().get("/v1/organisations").then().statusCode(401);
    }
}
