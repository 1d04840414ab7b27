package org.backbone.kit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.fuzz.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's classes of defect, each answered once in the kit: every one of these was a 500, an
 * empty body or a silently wrong value before.
 */
@QuarkusTest
class HostileInputTest {

    private static final String PROBLEM = "application/problem+json";

    private static ValidatableResponse post(String json) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(json).post("/kit-test/things")
                .then().contentType(startsWith(PROBLEM));
    }

    private static ValidatableResponse filter(String query) {
        return given().auth().oauth2(Tokens.admin()).urlEncodingEnabled(false).get("/kit-test/filter?" + query).then();
    }

    private static RawHttp.Response raw(String method, String target, Map<String, String> headers) throws Exception {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("Authorization", "Bearer " + Tokens.admin());
        return new RawHttp(URI.create("http://127.0.0.1:" + RestAssured.port), 10_000).send(method, target, all, null, false);
    }

    @Test
    void aRepeatedKeyTrailingGarbageAndASecondDocumentAre400() {
        post("{\"name\": \"a\", \"name\": \"b\"}").statusCode(400).body("detail", equalTo("request body names name twice"))
                .body("errors[0].field", equalTo("name"));
        post("{\"name\": \"a\", \"parts\": [{\"title\": \"x\", \"title\": \"y\"}]}").statusCode(400)
                .body("errors[0].field", equalTo("parts[0].title"));
        post("{\"name\": \"a\"} trailing").statusCode(400).body("detail", containsString("not valid JSON"));
        post("{\"name\": \"a\"}{\"name\": \"b\"}").statusCode(400);
    }

    @Test
    void numbersWhereStringsOrEnumsBelongAndPaddedEnumsAre422OnTheField() {
        post("{\"name\": 1}").statusCode(422).body("errors[0].field", equalTo("name"));
        post("{\"name\": true}").statusCode(422).body("errors[0].field", equalTo("name"));
        // by position, 1 used to be GREEN
        post("{\"name\": \"a\", \"colour\": 1}").statusCode(422).body("errors[0].field", equalTo("colour"));
        post("{\"name\": \"a\", \"colour\": \"1\"}").statusCode(422).body("errors[0].field", equalTo("colour"));
        post("{\"name\": \"a\", \"colour\": \" RED \"}").statusCode(422).body("errors[0].field", equalTo("colour"));
        post("{\"name\": \"a\", \"count\": 1.5}").statusCode(422).body("errors[0].field", equalTo("count"));
        post("{\"name\": \"a\", \"count\": \"2\"}").statusCode(422).body("errors[0].field", equalTo("count"));
        post("{\"name\": \"a\", \"flag\": 1}").statusCode(422).body("errors[0].field", equalTo("flag"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"name\": \"a\", \"colour\": \"RED\", \"count\": 2}")
                .post("/kit-test/things").then().statusCode(200).body("colour", equalTo("RED"));
    }

    @Test
    void aNullInsideAListOrMapIs422OnTheElement() {
        post("{\"name\": \"a\", \"parts\": [{\"title\": \"x\"}, null]}").statusCode(422).contentType(startsWith(PROBLEM))
                .body("errors[0].field", equalTo("parts[1]")).body("errors[0].message", equalTo("must not be null"));
        post("{\"name\": \"a\", \"labels\": {\"k\": null}}").statusCode(422).body("errors[0].field", equalTo("labels.k"));
    }

    @Test
    void textPostgresqlCannotStoreIs422OnTheField() {
        post("{\"name\": \"a\\u0000b\"}").statusCode(422).body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("NUL"));
        post("{\"name\": \"a\\ud800\"}").statusCode(422).body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("surrogate"));
        post("{\"name\": \"a\", \"parts\": [{\"title\": \"\\udc00x\"}]}").statusCode(422)
                .body("errors[0].field", equalTo("parts[0].title"));
        post("{\"name\": \"a\", \"labels\": {\"k\\u0000\": \"v\"}}").statusCode(422).body("errors[0].field", startsWith("labels"));
        // a pair is a character like any other
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"name\": \"\\ud83d\\ude00\"}")
                .post("/kit-test/things").then().statusCode(200).body("name", equalTo("\ud83d\ude00"));
    }

    @Test
    void numbersBeyondTheReadableRangeAre422AndDecimalsStayExact() {
        post("{\"name\": \"a\", \"amount\": 1e131071}").statusCode(422).body("errors[0].field", equalTo("amount"));
        post("{\"name\": \"a\", \"amount\": -1e309}").statusCode(422).body("errors[0].field", equalTo("amount"));
        post("{\"name\": \"a\", \"amount\": 1e-400}").statusCode(422).body("errors[0].field", equalTo("amount"));
        post("{\"name\": \"a\", \"amount\": 1234567890123456789012345678901}").statusCode(422);
        String exact = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"a\", \"amount\": 123456789012345678901234567890.5}").post("/kit-test/things")
                .then().statusCode(200).extract().asString();
        assertThat(exact).contains("123456789012345678901234567890.5");
    }

    @Test
    void queryParametersOfTheWrongTypeAre400NamingThem() {
        filter("day=2026-13-45").statusCode(400).contentType(startsWith(PROBLEM)).body("errors[0].field", equalTo("day"));
        filter("id=not-a-uuid").statusCode(400).body("errors[0].field", equalTo("id"));
        filter("id=1-1-1-1-1").statusCode(400).body("errors[0].field", equalTo("id"));
        filter("colour=BLUE").statusCode(400).body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", containsString("RED"));
        filter("colour=%20RED").statusCode(400).body("errors[0].field", equalTo("colour"));
        filter("flag=yes").statusCode(400).body("errors[0].field", equalTo("flag"));
        filter("n=abc").statusCode(400).body("errors[0].field", equalTo("n"));
        filter("name=a%00b").statusCode(400).contentType(startsWith(PROBLEM)).body("errors[0].field", equalTo("name"));
        filter("name=%ED%A0%80").statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(Tokens.admin()).queryParam("limit", "abc").get("/kit-test/page").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("errors[0].field", equalTo("limit"));
        filter("day=2026-03-01&colour=GREEN&flag=true&n=3&name=ok").statusCode(200).body("colour", equalTo("GREEN"))
                .body("flag", equalTo(true)).body("n", equalTo(3));
    }

    @Test
    void malformedPathsAndOversizedRequestsGetProblemDetails() throws Exception {
        for (String id : List.of("%20", "%00", "abc", "%ED%A0%80")) {
            RawHttp.Response response = raw("GET", "/kit-test/things/" + id, Map.of());
            assertThat(response.status()).as(id).isEqualTo(404);
            assertThat(response.header("content-type")).as(id).startsWith(PROBLEM);
        }
        // not a URI at all: Quarkus' HTTP layer refuses it before any handler, without a body (a known limit)
        assertThat(raw("GET", "/kit-test/things/%zz", Map.of()).status()).isEqualTo(400);
        RawHttp.Response longTarget = raw("GET", "/kit-test/filter?name=" + "x".repeat(9_000), Map.of());
        assertThat(longTarget.status()).isEqualTo(414);
        assertThat(longTarget.header("content-type")).startsWith(PROBLEM);
        RawHttp.Response bigHeaders = raw("GET", "/kit-test/whoami", Map.of("X-Padding", "p".repeat(20_000)));
        assertThat(bigHeaders.status()).isEqualTo(431);
        assertThat(bigHeaders.header("content-type")).startsWith(PROBLEM);
        RawHttp.Response garbageType = raw("GET", "/kit-test/whoami", Map.of("Content-Type", "garbage"));
        assertThat(garbageType.status()).isEqualTo(415);
        assertThat(garbageType.header("content-type")).startsWith(PROBLEM);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        byte[] body = ("{\"name\":\"" + "x".repeat(100_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RawHttp.Response response = new RawHttp(URI.create("http://127.0.0.1:" + RestAssured.port), 10_000).send("POST",
                "/kit-test/things", Map.of("Authorization", "Bearer " + Tokens.admin(), "Content-Type", "application/json"),
                body, true);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("content-type")).startsWith(PROBLEM);
    }

    @Test
    void ifMatchIsComparedStronglyAndTakesStarAndLists() {
        for (String matching : List.of("\"3\"", "*", "\"1\", \"3\"", "\"2\",\"3\"")) {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", matching)
                    .body("{\"name\":\"a\"}").put("/kit-test/things/1").then().statusCode(200);
        }
        for (String stale : List.of("W/\"3\"", "\"03\"", "\"2\"")) {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", stale)
                    .body("{\"name\":\"a\"}").put("/kit-test/things/1").then().statusCode(412).contentType(startsWith(PROBLEM));
        }
        for (String malformed : List.of("3", "\"3", "\"3\" \"4\"", "\"3\",")) {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", malformed)
                    .body("{\"name\":\"a\"}").put("/kit-test/things/1").then().statusCode(400)
                    .body("errors[0].field", equalTo("If-Match"));
        }
    }

    @Test
    void racingCreatesOfTheSameThingAreOne201AndConflicts() {
        String name = "race-" + UUID.randomUUID();
        String token = Tokens.admin();
        List<CompletableFuture<Integer>> creates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            creates.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(token).post("/kit-test/unique/" + name)
                    .then().extract().statusCode()));
        }
        List<Integer> statuses = creates.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
    }

    @Test
    void aStatementOverTheTimeoutIs503AndDoesNotHoldTheService() {
        long started = System.nanoTime();
        given().auth().oauth2(Tokens.admin()).get("/kit-test/slow").then().statusCode(503).contentType(startsWith(PROBLEM))
                .header("Retry-After", equalTo("5"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void behindTheGatewayAProblemNamesThePathTheCallerUsed() {
        given().auth().oauth2(Tokens.admin()).header("X-Forwarded-Prefix", "/api").get("/kit-test/conflict")
                .then().statusCode(409).body("instance", equalTo("/api/kit-test/conflict"));
        given().auth().oauth2(Tokens.admin()).header("X-Forwarded-Prefix", "https://evil.example/").get("/kit-test/conflict")
                .then().statusCode(409).body("instance", equalTo("/kit-test/conflict"));
        given().auth().oauth2(Tokens.admin()).get("/kit-test/conflict").then().statusCode(409)
                .body("errors", org.hamcrest.Matchers.nullValue()).body("instance", equalTo("/kit-test/conflict"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"name\":\"\"}").post("/kit-test/things")
                .then().statusCode(422).body("errors.field", hasItem("name"));
    }
}
