package org.backbone.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.backbone.contracts.agenda.InitiativeCreated;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.agenda.InitiativeUpdated;
import org.backbone.contracts.agenda.PartnerLeft;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.contracts.agenda.RatificationRule;
import org.backbone.contracts.agenda.Sector;
import org.backbone.contracts.measurement.SubmissionChannel;
import org.backbone.contracts.measurement.ValuesRecorded;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.AgendaEvents;
import org.backbone.kit.testing.Api;
import org.backbone.kit.testing.KafkaProbe;
import org.backbone.kit.events.CloudEventRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.backbone.contracts.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhooks end to end: events from Kafka, through the feed's transaction and the delivery queue, to a
 * real HTTP receiver, signed so that the Standard Webhooks reference library accepts them.
 */
@QuarkusTest
class WebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpServer receiver;
    /** What each path received, in order. */
    private static final Map<String, List<Received>> RECEIVED = new ConcurrentHashMap<>();
    /** Per path, the statuses to answer in turn (the last one repeats); none: 204. */
    private static final Map<String, List<Integer>> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    /** Released when the tests end: what the hanging endpoint waits for instead of answering. */
    private static final java.util.concurrent.CountDownLatch HUNG_UP = new java.util.concurrent.CountDownLatch(1);

    record Received(String id, String timestamp, String signature, String body, Instant at) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        Map<String, List<String>> headers() {
            return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(timestamp), "webhook-signature",
                    List.of(signature));
        }
    }

    private final UUID initiative = UUID.randomUUID();
    private final List<String> endpoints = new ArrayList<>();

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/", WebhookTest::receive);
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        HUNG_UP.countDown();
        receiver.stop(0);
    }

    private static void receive(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(
                exchange.getRequestHeaders().getFirst("webhook-id"), exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), body, Instant.now()));
        if (path.startsWith("/hang")) {
            try {
                // an endpoint that never answers: held until the tests are over (or a minute has passed)
                HUNG_UP.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        List<Integer> answers = ANSWERS.getOrDefault(path, List.of(204));
        int call = CALLS.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
        int status = answers.get(Math.min(call, answers.size() - 1));
        if (status == 503) {
            exchange.getResponseHeaders().add("Retry-After", "120");
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @BeforeEach
    void initiativeWithTwoPartners() throws Exception {
        Following.feed();
        Instant now = Instant.now();
        AgendaEvents.publish(
                new InitiativeCreated(initiative, "Hooks " + initiative, null, null, null,
                        new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"),
                new PartnerJoined(initiative, Tokens.ORG_A, "Atid STEM Network", Sector.NONPROFIT, PartnerRole.FOUNDING, now),
                new PartnerJoined(initiative, Tokens.ORG_B, "Negev Tech", Sector.BUSINESS, PartnerRole.CORE, now));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> Api.as(Tokens.user("member-b"))
                .get("/v1/initiatives/" + initiative + "/feed").statusCode() == 200);
    }

    @AfterEach
    void removeEndpoints() {
        endpoints.forEach(id -> Api.as(Tokens.admin()).delete("/v1/webhooks/endpoints/" + id));
    }

    @Test
    void deliveriesAreSignedSoThatTheReferenceLibraryAcceptsThemAndCarryTheEvent() throws Exception {
        String path = "/ok/" + UUID.randomUUID();
        Registered hook = register(Tokens.admin(), path, List.of("org.backbone.agenda.*"));
        assertThat(hook.secret()).startsWith("whsec_");
        changeName("Renamed");
        Received got = awaitReceived(path, r -> r.json().path("type").asText().equals("org.backbone.agenda.initiative.updated.v1"));
        new Webhook(hook.secret()).verify(got.body(), got.headers());
        JsonNode event = got.json();
        assertThat(got.id()).isEqualTo("msg_" + event.path("id").asText());
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("initiativeid").asText()).isEqualTo(initiative.toString());
        assertThat(event.path("data").path("name").asText()).isEqualTo("Renamed");
        assertThat(Math.abs(Long.parseLong(got.timestamp()) - Instant.now().getEpochSecond())).isLessThan(60);
        // the secret was shown once
        Api.as(Tokens.admin()).get("/v1/webhooks/endpoints/" + hook.id()).then().statusCode(200)
                .body("$", not(hasKey("secret"))).body("url", equalTo(url(path)));
    }

    @Test
    void anEndpointGetsOnlyWhatItsOwnerMayRead() throws Exception {
        String pathA = "/a/" + UUID.randomUUID();
        String pathB = "/b/" + UUID.randomUUID();
        register(Tokens.user("member-a"), pathA, List.of("*"));
        Registered b = register(Tokens.user("member-b"), pathB, List.of("*"));
        // partner A's own submission, then a marker behind it on the same partition
        AgendaEvents.publish(new ValuesRecorded(initiative, UUID.randomUUID(), Tokens.ORG_A, SubmissionChannel.REST, 3, 0,
                List.of()));
        // an initiative B does not belong to
        UUID elsewhere = UUID.randomUUID();
        AgendaEvents.publish(new InitiativeCreated(elsewhere, "Elsewhere " + elsewhere, null, null, null,
                        new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"),
                new PartnerJoined(elsewhere, Tokens.ORG_A, "Atid STEM Network", Sector.NONPROFIT, PartnerRole.FOUNDING,
                        Instant.now()),
                new InitiativeUpdated(elsewhere, "Elsewhere, marked", null, null, null,
                        new RatificationRule(RatificationKind.UNANIMOUS, null), 2));
        changeName("Marker");
        awaitReceived(pathA, r -> r.json().path("type").asText().endsWith("values.recorded.v1"));
        awaitReceived(pathA, r -> r.json().path("data").path("name").asText().equals("Elsewhere, marked"));
        awaitReceived(pathB, r -> r.json().path("data").path("name").asText().equals("Marker"));
        // B's deliveries are queued in the same statement as A's: what B's log lacks now, B never gets
        List<String> typesForB = Api.as(Tokens.user("member-b")).get("/v1/webhooks/endpoints/" + b.id() + "/deliveries?limit=200")
                .then().statusCode(200).extract().path("items.type");
        assertThat(typesForB).contains("org.backbone.agenda.initiative.updated.v1")
                .doesNotContain("org.backbone.measurement.values.recorded.v1");
        assertThat(RECEIVED.get(pathB)).noneMatch(r -> r.json().path("initiativeid").asText().equals(elsewhere.toString()));
    }

    /**
     * The feed records a poll's events together, yet an event is queued for a partner's endpoint by the
     * memberships as they stand once the events before it in the poll are applied: an event right behind a
     * partner's joining, in the same poll, reaches it; one right behind its leaving does not. (Membership is
     * judged when the event is recorded, as the API judges a read: a member may read events from before it
     * joined, which one may or may not get depending on which consumer came first.)
     */
    @Test
    void anEventBehindAPartnersJoiningInTheSamePollReachesItAndOneBehindItsLeavingDoesNot() throws Exception {
        String path = "/b/" + UUID.randomUUID();
        Registered b = register(Tokens.user("member-b"), path, List.of("org.backbone.agenda.initiative.updated.v1"));
        UUID solo = UUID.randomUUID();
        RatificationRule rule = new RatificationRule(RatificationKind.UNANIMOUS, null);
        Instant joined = Instant.now();
        inOnePoll(new InitiativeCreated(solo, "Solo " + solo, null, null, null, rule, "admin"),
                new PartnerJoined(solo, Tokens.ORG_B, "Negev Tech", Sector.BUSINESS, PartnerRole.CORE, joined),
                new InitiativeUpdated(solo, "while B", null, null, null, rule, 2));
        awaitReceived(path, r -> r.json().path("data").path("name").asText().equals("while B"));

        inOnePoll(new PartnerLeft(solo, Tokens.ORG_B, joined.plusSeconds(1)),
                new InitiativeUpdated(solo, "after B", null, null, null, rule, 3));
        // the feed's entry is written in the transaction that queues the deliveries
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.as(Tokens.admin()).queryParam("type", "agenda.initiative.updated")
                .get("/v1/initiatives/" + solo + "/feed").then().extract().<List<Object>>path("items").size() == 2);
        List<String> queued = Api.as(Tokens.user("member-b")).get("/v1/webhooks/endpoints/" + b.id() + "/deliveries?limit=200")
                .then().statusCode(200).extract().path("items.type");
        assertThat(queued).containsExactly("org.backbone.agenda.initiative.updated.v1");
    }

    /** Publishes {@code events} keyed by their initiative: one partition, appended as one batch, read in one poll. */
    private static void inOnePoll(BackboneEvent... events) {
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.batchingProducer(KafkaProbe.bootstrap())) {
            for (BackboneEvent event : events) {
                producer.send(CloudEventRecords.of(event, UUID.randomUUID(), Instant.now()));
            }
            producer.flush();
        }
    }

    @Test
    void aFailedDeliveryIsRetriedUnderTheSameWebhookIdAndLogged() throws Exception {
        String path = "/flaky/" + UUID.randomUUID();
        ANSWERS.put(path, List.of(500, 204));
        Registered hook = register(Tokens.admin(), path, List.of("org.backbone.agenda.initiative.updated.v1"));
        changeName("Flaky");
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVED.getOrDefault(path, List.of()).size() >= 2);
        List<Received> got = RECEIVED.get(path);
        assertThat(got.get(1).id()).isEqualTo(got.get(0).id());
        assertThat(Duration.between(got.get(0).at(), got.get(1).at())).isGreaterThan(Duration.ofMillis(4_000));
        new Webhook(hook.secret()).verify(got.get(1).body(), got.get(1).headers());
        long delivery = await().atMost(Duration.ofSeconds(10)).until(() -> Api.as(Tokens.admin())
                .get("/v1/webhooks/endpoints/" + hook.id() + "/deliveries?state=SUCCEEDED").then().extract()
                .<List<Number>>path("items.id"), ids -> ids.size() == 1).get(0).longValue();
        Api.as(Tokens.admin()).get("/v1/webhooks/endpoints/" + hook.id() + "/deliveries/" + delivery).then().statusCode(200)
                .body("attempts", equalTo(2)).body("webhookId", equalTo(got.get(0).id()))
                .body("attemptLog.status", equalTo(List.of(500, 204)));
    }

    @Test
    void retryAfterIsHonoured() {
        String path = "/busy/" + UUID.randomUUID();
        ANSWERS.put(path, List.of(503));
        Registered hook = register(Tokens.admin(), path, List.of("org.backbone.agenda.initiative.updated.v1"));
        changeName("Busy");
        Map<String, Object> delivery = await().atMost(Duration.ofSeconds(30)).until(() -> Api.as(Tokens.admin())
                .get("/v1/webhooks/endpoints/" + hook.id() + "/deliveries").then().extract()
                .<List<Map<String, Object>>>path("items"), items -> !items.isEmpty() && ((Number) items.get(0).get("attempts")).intValue() == 1)
                .get(0);
        assertThat(delivery.get("state")).isEqualTo("PENDING");
        assertThat(delivery.get("lastStatus")).isEqualTo(503);
        Duration wait = Duration.between(OffsetDateTime.parse((String) delivery.get("lastAttemptAt")),
                OffsetDateTime.parse((String) delivery.get("nextAttemptAt")));
        assertThat(wait).as("Retry-After: 120 beats the schedule's 5 s").isGreaterThanOrEqualTo(Duration.ofSeconds(119));
    }

    @Test
    void goneDisablesTheEndpointAndRecoverReplaysWhatWasHeldInOrder() throws Exception {
        String path = "/gone/" + UUID.randomUUID();
        ANSWERS.put(path, List.of(410, 204));
        Registered hook = register(Tokens.admin(), path, List.of("org.backbone.agenda.initiative.updated.v1"));
        OffsetDateTime since = OffsetDateTime.now().minusSeconds(1);
        try (KafkaProbe events = KafkaProbe.subscribe(Topics.COMMUNICATION)) {
            changeName("Gone");
            await().atMost(Duration.ofSeconds(30)).until(() -> !Api.as(Tokens.admin()).get("/v1/webhooks/endpoints/" + hook.id())
                    .then().extract().<Boolean>path("enabled"));
            // and its owner is told, through the event the disabling published
            await().atMost(Duration.ofSeconds(30)).until(() -> !events.received(r -> "org.backbone.communication.webhook-endpoint.disabled.v1"
                    .equals(KafkaProbe.header(r, "ce_type")) && hook.id().equals(KafkaProbe.header(r, "ce_subject"))).isEmpty());
        }
        Api.as(Tokens.admin()).get("/v1/webhooks/endpoints/" + hook.id()).then()
                .body("disabledReason", equalTo("the endpoint answered 410 Gone"));
        changeName("Held 1");
        changeName("Held 2");
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.as(Tokens.admin())
                .get("/v1/webhooks/endpoints/" + hook.id() + "/deliveries?state=HELD").then().extract()
                .<List<?>>path("items").size() == 2);
        // recovering a disabled endpoint is refused: enable it first
        Api.as(Tokens.admin()).body(Map.of("since", since.toString())).post("/v1/webhooks/endpoints/" + hook.id() + "/recover")
                .then().statusCode(409);
        Api.as(Tokens.admin()).body(Map.of("url", url(path), "eventTypes", List.of("org.backbone.agenda.initiative.updated.v1"),
                "enabled", true)).put("/v1/webhooks/endpoints/" + hook.id()).then().statusCode(200).body("enabled", equalTo(true));
        Api.as(Tokens.admin()).body(Map.of("since", since.toString())).post("/v1/webhooks/endpoints/" + hook.id() + "/recover")
                .then().statusCode(200).body("queued", equalTo(3));
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVED.get(path).size() >= 4);
        List<String> names = RECEIVED.get(path).stream().skip(1).map(r -> r.json().path("data").path("name").asText()).toList();
        // sent in their order, up to four at once: they may arrive in another
        assertThat(names).containsExactlyInAnyOrder("Gone", "Held 1", "Held 2");
        List<Map<String, Object>> log = Api.as(Tokens.admin()).get("/v1/webhooks/endpoints/" + hook.id() + "/deliveries")
                .then().extract().path("items");
        List<String> sentAt = log.stream().map(d -> (String) d.get("lastAttemptAt")).toList(); // newest delivery first
        assertThat(sentAt.stream().map(OffsetDateTime::parse).toList()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(RECEIVED.get(path).stream().skip(1).map(Received::id)).as("the refused message again, under its id")
                .contains(RECEIVED.get(path).get(0).id());
    }

    @Test
    void anEndpointThatFailedEverythingForFiveDaysIsDisabledAndOneThatAnswersIsNot() throws Exception {
        String failing = "/failing/" + UUID.randomUUID();
        String recovering = "/recovering/" + UUID.randomUUID();
        ANSWERS.put(failing, List.of(500));
        Registered dead = register(Tokens.admin(), failing, List.of("org.backbone.agenda.initiative.updated.v1"));
        Registered alive = register(Tokens.admin(), recovering, List.of("org.backbone.agenda.initiative.updated.v1"));
        // both have been failing for six days, as far as their streaks say
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://"
                        + System.getenv().getOrDefault("DB_HOST", "127.0.0.1") + ":" + System.getenv().getOrDefault("DB_PORT", "15432")
                        + "/communication_test", "communication", "communication");
                java.sql.PreparedStatement age = c.prepareStatement("UPDATE webhook_endpoint SET failing_since = now() - "
                        + "interval '6 days' WHERE id = ANY(?)")) {
            age.setArray(1, c.createArrayOf("uuid", new Object[] {UUID.fromString(dead.id()), UUID.fromString(alive.id())}));
            assertThat(age.executeUpdate()).isEqualTo(2);
        }
        changeName("Five days");
        await().atMost(Duration.ofSeconds(30)).until(() -> !Api.as(Tokens.admin()).get("/v1/webhooks/endpoints/" + dead.id())
                .then().extract().<Boolean>path("enabled"));
        Api.as(Tokens.admin()).get("/v1/webhooks/endpoints/" + dead.id()).then()
                .body("disabledReason", equalTo("every delivery failed for 5 days"));
        awaitReceived(recovering, r -> true);
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.as(Tokens.admin()).get("/v1/webhooks/endpoints/" + alive.id())
                .then().extract().path("failingSince") == null);
        Api.as(Tokens.admin()).get("/v1/webhooks/endpoints/" + alive.id()).then().body("enabled", equalTo(true));
    }

    @Test
    void afterARotationBothSecretsSignForADay() throws Exception {
        String path = "/rotated/" + UUID.randomUUID();
        Registered hook = register(Tokens.user("member-a"), path, List.of("org.backbone.agenda.initiative.updated.v1"));
        String fresh = Api.as(Tokens.user("member-a")).post("/v1/webhooks/endpoints/" + hook.id() + "/secret/rotate")
                .then().statusCode(200).extract().path("secret");
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(hook.secret());
        changeName("Rotated");
        Received got = awaitReceived(path, r -> true);
        assertThat(got.signature().split(" ")).hasSize(2);
        new Webhook(hook.secret()).verify(got.body(), got.headers());
        new Webhook(fresh).verify(got.body(), got.headers());
        // at rest the secrets are sealed: the database alone does not give them away
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://"
                        + System.getenv().getOrDefault("DB_HOST", "127.0.0.1") + ":" + System.getenv().getOrDefault("DB_PORT", "15432")
                        + "/communication_test", "communication", "communication");
                java.sql.PreparedStatement stored = c.prepareStatement("SELECT secret FROM webhook_secret WHERE endpoint_id = ?")) {
            stored.setObject(1, UUID.fromString(hook.id()));
            try (java.sql.ResultSet r = stored.executeQuery()) {
                int secrets = 0;
                while (r.next()) {
                    secrets++;
                    assertThat(r.getString(1)).startsWith("v1:").doesNotContain(hook.secret().substring(6))
                            .doesNotContain(fresh.substring(6));
                }
                assertThat(secrets).isEqualTo(2);
            }
        }
    }

    @Test
    void aHangingEndpointDoesNotHoldUpTheOthers() {
        String hanging = "/hang/" + UUID.randomUUID();
        String healthy = "/ok/" + UUID.randomUUID();
        register(Tokens.admin(), hanging, List.of("org.backbone.agenda.initiative.updated.v1"));
        register(Tokens.admin(), healthy, List.of("org.backbone.agenda.initiative.updated.v1"));
        for (int i = 0; i < 12; i++) {
            changeName("Busy day " + i);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVED.getOrDefault(healthy, List.of()).size() == 12);
        assertThat(RECEIVED.getOrDefault(hanging, List.of()).size()).as("at most a few in flight to one endpoint")
                .isLessThanOrEqualTo(4);
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"http://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook",
            "https://100.64.0.1/hook", "https://[fd00::1]/hook", "https://[::ffff:10.0.0.1]/hook", "https://0.0.0.0/hook",
            "https://user:secret@127.0.0.1/hook", "ftp://127.0.0.1/hook", "https://127.0.0.1/hook#x",
            "https://no-such-host.invalid/hook"})
    void privateUnreachableAndMalformedUrlsAreRefusedSayingWhy(String url) {
        Api.as(Tokens.admin()).body(Map.of("url", url, "eventTypes", List.of("*"))).post("/v1/webhooks/endpoints")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("url"));
    }

    @Test
    void aRefusedUrlSaysWhy() {
        Api.as(Tokens.admin()).body(Map.of("url", "https://10.1.2.3/hook", "eventTypes", List.of("*")))
                .post("/v1/webhooks/endpoints").then().statusCode(422)
                .body("errors[0].message", equalTo("10.1.2.3 is not a public address"));
    }

    @Test
    void eventTypesThatMatchNothingAndInitiativesTheOwnerCannotReadAreRefused() {
        Api.as(Tokens.admin()).body(Map.of("url", url("/x"), "eventTypes", List.of("org.backbone.agenda.*", "org.backbone.nothing.*")))
                .post("/v1/webhooks/endpoints").then().statusCode(422).body("errors[0].field", equalTo("eventTypes[1]"));
        UUID foreign = UUID.randomUUID();
        Api.as(Tokens.user("member-b")).body(Map.of("url", url("/x"), "eventTypes", List.of("*"), "initiativeId", foreign.toString()))
                .post("/v1/webhooks/endpoints").then().statusCode(422).body("errors[0].field", equalTo("initiativeId"));
    }

    @Test
    void onlyTheOwnersMembersAndStaffSeeOrChangeAnEndpoint() {
        Registered a = register(Tokens.user("member-a"), "/perm/" + UUID.randomUUID(), List.of("*"));
        String at = "/v1/webhooks/endpoints/" + a.id();
        Api.as(Tokens.user("member-a")).get(at).then().statusCode(200);
        Api.as(Tokens.system("partner-a-system")).get(at).then().statusCode(200);
        Api.as(Tokens.admin()).get(at).then().statusCode(200);
        for (String other : List.of("member-b", "observer")) {
            Api.as(Tokens.user(other)).get(at).then().statusCode(404);
            Api.as(Tokens.user(other)).post(at + "/secret/rotate").then().statusCode(404);
            Api.as(Tokens.user(other)).post(at + "/test").then().statusCode(404);
            Api.as(Tokens.user(other)).get(at + "/deliveries").then().statusCode(404);
            Api.as(Tokens.user(other)).delete(at).then().statusCode(404);
        }
        Api.as(Tokens.user("observer")).body(Map.of("url", url("/x"), "eventTypes", List.of("*")))
                .post("/v1/webhooks/endpoints").then().statusCode(403);
        List<String> seenByB = Api.as(Tokens.user("member-b")).get("/v1/webhooks/endpoints?limit=200").then().statusCode(200)
                .extract().path("items.id");
        assertThat(seenByB).doesNotContain(a.id());
        Api.as(Tokens.user("member-a")).get(at).then().statusCode(200);
    }

    @Test
    void aTestPingIsSignedAndLogged() throws Exception {
        String path = "/ping/" + UUID.randomUUID();
        Registered hook = register(Tokens.user("member-a"), path, List.of("org.backbone.agenda.*"));
        Api.as(Tokens.user("member-a")).post("/v1/webhooks/endpoints/" + hook.id() + "/test").then().statusCode(202);
        Received got = awaitReceived(path, r -> true);
        new Webhook(hook.secret()).verify(got.body(), got.headers());
        assertThat(got.json().path("type").asText()).isEqualTo("org.backbone.webhook.ping.v1");
    }

    record Registered(String id, String secret) {
    }

    private Registered register(String token, String path, List<String> types) {
        var body = Api.as(token).body(Map.of("url", url(path), "eventTypes", types, "description", "test " + path))
                .post("/v1/webhooks/endpoints").then().statusCode(201).extract();
        Registered registered = new Registered(body.path("endpoint.id"), body.path("secret"));
        endpoints.add(registered.id());
        return registered;
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private void changeName(String name) {
        try {
            AgendaEvents.publish(new InitiativeUpdated(initiative, name, null, null, null,
                    new RatificationRule(RatificationKind.UNANIMOUS, null), 2));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Received awaitReceived(String path, java.util.function.Predicate<Received> which) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVED.getOrDefault(path, List.of()).stream()
                .filter(which).findFirst().orElse(null), java.util.Objects::nonNull);
    }
}
