package org.backbone.kit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.backbone.kit.paging.Cursor;
import org.backbone.driver.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemDetailsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void malformedJsonIs400() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"name\": ")
                .post("/kit-test/things")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("status", equalTo(400)).body("title", equalTo("Malformed request"))
                .body("instance", equalTo("/kit-test/things"));
    }

    @Test
    void invalidFieldsAre422WithEachFieldAndReason() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"far too long a name\", \"parts\": [{\"title\": \"ok\"}, {\"title\": \"\"}]}")
                .post("/kit-test/things")
                .then().statusCode(422).contentType(startsWith(PROBLEM))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("parts[1].title"))
                .body("errors.find { it.field == 'name' }.message", containsString("size"));
    }

    @Test
    void wronglyTypedValuesAre422OnTheirField() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"name\": \"a\", \"colour\": \"BLUE\"}")
                .post("/kit-test/things")
                .then().statusCode(422).contentType(startsWith(PROBLEM)).body("errors[0].field", equalTo("colour"))
                // a field problem's kind is internal: the status tells a conflict from bad data
                .body("errors[0]", not(hasKey("kind")));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"name\": \"a\", \"parts\": {\"x\": 1}}")
                .post("/kit-test/things")
                .then().statusCode(422).contentType(startsWith(PROBLEM)).body("errors[0].field", equalTo("parts"));
    }

    @Test
    void missingOrBadTokenIs401() {
        given().contentType(ContentType.JSON).body("{\"name\":\"a\"}").post("/kit-test/things")
                .then().statusCode(401).contentType(startsWith(PROBLEM)).header("WWW-Authenticate", startsWith("Bearer"));
        String token = Tokens.admin();
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        given().auth().oauth2(tampered).get("/kit-test/whoami")
                .then().statusCode(401).contentType(startsWith(PROBLEM));
    }

    @Test
    void wrongRoleIs403() {
        given().auth().oauth2(Tokens.user("member-a")).get("/kit-test/admin-only")
                .then().statusCode(403).contentType(startsWith(PROBLEM)).body("status", equalTo(403));
        given().auth().oauth2(Tokens.admin()).get("/kit-test/admin-only").then().statusCode(200);
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        given().auth().oauth2(Tokens.admin()).get("/kit-test/nothing-here")
                .then().statusCode(404).contentType(startsWith(PROBLEM)).body("detail", equalTo("no such resource"));
        given().auth().oauth2(Tokens.admin()).delete("/kit-test/conflict")
                .then().statusCode(405).contentType(startsWith(PROBLEM));
    }

    @Test
    void conflictIs409() {
        given().auth().oauth2(Tokens.admin()).get("/kit-test/conflict")
                .then().statusCode(409).contentType(startsWith(PROBLEM)).body("detail", equalTo("a proposal is already open"));
    }

    @Test
    void staleIfMatchIs412AndMissingIfMatchIs428() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body("{\"name\":\"a\"}").put("/kit-test/things/1")
                .then().statusCode(412).contentType(startsWith(PROBLEM));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"a\"}").put("/kit-test/things/1")
                .then().statusCode(428).contentType(startsWith(PROBLEM));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"3\"")
                .body("{\"name\":\"a\"}").put("/kit-test/things/1")
                .then().statusCode(200);
    }

    @Test
    void oversizeBodyIs413() {
        String big = "{\"name\":\"" + "x".repeat(100_000) + "\"}";
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(big).post("/kit-test/things")
                .then().statusCode(413).contentType(startsWith(PROBLEM)).body("status", equalTo(413));
    }

    @Test
    void unsupportedMediaTypeIs415() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.TEXT).body("name=a").post("/kit-test/things")
                .then().statusCode(415).contentType(startsWith(PROBLEM));
    }

    @Test
    void badPagingParametersAreProblemsNot500s() {
        given().auth().oauth2(Tokens.admin()).queryParam("limit", 500).get("/kit-test/page")
                .then().statusCode(422).body("errors.field", hasItem("limit"));
        given().auth().oauth2(Tokens.admin()).queryParam("cursor", "%%%garbage").get("/kit-test/page")
                .then().statusCode(422).body("errors.field", hasItem("cursor"));
        given().auth().oauth2(Tokens.admin()).queryParam("cursor", Cursor.encode("2026-01-01T00:00:00Z", "id-1"))
                .get("/kit-test/page").then().statusCode(200).body("[1]", equalTo("id-1"));
    }

    @Test
    void unexpectedErrorIs500WithoutInternals() {
        given().auth().oauth2(Tokens.admin()).get("/kit-test/bug")
                .then().statusCode(500).contentType(startsWith(PROBLEM))
                .body("detail", startsWith("an unexpected error occurred; incident "))
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("IllegalStateException")));
    }
}
