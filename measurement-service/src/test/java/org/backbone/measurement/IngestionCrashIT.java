package org.backbone.measurement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventCatalog;
import org.backbone.contracts.EventJson;
import org.backbone.contracts.Topics;
import org.backbone.contracts.agenda.AgendaRatified;
import org.backbone.contracts.agenda.GoalSnapshot;
import org.backbone.contracts.agenda.Horizon;
import org.backbone.contracts.agenda.InitiativeCreated;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.contracts.agenda.RatificationRule;
import org.backbone.contracts.agenda.Sector;
import org.backbone.contracts.measurement.ValuesRecorded;
import org.backbone.contracts.partner.MeasurementSubmitted;
import org.backbone.kit.events.CloudEventRecords;
import org.backbone.kit.testing.KafkaProbe;
import org.backbone.kit.testing.ServiceProcess;
import org.backbone.driver.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, killed outright (SIGKILL) while it works through a partner's stream and
 * started again, stores every value exactly once and announces each one once. A process of its
 * own, so that the kill is real: no shutdown hook, transactions cut wherever they were. Poison
 * records (text PostgreSQL cannot store, absurd numbers, payloads that are not JSON) are mixed into
 * the stream: each goes to the dead-letter topic and holds up nothing behind it. Stopped (SIGTERM) mid-stream
 * instead, it closes its consumers before its database and the next start carries on, again exactly once.
 */
class IngestionCrashIT {

    private static final int SCHOOLS = 200;
    private static final int GRADES = 10;
    private static final int MONTHS = 15;
    private static final int EVENTS = SCHOOLS * GRADES * MONTHS;
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final String SUBMITTED = EventCatalog.of(MeasurementSubmitted.class).type();
    /** One poison record after every this many good ones. */
    private static final int POISON_EVERY = 500;

    private static final Path LOG = Path.of("target/ingestion-crash-it-service.log");

    private final UUID initiative = UUID.randomUUID();
    private final UUID partner = UUID.randomUUID();
    private final UUID goal = UUID.randomUUID();
    /** What the inbox key of every event sent is made from ("partner|source#id"). */
    private final List<String> sentKeys = new ArrayList<>();
    /** The CloudEvents ids of the poison records sent. */
    private final java.util.Set<String> poisonIds = new java.util.HashSet<>();
    private final String jdbcUrl = "jdbc:postgresql://" + System.getenv().getOrDefault("DB_HOST", "127.0.0.1") + ":"
            + System.getenv().getOrDefault("DB_PORT", "15432") + "/measurement_test";
    private final ServiceProcess service = new ServiceProcess(Path.of("target/quarkus-app/quarkus-run.jar"), Map.of(),
            List.of("-Dquarkus.profile=test",
                    // this test's partner only, read by a group of its own
                    "-Dmp.messaging.incoming.partner-measurements.topic=" + Topics.partnerMeasurements(partner).replace(".", "\\."),
                    "-Dmp.messaging.incoming.partner-measurements.group.id=crash-" + partner,
                    // the killed consumer leaves no goodbye: the group hands its partitions on once its session expires
                    "-Dmp.messaging.incoming.partner-measurements.session.timeout.ms=6000",
                    "-Dmp.messaging.incoming.partner-measurements.heartbeat.interval.ms=1000"),
            LOG);

    @AfterEach
    void stopService() {
        service.stop();
    }

    @Test
    void killedMidStreamAndRestartedStoresEveryValueOnceAndAnnouncesItOnce() throws Exception {
        service.start();
        announceInitiative();
        String indicator = defineIndicator();
        service.stop();

        long expectedSum;
        String deadLetters = Topics.deadLetter(Topics.partnerMeasurements(partner), "measurement");
        try (KafkaProbe dlq = KafkaProbe.subscribe(deadLetters)) {
            expectedSum = produceEvents();
            service.start();
            killAndRestartMidStream();
            // a poison record dead-lettered just before the kill may be dead-lettered again after it: at least once each
            await().atMost(DEADLINE).until(() -> dlq.received(r -> true).stream()
                    .map(r -> KafkaProbe.header(r, "ce_id")).collect(java.util.stream.Collectors.toSet())
                    .containsAll(poisonIds));
        }
        await().atMost(DEADLINE).until(() -> stored() == EVENTS && announced() >= EVENTS);
        assertStoredOnce(indicator, expectedSum);
    }

    @Test
    void stoppedMidStreamHandsOverWithoutFailingOnAClosedDatabaseAndStoresEveryValueOnce() throws Exception {
        service.start();
        announceInitiative();
        String indicator = defineIndicator();
        service.stop();

        long expectedSum = produceEvents();
        service.start();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(20)).until(() -> stored() > 0);
        assertThat(stored()).as("the stop must land mid-stream for this test to mean anything").isLessThan(EVENTS);
        long logBefore = Files.size(LOG);
        service.stop(); // SIGTERM, as Kubernetes stops a pod in a rolling update
        String stopping = Files.readString(LOG).substring((int) logBefore);
        // the consumers close while the database is there: no batch fails on a closed pool and waits out the stop
        assertThat(stopping).as("the service's log while it stopped").doesNotContain("Pool closed").contains("stopped in");

        service.start();
        await().atMost(DEADLINE).until(() -> stored() == EVENTS && announced() >= EVENTS);
        assertStoredOnce(indicator, expectedSum);
    }

    private void killAndRestartMidStream() throws Exception {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(20)).until(() -> stored() > 0);
        service.kill();
        long storedAtKill = stored();
        assertThat(storedAtKill).as("the kill must land mid-stream for this test to mean anything")
                .isGreaterThan(0).isLessThan(EVENTS);

        service.start();
    }

    private void assertStoredOnce(String indicator, long expectedSum) throws Exception {
        try (Connection c = connection(); PreparedStatement values = c.prepareStatement(
                "SELECT count(*), sum(value), max(revision), count(DISTINCT (period, dimension_key)) FROM indicator_value "
                        + "WHERE indicator_id = ?")) {
            values.setObject(1, UUID.fromString(indicator));
            try (ResultSet r = values.executeQuery()) {
                r.next();
                assertThat(r.getLong(1)).as("values stored").isEqualTo(EVENTS);
                assertThat(r.getBigDecimal(2)).as("sum of the values").isEqualByComparingTo(BigDecimal.valueOf(expectedSum));
                assertThat(r.getInt(3)).as("no value was written twice").isEqualTo(1);
                assertThat(r.getLong(4)).isEqualTo(EVENTS);
            }
        }
        assertThat(announced()).as("values.recorded counts each value once").isEqualTo(EVENTS);
        // the inbox keys as PostgreSQL's md5 makes them from "partner|source#id": the service's derivation must agree
        // a join on the computed keys: as "IN (subquery)" on a fresh database's statistics, PostgreSQL compared every row
        // with every key (minutes for 30,000)
        try (Connection c = connection(); PreparedStatement claimed = c.prepareStatement("SELECT count(*) FROM processed_event p "
                + "JOIN (SELECT DISTINCT md5(k)::uuid AS key FROM unnest(?) k) sent ON p.event_key = sent.key "
                + "WHERE p.consumer = 'measurement-partner'")) {
            claimed.setArray(1, c.createArrayOf("text", sentKeys.toArray()));
            try (ResultSet r = claimed.executeQuery()) {
                r.next();
                assertThat(r.getLong(1)).as("every event claimed once").isEqualTo(EVENTS);
            }
        }
    }

    private void announceInitiative() throws Exception {
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            send(producer, new InitiativeCreated(initiative, "Crash " + initiative, null, null, null,
                    new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"));
            send(producer, new PartnerJoined(initiative, partner, "Partner " + partner, Sector.NONPROFIT,
                    PartnerRole.CORE, Instant.now()));
            send(producer, new AgendaRatified(initiative, 1, null, null, null,
                    List.of(new GoalSnapshot(goal, null, "More pupils in advanced mathematics", null, Horizon.LONG_TERM, null))));
        }
        await().atMost(DEADLINE).until(() -> count("SELECT count(*) FROM agenda_goal WHERE initiative_id = ?::uuid AND active",
                initiative.toString()) == 1 && count("SELECT count(*) FROM agenda_membership WHERE initiative_id = ?::uuid AND current",
                initiative.toString()) == 1);
    }

    private String defineIndicator() {
        List<String> schools = new ArrayList<>();
        for (int s = 0; s < SCHOOLS; s++) {
            schools.add("s" + s);
        }
        List<String> grades = new ArrayList<>();
        for (int g = 0; g < GRADES; g++) {
            grades.add("g" + g);
        }
        Map<String, Object> body = new HashMap<>(Map.of("code", "PUPILS", "name", "Pupils in advanced mathematics",
                "valueType", "INTEGER", "direction", "INCREASE", "aggregation", "SUM", "periodicity", "MONTHLY",
                "goalIds", List.of(goal.toString()), "visibility", "SHARED", "approvalRequired", false));
        body.put("dimensions", Map.of("school", schools, "grade", grades));
        return given().baseUri(service.baseUrl()).auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/v1/initiatives/" + initiative + "/indicators").then().statusCode(201).extract().path("id");
    }

    /** One event per (month, school, grade); returns the sum of the values sent. */
    private long produceEvents() throws Exception {
        long sum = 0;
        AtomicLong failures = new AtomicLong();
        String topic = Topics.partnerMeasurements(partner);
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            int n = 0;
            for (int m = 1; m <= MONTHS; m++) {
                String period = String.format("%d%02d", 2024 + (m - 1) / 12, (m - 1) % 12 + 1);
                for (int s = 0; s < SCHOOLS; s++) {
                    for (int g = 0; g < GRADES; g++) {
                        if (n % POISON_EVERY == 0) {
                            producer.send(poison(topic, n / POISON_EVERY, period));
                        }
                        int value = n++ % 97;
                        sum += value;
                        MeasurementSubmitted payload = new MeasurementSubmitted(initiative, null, "PUPILS", period,
                                BigDecimal.valueOf(value), null, null, Map.of("school", "s" + s, "grade", "g" + g), null);
                        String id = UUID.randomUUID().toString();
                        sentKeys.add(partner + "|/crash-test/" + partner + "#" + id);
                        producer.send(CloudEventRecords.binary(topic, initiative.toString(), id,
                                SUBMITTED, "/crash-test/" + partner, null, Instant.now(), initiative.toString(),
                                EventJson.mapper().writeValueAsBytes(payload)), (metadata, error) -> {
                                    if (error != null) {
                                        failures.incrementAndGet();
                                    }
                                });
                    }
                }
            }
            producer.flush();
        }
        assertThat(failures.get()).as("records not produced").isZero();
        return sum;
    }

    /** A record that can never be stored, of one of four kinds in turn. */
    private ProducerRecord<String, byte[]> poison(String topic, int k, String period) {
        String data = "{\"initiativeId\":\"" + initiative + "\",\"indicatorCode\":\"PUPILS\",\"period\":\"" + period + "\",";
        String payload = switch (k % 4) {
            case 0 -> data + "\"value\":1,\"dimensions\":{\"school\":\"s1\",\"grade\":\"g1\"},\"comment\":\"a\\u0000b\"}";
            case 1 -> data + "\"value\":1e131071,\"dimensions\":{\"school\":\"s1\",\"grade\":\"g1\"}}";
            case 2 -> data + "\"value\":1,\"dimensions\":{\"school\":\"s\\u0000\",\"grade\":\"g1\"}}";
            default -> "{not json";
        };
        String id = "poison-" + UUID.randomUUID();
        poisonIds.add(id);
        return CloudEventRecords.binary(topic, initiative.toString(), id, SUBMITTED, "/crash-test/" + partner, null,
                Instant.now(), initiative.toString(), payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private long stored() throws Exception {
        return count("SELECT count(*) FROM indicator_value WHERE initiative_id = ?::uuid", initiative.toString());
    }

    /** The values announced by values.recorded events in the outbox, one row per event. */
    private long announced() throws Exception {
        return count("SELECT coalesce(sum((payload ->> 'acceptedCount')::int), 0) FROM outbox WHERE type = '"
                + EventCatalog.of(ValuesRecorded.class).type() + "' AND payload ->> 'initiativeId' = ?", initiative.toString());
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection c = connection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet r = statement.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private Connection connection() throws Exception {
        return DriverManager.getConnection(jdbcUrl, "measurement", "measurement");
    }

    private static void send(KafkaProducer<String, byte[]> producer, BackboneEvent event) throws Exception {
        producer.send(CloudEventRecords.of(event, UUID.randomUUID(), Instant.now())).get();
    }
}
