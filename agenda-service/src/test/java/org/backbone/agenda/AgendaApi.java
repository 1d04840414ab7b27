package org.backbone.agenda;


import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.driver.BackboneApi;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.Api;

/** The agenda API as the tests drive it, with real tokens. */
final class AgendaApi {

    static final UUID ORG_A = Tokens.ORG_A;
    static final UUID ORG_B = Tokens.ORG_B;

    private AgendaApi() {
    }

    static RequestSpecification as(String token) {
        return Api.as(token);
    }

    static RequestSpecification admin() {
        return as(Tokens.admin());
    }

    /** This service's API as a client drives it (the shared driver), for setting a scene up. */
    static BackboneApi api() {
        return new BackboneApi("http://127.0.0.1:" + RestAssured.port);
    }

    /** Registers the organisation with a fixed id unless it is there already (the test database persists). */
    static UUID ensureOrganisation(UUID id, String name, String sector) {
        return api().ensureOrganisation(id, name, sector);
    }

    static UUID newOrganisation(String name, String sector) {
        return api().newOrganisation(name, sector);
    }

    static UUID newInitiative(String name, Map<String, Object> rule) {
        return api().newInitiative(Map.of("name", name, "problemStatement", "Too few pupils take advanced STEM",
                "vision", "Every pupil can reach advanced STEM", "mission", "Coordinate what works",
                "boundaries", Map.of("geography", List.of("North", "South"), "timeframeFrom", "2026-01-01",
                        "timeframeTo", "2030-12-31"),
                "ratificationRule", rule));
    }

    static void join(UUID initiative, UUID organisation, String role) {
        api().join(initiative, organisation, role);
    }

    static Map<String, Object> goal(UUID id, UUID parent, String title, String horizon) {
        return BackboneApi.goal(id, parent, title, horizon);
    }

    static Response putDraft(UUID initiative, String vision, List<Map<String, Object>> goals) {
        String etag = admin().get("/v1/initiatives/" + initiative + "/agenda").then().statusCode(200)
                .extract().path("draft.version").toString();
        return admin().header("If-Match", "\"" + etag + "\"")
                .body(Map.of("problemStatement", "Too few pupils take advanced STEM", "vision", vision,
                        "mission", "Coordinate what works", "goals", goals))
                .put("/v1/initiatives/" + initiative + "/agenda/draft");
    }

    static int propose(UUID initiative) {
        return api().propose(initiative);
    }

    static Response decide(String token, UUID initiative, int version, UUID organisation, String decision) {
        return as(token).body(Map.of("decision", decision, "comment", decision + " from " + organisation))
                .put("/v1/initiatives/" + initiative + "/agenda/versions/" + version + "/endorsements/" + organisation);
    }
}
