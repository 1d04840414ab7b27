package org.backbone.agenda;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.kit.testing.Tokens;

/** The agenda API as the tests drive it, with real tokens. */
final class AgendaApi {

    static final UUID ORG_A = Tokens.ORG_A;
    static final UUID ORG_B = Tokens.ORG_B;

    private AgendaApi() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification admin() {
        return as(Tokens.admin());
    }

    /** Registers the organisation with a fixed id unless it is there already (the test database persists). */
    static UUID ensureOrganisation(UUID id, String name, String sector) {
        int status = admin().get("/v1/organisations/" + id).statusCode();
        if (status == 404) {
            admin().body(Map.of("id", id.toString(), "name", name, "sector", sector)).post("/v1/organisations")
                    .then().statusCode(201);
        }
        return id;
    }

    static UUID newOrganisation(String name, String sector) {
        return UUID.fromString(admin().body(Map.of("name", name, "sector", sector)).post("/v1/organisations")
                .then().statusCode(201).extract().path("id"));
    }

    static UUID newInitiative(String name, Map<String, Object> rule) {
        return UUID.fromString(admin().body(Map.of("name", name, "problemStatement", "Too few pupils take advanced STEM",
                        "vision", "Every pupil can reach advanced STEM", "mission", "Coordinate what works",
                        "boundaries", Map.of("geography", List.of("North", "South"), "timeframeFrom", "2026-01-01",
                                "timeframeTo", "2030-12-31"),
                        "ratificationRule", rule))
                .post("/v1/initiatives").then().statusCode(201).extract().path("id"));
    }

    static void join(UUID initiative, UUID organisation, String role) {
        admin().body(Map.of("organisationId", organisation.toString(), "role", role))
                .post("/v1/initiatives/" + initiative + "/partners").then().statusCode(201);
    }

    static Map<String, Object> goal(UUID id, UUID parent, String title, String horizon) {
        Map<String, Object> goal = new java.util.HashMap<>(Map.of("id", id.toString(), "title", title, "horizon", horizon));
        if (parent != null) {
            goal.put("parentId", parent.toString());
        }
        return goal;
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
        return admin().post("/v1/initiatives/" + initiative + "/agenda/versions")
                .then().statusCode(201).extract().path("number");
    }

    static Response decide(String token, UUID initiative, int version, UUID organisation, String decision) {
        return as(token).body(Map.of("decision", decision, "comment", decision + " from " + organisation))
                .put("/v1/initiatives/" + initiative + "/agenda/versions/" + version + "/endorsements/" + organisation);
    }
}
