package org.backbone.gateway;

import static org.backbone.kit.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.kit.testing.FuzzContract;
import org.backbone.driver.BackboneApi;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.fuzz.SchemaFuzzer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The gateway in front of the real agenda-service and measurement-service (processes of their own),
 * with real Keycloak tokens and Kafka. The last test stops measurement-service.
 */
@QuarkusTest
@QuarkusTestResource(DownstreamServices.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String SUBMITTED = "org.backbone.partner.measurement.submitted.v1";

    /** Metrics answer on the management port alone. */
    @TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metricsUrl;

    @TestHTTPResource("/api/v1/organisations")
    URL organisations;


    @Test
    @Order(1)
    void aStreamIsPassedOnAsItArrivesNotWhenItEnds() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/stream"))
                .header("Authorization", "Bearer " + Tokens.admin()).header("Accept", "text/event-stream").build();
        var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/event-stream"));
        var lines = response.body().iterator();
        // the service sends its second event only after this first one has been read through the gateway
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> List.of(lines.next(), lines.next()));
        assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS)).containsExactly("id: 1", "data: first");
        DownstreamServices.SECOND_EVENT.release();
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> List.of(lines.next(), lines.next(), lines.next()));
        assertThat(second.get(10, java.util.concurrent.TimeUnit.SECONDS)).containsExactly("", "id: 2", "data: second");
    }

    @Test
    @Order(1)
    void eightyStreamsStayOpenAtOnceBeyondThePoolOfOrdinaryCalls() throws Exception {
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        String token = Tokens.admin();
        List<java.util.concurrent.CompletableFuture<String>> firstLines = new java.util.ArrayList<>();
        List<java.util.stream.Stream<String>> bodies = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try {
            for (int i = 0; i < 80; i++) {
                var request = java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port
                        + "/api/v1/held-stream")).header("Authorization", "Bearer " + token)
                        .header("Accept", "text/event-stream").build();
                firstLines.add(client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofLines())
                        .thenApplyAsync(response -> {
                            bodies.add(response.body());
                            return response.body().findFirst().orElse("");
                        }));
            }
            // every stream answers while all the others are still open (the shared pool holds 64)
            for (var first : firstLines) {
                assertThat(first.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("id: 1");
            }
        } finally {
            DownstreamServices.RELEASE_HELD.countDown();
            bodies.forEach(java.util.stream.Stream::close);
        }
    }

    @Test
    @Order(1)
    void routesEachPathToItsServiceWithTheCallersTokenAndCorrelation() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Response created = as(Tokens.admin()).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header("X-Request-Id", "gateway-test-1")
                .body(Map.of("name", "Gateway Org " + UUID.randomUUID(), "sector", "BUSINESS"))
                .post("/api/v1/organisations");
        created.then().statusCode(201)
                .header("X-Request-Id", "gateway-test-1")
                .header("traceparent", startsWith("00-" + traceId + "-"))
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/organisations/"));
        String id = created.path("id");
        as(Tokens.admin()).get("/api/v1/organisations/" + id).then().statusCode(200).body("id", equalTo(id));

        // browsers: the configured web origin may call (a remembered token's call included) and gets a preflight
        as(Tokens.admin()).header("Origin", "http://localhost:3000").get("/api/v1/organisations/" + id).then()
                .statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:3000");
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/organisations/" + id).then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
        as(Tokens.admin()).header("Origin", "https://elsewhere.example").get("/api/v1/organisations/" + id).then()
                .statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/organisations").then().statusCode(403).contentType("application/problem+json");

        // the service decides with the caller's own token: a partner member may not register organisations
        as(Tokens.user("member-a")).body(Map.of("name", "Not mine", "sector", "BUSINESS")).post("/api/v1/organisations")
                .then().statusCode(403).contentType("application/problem+json");

        // a path only measurement-service serves
        UUID initiative = newInitiative();
        await().atMost(DEADLINE).untilAsserted(() -> as(Tokens.admin())
                .get("/api/v1/initiatives/" + initiative + "/scorecard").then().statusCode(200));
        as(Tokens.admin()).get("/api/v1/nowhere").then().statusCode(404).contentType("application/problem+json");

        // HTTP metrics name the route's shape: a series per organisation would grow without bound
        String metrics = given().get(metricsUrl).then().statusCode(200).extract().asString();
        assertThat(metrics).contains("uri=\"/api/v1/organisations/{id}\"")
                .contains("uri=\"/api/v1/initiatives/{id}/scorecard\"")
                .contains("method=\"OPTIONS\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/*\"")
                .doesNotContain(id).doesNotContain(initiative.toString());
    }

    /** An anonymous route (mail's unsubscribe links) passes calls without a token; a token given is still checked. */
    @Test
    @Order(2)
    void anAnonymousRoutePassesCallsWithoutATokenAndOnlyThatRoute() {
        given().get("/api/v1/open/link").then().statusCode(200).body(org.hamcrest.Matchers.equalTo("open, token none"));
        given().post("/api/v1/open/link").then().statusCode(200);
        given().auth().oauth2("not-a-token").get("/api/v1/open/link").then().statusCode(401);
        // a path the anonymous route's pattern does not match, and every other route, still need a token
        given().get("/api/v1/open/link/more").then().statusCode(401);
        given().get("/api/v1/stream").then().statusCode(401);
        given().get("/api/v1/organisations").then().statusCode(401);
    }

    @Test
    @Order(2)
    void missingInvalidWronglySignedAndExpiredTokensAreRefusedAtTheDoor() {
        given().get("/api/v1/organisations").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2("not-a-token").get("/api/v1/organisations").then().statusCode(401)
                .contentType("application/problem+json");
        // the gateway keeps the identities of tokens it verified: the genuine token is known after this call,
        // and the same claims with another signature must still be refused
        String token = Tokens.admin();
        given().auth().oauth2(token).get("/api/v1/organisations").then().statusCode(200);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(forged).get("/api/v1/organisations").then().statusCode(401);
        // known after its first call, and refused once it has expired all the same
        String shortLived = Tokens.system("short-lived-system");
        given().auth().oauth2(shortLived).get("/api/v1/organisations").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(shortLived).get("/api/v1/organisations").then().statusCode(401)
                        .body("detail", org.hamcrest.Matchers.containsString("not valid")));
    }

    @Test
    @Order(3)
    void aStoppedServiceIsA503AndASilentOneA504WithinTheTimeout() {
        long started = System.nanoTime();
        as(Tokens.admin()).get("/api/v1/dormant/anything").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("detail", org.hamcrest.Matchers.containsString("dormant"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

        started = System.nanoTime();
        as(Tokens.admin()).get("/api/v1/slow/anything").then().statusCode(504).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("1000 ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
    }

    @Test
    @Order(4)
    void aServiceThatKeepsFailingTripsItsBreakerAndIsLeftAloneForAWhile() {
        // the dormant service is not running; its breaker judges the last 4 calls (DownstreamServices)
        String detail = "";
        for (int call = 0; call < 6 && !detail.contains("circuit breaker open"); call++) {
            detail = as(Tokens.admin()).get("/api/v1/dormant/anything").then()
                    .statusCode(503).contentType("application/problem+json").extract().path("detail");
        }
        assertThat(detail).contains("dormant").contains("circuit breaker open");
        String metrics = given().get(metricsUrl).then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("backbone_gateway_downstream_breaker_open\\{service=\"dormant\",?} 1\\.0")
                .containsPattern("backbone_gateway_downstream_breaker_open\\{service=\"agenda\",?} 0\\.0");
        // the other services' calls go on
        as(Tokens.admin()).get("/api/v1/organisations").then().statusCode(200);
    }

    @Test
    @Order(5)
    void aClientOverItsRateLimitGets429WithRetryAfter() {
        String observer = Tokens.user("observer");
        int allowed = 0;
        Response refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            Response response = as(observer).get("/api/v1/organisations");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                allowed++;
            }
        }
        assertThat(allowed).as("the observer bucket holds 5").isEqualTo(5);
        assertThat(refused).isNotNull();
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        // another client's bucket is its own
        as(Tokens.admin()).get("/api/v1/organisations").then().statusCode(200);
    }

    @Test
    @Order(6)
    void aPartnerEventPostedOverHttpIsStoredAndShowsInProgress() {
        Scenario scenario = Scenario.ratified();
        String indicator = scenario.indicator("GW_TEACHERS");
        String partner = Tokens.system("partner-a-system");
        List<Map<String, Object>> events = List.of(
                event(scenario.initiative, "2026Q1", 40),
                event(scenario.initiative, "2026Q2", 55),
                Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "source", "/gateway-test",
                        "type", "something.else"));
        given().auth().oauth2(partner).contentType("application/cloudevents-batch+json").body(events)
                .post("/api/v1/partner-events").then().statusCode(202)
                .body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("errors[0].index", equalTo(2)).body("errors[0].reason", org.hamcrest.Matchers.containsString("type"));
        // binary mode, one more quarter
        given().auth().oauth2(partner).contentType(ContentType.JSON).header("ce-specversion", "1.0")
                .header("ce-id", UUID.randomUUID().toString()).header("ce-source", "/gateway-test")
                .header("ce-type", SUBMITTED).body(data(scenario.initiative, "2026Q3", 61))
                .post("/api/v1/partner-events").then().statusCode(202).body("accepted", equalTo(1));

        // a large batch (beyond the emitter's default buffer of 128 and the 1,024 in flight): every event queued, the last one for a key wins
        List<Map<String, Object>> large = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            large.add(event(scenario.initiative, "2026Q4", i));
        }
        given().auth().oauth2(partner).contentType("application/cloudevents-batch+json").body(large)
                .post("/api/v1/partner-events").then().statusCode(202).body("accepted", equalTo(3000));

        await().atMost(DEADLINE).untilAsserted(() -> as(Tokens.admin())
                .get("/api/v1/initiatives/" + scenario.initiative + "/indicators/" + indicator + "/progress?from=2026Q1&to=2026Q4")
                .then().statusCode(200)
                .body("periods.find { it.period == '2026Q1' }.value", equalTo(40))
                .body("periods.find { it.period == '2026Q2' }.value", equalTo(55))
                .body("periods.find { it.period == '2026Q3' }.value", equalTo(61))
                .body("periods.find { it.period == '2026Q4' }.value", equalTo(2999)));

        // a person is not a partner system; a partner system cannot write for another organisation
        as(Tokens.user("member-a")).body(List.of()).post("/api/v1/partner-events").then().statusCode(403);
        Map<String, Object> forOther = new HashMap<>(data(scenario.initiative, "2026Q4", 1));
        forOther.put("organisationId", Tokens.ORG_B.toString());
        given().auth().oauth2(partner).contentType("application/cloudevents+json")
                .body(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "source", "/gateway-test",
                        "type", SUBMITTED, "data", forOther))
                .post("/api/v1/partner-events").then().statusCode(202).body("accepted", equalTo(0))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("acts for"));
    }

    @Test
    @Order(7)
    void theMergedApiDescriptionHasEveryRoutedPathUnderApi() {
        given().get("/api/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/v1/organisations"))
                .body("paths.keySet()", hasItem("/api/v1/initiatives/{initiativeId}/indicators"))
                .body("paths.keySet()", hasItem("/api/v1/initiatives/{initiativeId}/dashboard"))
                .body("paths.keySet()", hasItem("/api/v1/partner-events"))
                .body("paths.keySet().findAll { !it.startsWith('/api/v1/') }", org.hamcrest.Matchers.empty());
        given().get("/api/docs/").then().statusCode(200);
    }

    @Test
    @Order(8)
    void aBodyOverTheLimitIsRefusedWithOrWithoutContentLength() throws Exception {
        // the gateway's limit is 1 MB here (DownstreamServices)
        byte[] oversize = new byte[1_200_000];
        java.util.Arrays.fill(oversize, (byte) ' ');
        as(Tokens.admin()).body(oversize).post("/api/v1/organisations").then().statusCode(413)
                .contentType("application/problem+json");

        // sent in chunks, without Content-Length: cut off as it outgrows the limit, and passed on when it does not
        HttpResponse<String> refused = postChunked(oversize);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> created = postChunked(("{\"name\":\"Chunked Org " + UUID.randomUUID() + "\",\"sector\":\"BUSINESS\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private HttpResponse<String> postChunked(byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(organisations.toURI()).version(HttpClient.Version.HTTP_1_1)
                .header("Authorization", "Bearer " + Tokens.admin()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Issue 14, defect 8: the envelope and the data are checked at the gateway (an event that could
     * never be stored is refused in the receipt, not dead-lettered after a 202), and numbers are
     * exact on this channel as on every other.
     */
    @Test
    @Order(6)
    void hostilePartnerEventsAreRefusedInTheReceiptAndNumbersStayExact() {
        Scenario scenario = Scenario.ratified();
        Map<String, Object> body = new HashMap<>(Map.of("code", "GW_EXACT", "name", "GW_EXACT", "valueType", "NUMBER",
                "direction", "INCREASE", "aggregation", "SUM", "periodicity", "QUARTERLY",
                "goalIds", List.of(scenario.goal.toString()), "visibility", "SHARED", "approvalRequired", false));
        String indicator = await().atMost(DEADLINE).until(() -> {
            Response response = as(Tokens.admin()).body(body).post("/api/v1/initiatives/" + scenario.initiative + "/indicators");
            return response.statusCode() == 201 ? response.<String>path("id") : null;
        }, notNullValue());
        String initiative = scenario.initiative.toString();
        String data = "{\"initiativeId\":\"" + initiative + "\",\"indicatorCode\":\"GW_EXACT\",\"period\":\"2026Q1\",\"value\":";
        String envelope = "\"specversion\":\"1.0\",\"type\":\"" + SUBMITTED + "\"";
        String batch = "["
                + "{" + envelope + ",\"id\":null,\"source\":\"/gw\",\"data\":" + data + "1}},"
                + "{" + envelope + ",\"id\":\"" + UUID.randomUUID() + "\",\"source\":7,\"data\":" + data + "1}},"
                + "{" + envelope + ",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/gw\",\"data\":"
                + "{\"initiativeId\":\"not-a-uuid\",\"indicatorCode\":\"GW_EXACT\",\"period\":\"2026Q1\",\"value\":1}},"
                + "{" + envelope + ",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/gw\",\"data\":" + data + "1e400}},"
                + "{" + envelope + ",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/gw\",\"data\":"
                + data.replace("2026Q1", "2026Q1\\u0000") + "1}},"
                + "{" + envelope + ",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/gw\",\"data\":" + data + "123456789012345.5}}"
                + "]";
        given().auth().oauth2(Tokens.system("partner-a-system")).contentType("application/cloudevents-batch+json").body(batch)
                .post("/api/v1/partner-events").then().statusCode(202)
                .body("accepted", equalTo(1)).body("rejected", equalTo(5))
                .body("errors.index", equalTo(List.of(0, 1, 2, 3, 4)))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("strings: id"))
                .body("errors[1].reason", org.hamcrest.Matchers.containsString("strings: source"))
                .body("errors[2].reason", org.hamcrest.Matchers.containsString("initiativeId must be a UUID"))
                .body("errors[3].reason", org.hamcrest.Matchers.containsString("digits before the decimal point"))
                .body("errors[4].reason", org.hamcrest.Matchers.containsString("NUL"));
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(as(Tokens.admin())
                .get("/api/v1/initiatives/" + initiative + "/indicators/" + indicator + "/progress?from=2026Q1&to=2026Q1")
                .then().statusCode(200).extract().asString()).contains("\"value\":123456789012345.5"));
    }

    /** The Location of what is created is the configured public address's, never the request's Host. */
    @Test
    @Order(7)
    void locationIsNeverBuiltFromTheHostHeader() {
        as(Tokens.admin()).header("Host", "evil.example")
                .body(Map.of("name", "Host test " + UUID.randomUUID(), "sector", "NONPROFIT"))
                .post("/api/v1/organisations").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.startsWith("/api/v1/organisations/"))
                .header("Location", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("evil")));
    }

    /** Callers without a valid token are limited by address, as the README says, instead of never. */
    @Test
    @Order(20)
    void callersWithoutAValidTokenAreLimitedByAddress() {
        Response refused = null;
        int unauthorised = 0;
        for (int i = 0; i < 200 && refused == null; i++) {
            Response response = i % 2 == 0 ? given().get("/api/v1/organisations")
                    : given().auth().oauth2("not-a-token").get("/api/v1/organisations");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(401);
                unauthorised++;
            }
        }
        assertThat(refused).as("refused after the fallback bucket of 60").isNotNull();
        assertThat(unauthorised).isLessThanOrEqualTo(60);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        // a caller with a token has a bucket of its own
        as(Tokens.admin()).get("/api/v1/organisations").then().statusCode(200);
    }

    @Test
    @Order(9)
    void theDashboardComposesTheServicesAndNamesWhatIsMissingWhenOneIsDown() {
        Scenario scenario = Scenario.ratified();
        scenario.indicator("GW_PUPILS");
        // activity-service learns of the initiative from agenda's events: until then its part is a warning
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> as(Tokens.user("member-a"))
                .get("/api/v1/initiatives/" + scenario.initiative + "/dashboard").then().extract().path("coverage") != null);
        as(Tokens.user("member-a")).get("/api/v1/initiatives/" + scenario.initiative + "/dashboard").then().statusCode(200)
                .body("coverage.open", org.hamcrest.Matchers.empty())
                .body("name", startsWith("Gateway initiative"))
                .body("ratifiedVersion", equalTo(1))
                .body("goalTree[0].title", equalTo("More pupils in advanced mathematics"))
                .body("goalTree[0].children[0].title", equalTo("More girls in advanced STEM tracks"))
                .body("partnersBySector.NONPROFIT.organisationId", hasItem(Tokens.ORG_A.toString()))
                .body("scorecard.code", hasItem("GW_PUPILS"))
                .body("warnings", org.hamcrest.Matchers.empty());
        // activity-service's own routes pass through, with its permissions
        as(Tokens.user("member-a")).get("/api/v1/initiatives/" + scenario.initiative + "/activities").then()
                .statusCode(200).body("items", org.hamcrest.Matchers.empty());
        as(Tokens.user("member-b")).get("/api/v1/initiatives/" + scenario.initiative + "/findings").then().statusCode(404);
        // an initiative member-b does not belong to: the answer as a whole is agenda-service's 404
        as(Tokens.user("member-b")).get("/api/v1/initiatives/" + scenario.initiative + "/dashboard").then().statusCode(404);

        DownstreamServices.measurement.stop();
        long started = System.nanoTime();
        as(Tokens.user("member-a")).get("/api/v1/initiatives/" + scenario.initiative + "/dashboard").then().statusCode(200)
                .body("goalTree[0].title", equalTo("More pupils in advanced mathematics"))
                .body("scorecard", org.hamcrest.Matchers.nullValue())
                .body("warnings.part", equalTo(List.of("scorecard")))
                .body("warnings[0].detail", org.hamcrest.Matchers.containsString("measurement"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    /**
     * The fuzz suite through the front door: every operation of the merged OpenAPI (the services'
     * and the gateway's own), against the real services, as every kind of caller. Last, because it
     * spends the rate limits (its 429s must be problem details and documented too).
     */
    @Test
    @Order(30)
    void hostileRequestsThroughTheGatewayGetAClearAnswer() throws Exception {
        if (!DownstreamServices.measurement.isRunning()) {
            DownstreamServices.measurement.start();
        }
        Scenario scenario = Scenario.ratified();
        String indicator = scenario.indicator("GW_FUZZ");
        // the fuzzer changes what it is given: an organisation of its own, never one other tests rely on
        String fuzzed = as(Tokens.admin()).body(Map.of("name", "Fuzzed " + UUID.randomUUID(), "sector", "BUSINESS"))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        Map<String, List<String>> known = Map.of(
                "initiativeId", List.of(scenario.initiative.toString()),
                "indicatorId", List.of(indicator),
                "organisationId", List.of(Tokens.ORG_A.toString()),
                "id", List.of(fuzzed),
                "goalIds", List.of(scenario.goal.toString()),
                "indicatorCode", List.of("GW_FUZZ"),
                "number", List.of("1"),
                "period", List.of("2026Q1", "2026Q2"));
        long seed = Long.getLong("backbone.fuzz.seed", 20261202L);
        SchemaFuzzer.Report report = new SchemaFuzzer(new SchemaFuzzer.Settings(
                URI.create("http://127.0.0.1:" + RestAssured.port), "/api/openapi", "/api/v1/", seed,
                Integer.getInteger("backbone.fuzz.requests", 1500), FuzzContract.callers(), known, Duration.ofSeconds(5), 2))
                .run();
        String summary = "seed " + seed + ": " + report.summary();
        System.out.println("gateway fuzz " + summary);
        assertThat(report.findings()).as(summary).isEmpty();
        assertThat(report.undocumented()).as(summary).isEmpty();
    }

    private static Map<String, Object> event(UUID initiative, String period, int value) {
        return Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "source", "/gateway-test",
                "type", SUBMITTED, "datacontenttype", "application/json", "data", data(initiative, period, value));
    }

    private static Map<String, Object> data(UUID initiative, String period, int value) {
        return Map.of("initiativeId", initiative.toString(), "indicatorCode", "GW_TEACHERS", "period", period,
                "value", value);
    }

    /** The public API through this gateway, as a client drives it. */
    static BackboneApi api() {
        return new BackboneApi("http://127.0.0.1:" + RestAssured.port + "/api");
    }

    static UUID newInitiative() {
        return api().newInitiative("Gateway initiative " + UUID.randomUUID());
    }

    /** An initiative with organisation A as its founding partner and a ratified agenda of two goals, all through the gateway. */
    static final class Scenario {
        final UUID initiative = newInitiative();
        final UUID goal = UUID.randomUUID();

        static Scenario ratified() {
            BackboneApi api = api();
            api.ensureOrganisation(Tokens.ORG_A, "Atid STEM Network", "NONPROFIT");
            Scenario scenario = new Scenario();
            api.join(scenario.initiative, Tokens.ORG_A, "FOUNDING");
            api.ratify(scenario.initiative, Map.of("vision", "Every pupil can reach advanced STEM",
                    "mission", "Coordinate what works", "goals", List.of(
                            BackboneApi.goal(scenario.goal, null, "More pupils in advanced mathematics", "LONG_TERM"),
                            BackboneApi.goal(UUID.randomUUID(), scenario.goal, "More girls in advanced STEM tracks",
                                    "SHORT_TERM"))),
                    Map.of(Tokens.ORG_A, Tokens.user("member-a")));
            return scenario;
        }

        /** A quarterly indicator on the ratified goal, once measurement-service knows the goal. */
        String indicator(String code) {
            return api().defineIndicator(initiative, Map.of("code", code, "name", code, "valueType", "INTEGER",
                    "direction", "INCREASE", "aggregation", "SUM", "periodicity", "QUARTERLY",
                    "goalIds", List.of(goal.toString()), "visibility", "SHARED", "approvalRequired", false));
        }
    }
}
