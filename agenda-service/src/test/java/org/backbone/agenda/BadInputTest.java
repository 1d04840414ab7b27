package org.backbone.agenda;

import static org.backbone.agenda.AgendaApi.ORG_A;
import static org.backbone.agenda.AgendaApi.admin;
import static org.backbone.agenda.AgendaApi.goal;
import static org.backbone.agenda.AgendaApi.join;
import static org.backbone.agenda.AgendaApi.putDraft;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Each kind of bad input gets a problem naming the field and the reason, and changes nothing. */
@QuarkusTest
class BadInputTest {

    @Test
    void requiredFieldsLengthsAndEnums() {
        admin().body(Map.of("sector", "NONPROFIT")).post("/v1/organisations").then().statusCode(422)
                .body("errors.field", hasItem("name"));
        admin().body(Map.of("name", "x".repeat(201), "sector", "NONPROFIT")).post("/v1/organisations")
                .then().statusCode(422).body("errors.field", hasItem("name"));
        admin().body(Map.of("name", "Valid", "sector", "MILITARY")).post("/v1/organisations")
                .then().statusCode(422).body("errors[0].field", equalTo("sector"));
        admin().body(Map.of("name", "Valid", "sector", "BUSINESS", "country", "Israel")).post("/v1/organisations")
                .then().statusCode(422).body("errors.field", hasItem("country"));
        admin().body(Map.of("name", "I", "vision", "v".repeat(10_001), "ratificationRule", Map.of("kind", "UNANIMOUS")))
                .post("/v1/initiatives").then().statusCode(422).body("errors.field", hasItem("vision"));
    }

    @Test
    void ruleAndTimeframe() {
        admin().body(Map.of("name", "I", "ratificationRule", Map.of("kind", "QUORUM"))).post("/v1/initiatives")
                .then().statusCode(422).body("errors.field", hasItem("ratificationRule.quorum"));
        admin().body(Map.of("name", "I", "ratificationRule", Map.of("kind", "QUORUM", "quorum", 1.5)))
                .post("/v1/initiatives").then().statusCode(422).body("errors.field", hasItem("ratificationRule.quorum"));
        // the fuzzer's: 1E-8 was stored as 0 (NUMERIC(6, 5)), a quorum that any ballot reaches
        admin().contentType("application/json").body("{\"name\":\"I\",\"ratificationRule\":{\"kind\":\"QUORUM\",\"quorum\":1E-8}}")
                .post("/v1/initiatives").then().statusCode(422).body("errors.field", hasItem("ratificationRule.quorum"));
        admin().body(Map.of("name", "I", "ratificationRule", Map.of("kind", "UNANIMOUS"),
                        "boundaries", Map.of("timeframeFrom", "2030-01-01", "timeframeTo", "2026-01-01")))
                .post("/v1/initiatives").then().statusCode(422).body("errors.field", hasItem("boundaries.timeframeTo"));
        admin().body(Map.of("name", "I", "ratificationRule", Map.of("kind", "UNANIMOUS"),
                        "boundaries", Map.of("timeframeFrom", "not-a-date")))
                .post("/v1/initiatives").then().statusCode(422).body("errors[0].field", equalTo("boundaries.timeframeFrom"));
    }

    @Test
    void aCycleInTheGoalTreeIsRefusedAndTheDraftIsUnchanged() {
        UUID initiative = AgendaApi.newInitiative("Cycle " + UUID.randomUUID(), Map.of("kind", "UNANIMOUS"));
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Object before = admin().get("/v1/initiatives/" + initiative + "/agenda").then().extract().path("draft.version");
        putDraft(initiative, "v", List.of(goal(a, b, "A", "LONG_TERM"), goal(b, a, "B", "SHORT_TERM")))
                .then().statusCode(422).body("errors.field", hasItem("goals[0].parentId"))
                .body("errors.message", hasItem("makes a cycle in the goal tree"));
        putDraft(initiative, "v", List.of(Map.of("title", "", "horizon", "SOMEDAY")))
                .then().statusCode(422);
        admin().get("/v1/initiatives/" + initiative + "/agenda").then().body("draft.version", equalTo(before))
                .body("draft.content.goals.size()", equalTo(0));
    }

    @Test
    void proposingWithoutGoalsOrVotersIsRefusedAndNothingIsProposed() {
        UUID initiative = AgendaApi.newInitiative("Empty " + UUID.randomUUID(), Map.of("kind", "UNANIMOUS"));
        admin().post("/v1/initiatives/" + initiative + "/agenda/versions").then().statusCode(422)
                .body("errors.field", hasItem("goals"));
        putDraft(initiative, "v", List.of(goal(UUID.randomUUID(), null, "G", "LONG_TERM"))).then().statusCode(200);
        admin().post("/v1/initiatives/" + initiative + "/agenda/versions").then().statusCode(409)
                .body("detail", containsString("no founding or core partner"));
        admin().get("/v1/initiatives/" + initiative + "/agenda/versions").then().body("size()", equalTo(0));
    }

    @Test
    void aVoteOnAVersionThatDoesNotExistIs404AndADuplicateJoinIs409() {
        AgendaApi.ensureOrganisation(ORG_A, "Atid STEM Network", "NONPROFIT");
        UUID initiative = AgendaApi.newInitiative("Votes " + UUID.randomUUID(), Map.of("kind", "UNANIMOUS"));
        join(initiative, ORG_A, "FOUNDING");
        AgendaApi.decide(org.backbone.driver.Tokens.user("member-a"), initiative, 7, ORG_A, "ENDORSE")
                .then().statusCode(404);
        admin().body(Map.of("organisationId", ORG_A.toString(), "role", "CORE"))
                .post("/v1/initiatives/" + initiative + "/partners").then().statusCode(409);
        admin().body(Map.of("organisationId", UUID.randomUUID().toString(), "role", "CORE"))
                .post("/v1/initiatives/" + initiative + "/partners").then().statusCode(422)
                .body("errors.field", hasItem("organisationId"));
    }

    @Test
    void twoUpdatesWithTheSameETagOneWinsOneGets412() {
        UUID initiative = AgendaApi.newInitiative("Race " + UUID.randomUUID(), Map.of("kind", "UNANIMOUS"));
        String etag = admin().get("/v1/initiatives/" + initiative).then().extract().header("ETag");
        List<CompletableFuture<Integer>> racers = List.of("First", "Second").stream()
                .map(name -> CompletableFuture.supplyAsync(() -> admin().header("If-Match", etag)
                        .body(Map.of("name", name, "ratificationRule", Map.of("kind", "UNANIMOUS")))
                        .put("/v1/initiatives/" + initiative).statusCode()))
                .toList();
        List<Integer> statuses = racers.stream().map(CompletableFuture::join).sorted().toList();
        org.assertj.core.api.Assertions.assertThat(statuses).containsExactly(200, 412);
        admin().header("If-Match", etag).body(Map.of("name", "Third", "ratificationRule", Map.of("kind", "UNANIMOUS")))
                .put("/v1/initiatives/" + initiative).then().statusCode(412).contentType("application/problem+json");
        admin().body(Map.of("name", "No etag", "ratificationRule", Map.of("kind", "UNANIMOUS")))
                .put("/v1/initiatives/" + initiative).then().statusCode(428);
    }
}
