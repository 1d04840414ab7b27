package org.backbone.communication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.backbone.contracts.EventCatalog;
import org.backbone.contracts.EventJson;
import org.backbone.contracts.agenda.InitiativeUpdated;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.contracts.agenda.RatificationRule;
import org.backbone.driver.Tokens;
import org.backbone.kit.events.CloudEventRecords;
import org.backbone.kit.testing.KafkaProbe;
import org.backbone.kit.testing.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, killed outright (SIGKILL) while it works through a burst of events and webhook
 * deliveries, then started again: every event is in the feed exactly once, and the endpoint has received
 * every event at least once — a repeat always under the same webhook-id with the same body. The feed reads
 * a topic of this test's own (no history to wade through), with a group that outlives the kill.
 */
class DeliveryCrashIT {

    private static final int EVENTS = 1_500;
    private static final Duration DEADLINE = Duration.ofMinutes(4);
    private static final Pattern NAME = Pattern.compile("\"name\":\"(crash [0-9]+)\"");

    private final String run = UUID.randomUUID().toString();
    private final String topic = "crash-it." + run;
    private final UUID initiative = UUID.randomUUID();
    /** webhook-id → the bodies received under it. */
    private final Map<String, Set<String>> received = new ConcurrentHashMap<>();
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final ServiceProcess service = new ServiceProcess(Path.of("target/quarkus-app/quarkus-run.jar"), Map.of(),
            List.of("-Dquarkus.profile=test",
                    "-Dmp.messaging.incoming.feed-events.topics=" + topic,
                    "-Dmp.messaging.incoming.feed-events.group.id=crash-" + run,
                    "-Dmp.messaging.incoming.feed-events.auto.offset.reset=earliest",
                    // the killed consumer leaves no goodbye: the group hands its partition on once its session expires
                    "-Dmp.messaging.incoming.feed-events.session.timeout.ms=6000",
                    "-Dmp.messaging.incoming.feed-events.heartbeat.interval.ms=1000",
                    // deliveries the killed process had claimed are taken over when their lease ends
                    "-Dbackbone.webhooks.lease=5s"),
            Path.of("target/delivery-crash-it-service.log"));
    private HttpServer receiver;
    private String endpoint;

    @AfterEach
    void stop() {
        if (endpoint != null && service.isRunning()) {
            given().auth().oauth2(Tokens.admin()).delete(service.baseUrl() + "/v1/webhooks/endpoints/" + endpoint);
        }
        service.stop();
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void killedMidBurstAndRestartedRecordsEveryEventOnceAndDeliversEveryOneUnderOneId() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            received.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(body);
            Matcher name = NAME.matcher(body);
            if (name.find()) {
                names.add(name.group(1));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();

        service.start();
        endpoint = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/crash",
                        "eventTypes", List.of(EventCatalog.of(InitiativeUpdated.class).type()), "description", "crash " + run))
                .post(service.baseUrl() + "/v1/webhooks/endpoints").then().statusCode(201).extract().path("endpoint.id");
        service.stop();

        produce();
        service.start();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(20)).until(() -> feedEntries()[0] >= 100);
        service.kill();
        long atKill = feedEntries()[0];
        assertThat(atKill).as("the kill must land mid-burst for this test to mean anything").isLessThan(EVENTS);
        service.start();

        await().atMost(DEADLINE).until(() -> feedEntries()[0] == EVENTS && names.size() == EVENTS);
        long[] feed = feedEntries();
        assertThat(feed[0]).as("entries").isEqualTo(EVENTS);
        assertThat(feed[1]).as("distinct events among them: none twice").isEqualTo(EVENTS);
        assertThat(received).as("one webhook-id per event").hasSize(EVENTS);
        received.forEach((id, bodies) -> assertThat(bodies).as("every delivery under %s", id).hasSize(1));
    }

    private void produce() throws Exception {
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            for (int i = 0; i < EVENTS; i++) {
                InitiativeUpdated event = new InitiativeUpdated(initiative, "crash " + i, null, null, null,
                        new RatificationRule(RatificationKind.UNANIMOUS, null), 2);
                var descriptor = EventCatalog.of(event);
                producer.send(CloudEventRecords.binary(topic, initiative.toString(), UUID.randomUUID().toString(),
                        descriptor.type(), descriptor.source(), event.subject(), Instant.now(), initiative.toString(),
                        EventJson.mapper().writeValueAsBytes(event)));
            }
            producer.flush();
        }
    }

    /** The initiative's feed entries, and how many distinct events they are. */
    private long[] feedEntries() throws Exception {
        String url = "jdbc:postgresql://" + System.getenv().getOrDefault("DB_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("DB_PORT", "15432") + "/communication_test";
        try (Connection c = DriverManager.getConnection(url, "communication", "communication");
                PreparedStatement count = c.prepareStatement("SELECT count(*), count(DISTINCT event_id) FROM feed_entry "
                        + "WHERE initiative_id = ?")) {
            count.setObject(1, initiative);
            try (ResultSet r = count.executeQuery()) {
                r.next();
                return new long[] {r.getLong(1), r.getLong(2)};
            }
        }
    }
}
