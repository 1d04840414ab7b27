package org.backbone.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventCatalog;
import org.backbone.contracts.EventDescriptor;
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
import org.backbone.kit.events.CloudEventHeaders;
import org.backbone.kit.events.CloudEventRecords;
import org.backbone.kit.testing.KafkaProbe;
import org.backbone.kit.testing.ServiceProcess;
import org.backbone.driver.BackboneApi;
import org.backbone.driver.Caller;
import org.backbone.driver.Tokens;

/**
 * Issue 4's speed: partner values through Kafka into validated, stored values, beside a bare
 * consume-and-insert baseline reading the same records in the same run; progress latency over the
 * stored values beside the bare SQL query; REST batch submission beside a bare JDBC batch insert.
 *
 * <p>Needs the infrastructure up (./backbone infra up) and measurement-service packaged; starts its
 * own measurement-service process against the {@code measurement_bench} database. Sizes are
 * arguments: {@code partners indicators periods} (default 20 50 1000 = 1,000,000 values).
 *
 * <p>The topics hold a warm-up ahead of the measured values: a fifth as many earlier periods, read
 * first by the service and by the baseline alike. Rates count only the measured values, stored
 * after the warm-up, so they compare two warm consumers rather than the service's just-in-time
 * compilation (half its CPU in its first minute) with a dozen lines of baseline code.
 */
public final class IngestBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TYPE = "org.backbone.partner.measurement.submitted.v1";
    private static final EventDescriptor VALUES_RECORDED = EventCatalog.of(ValuesRecorded.class);
    private static final int PORT = 18082;
    private static final String API = "http://127.0.0.1:" + PORT;
    private static final BackboneApi API_DRIVER = new BackboneApi(API);

    private final int partners;
    private final int indicators;
    private final int periods;
    private final int warmupPeriods;
    private final String jdbcUrl;
    private final List<UUID> partnerIds = new ArrayList<>();
    private final List<String> periodCodes = new ArrayList<>();
    private final List<LocalDate> periodStarts = new ArrayList<>();
    private final Map<String, UUID> indicatorIds = new HashMap<>();
    private final UUID initiative = UUID.randomUUID();
    private ServiceProcess service;

    IngestBench(int partners, int indicators, int periods) {
        this.partners = partners;
        this.indicators = indicators;
        this.periods = periods;
        this.warmupPeriods = Math.max(1, periods / 5);
        String host = System.getenv().getOrDefault("DB_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("DB_PORT", "15432");
        this.jdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/measurement_bench?reWriteBatchedInserts=true";
        for (int p = 0; p < partners; p++) {
            partnerIds.add(UUID.randomUUID());
        }
        LocalDate start = LocalDate.of(1941, 1, 1);
        // the warm-up's periods first, then the measured ones: periodCodes.get(warmupPeriods) is the first measured
        for (int i = 0; i < warmupPeriods + periods; i++) {
            LocalDate month = start.plusMonths(i);
            periodCodes.add(String.format("%d%02d", month.getYear(), month.getMonthValue()));
            periodStarts.add(month);
        }
    }

    public static void main(String[] args) throws Exception {
        int partners = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int indicators = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int periods = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        IngestBench bench = new IngestBench(partners, indicators, periods);
        try {
            bench.run();
        } finally {
            bench.stopService();
            bench.deleteTopics();
        }
    }

    private void run() throws Exception {
        long total = (long) partners * indicators * periods;
        long warmup = (long) partners * indicators * warmupPeriods;
        System.out.printf("ingest bench: %d partners × %d indicators × %d periods = %,d values (after a warm-up of %,d)%n",
                partners, indicators, periods, total, warmup);
        resetDatabase();
        startService();
        setUpInitiative();
        stopService();

        double produceRate = produce();
        double baselineRate = baseline(warmup, total);

        Stored stored;
        long started;
        long ready;
        try (KafkaProbe recorded = KafkaProbe.subscribe(VALUES_RECORDED.topic())) {
            started = System.nanoTime();
            startService();
            ready = System.nanoTime();
            stored = awaitStored(recorded, warmup, total);
        }
        double serviceRate = stored.measured() / ((stored.last() - stored.warm()) / 1e9);
        double serviceRateFromStart = (warmup + total) / ((stored.last() - started) / 1e9);

        System.out.println();
        System.out.printf("raw Kafka producer (acks=all)           %,12.0f values/s%n", produceRate);
        System.out.printf("bare baseline: consume + batch insert   %,12.0f values/s%n", baselineRate);
        System.out.printf("measurement-service via Kafka           %,12.0f values/s  (after the warm-up; %.2f × baseline)%n",
                serviceRate, serviceRate / baselineRate);
        System.out.printf("  cold: from service start (%.1f s), warm-up included  %,9.0f values/s%n",
                (ready - started) / 1e9, serviceRateFromStart);

        progressLatency();
        restBatches();
    }

    // --- set-up -----------------------------------------------------------------------------

    private void resetDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "measurement", "measurement");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    private void startService() {
        List<String> options = new ArrayList<>(List.of("-Xms256m", "-Xmx1g"));
        // extra JVM options for the service under test, e.g. a JFR recording while profiling
        String extra = System.getenv("BENCH_SERVICE_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        options.addAll(List.of("-Dmp.messaging.incoming.partner-measurements.group.id=bench-" + initiative,
                // only this run's partners: earlier runs' topics are none of its business
                "-Dmp.messaging.incoming.partner-measurements.topic=partner\\.("
                        + String.join("|", partnerIds.stream().map(UUID::toString).toList()) + ")\\.measurements\\.v1",
                "-Dmp.messaging.incoming.agenda-events.group.id=bench-agenda-" + initiative));
        service = new ServiceProcess(Path.of("measurement-service/target/quarkus-app/quarkus-run.jar"), PORT,
                Map.of("DB_NAME", "measurement_bench"), options, Path.of(".backbone/logs/bench-measurement.log")).start();
    }

    private void stopService() {
        if (service != null) {
            service.stop();
        }
        service = null;
    }

    /** A run's partner topics hold a million records: remove them so no later consumer trips over them. */
    private void deleteTopics() {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", KafkaProbe.bootstrap()))) {
            List<String> topics = new ArrayList<>();
            for (UUID partner : partnerIds) {
                topics.add(Topics.partnerMeasurements(partner));
                topics.add(Topics.deadLetter(Topics.partnerMeasurements(partner), "measurement"));
            }
            topics.retainAll(admin.listTopics().names().get(60, TimeUnit.SECONDS));
            admin.deleteTopics(topics).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("could not delete the benchmark's topics: " + e);
        }
    }

    private void setUpInitiative() throws Exception {
        UUID goal = UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            send(producer, new InitiativeCreated(initiative, "Bench " + initiative, null, null, null,
                    new RatificationRule(RatificationKind.UNANIMOUS, null), "bench"));
            for (UUID partner : partnerIds) {
                send(producer, new PartnerJoined(initiative, partner, "Partner " + partner, Sector.NONPROFIT,
                        PartnerRole.CORE, Instant.now()));
            }
            send(producer, new AgendaRatified(initiative, 1, null, null, null,
                    List.of(new GoalSnapshot(goal, null, "Bench goal", null, Horizon.LONG_TERM, null))));
        }
        awaitCount("SELECT count(*) FROM agenda_membership WHERE initiative_id = '" + initiative + "' AND current", partners);
        awaitCount("SELECT count(*) FROM agenda_goal WHERE initiative_id = '" + initiative + "' AND active", 1);
        for (int i = 0; i < indicators; i++) {
            String code = "BENCH_" + i;
            Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "Bench indicator " + i,
                    "valueType", "INTEGER", "direction", "INCREASE", "aggregation", "SUM", "periodicity", "MONTHLY",
                    "goalIds", List.of(goal.toString()), "visibility", "SHARED", "approvalRequired", false));
            body.put("baseline", Map.of("period", periodCodes.get(0), "value", 0));
            body.put("targets", Map.of(periodCodes.get(periodCodes.size() - 1), 1000));
            indicatorIds.put(code, UUID.fromString(API_DRIVER.defineIndicator(initiative, body)));
        }
        // partners' topics exist once they have joined
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", KafkaProbe.bootstrap()))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!admin.listTopics().names().get().containsAll(partnerIds.stream().map(Topics::partnerMeasurements).toList())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("partner topics were not created");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
    }

    // --- the measured phases ----------------------------------------------------------------------

    /** Produces every value (the warm-up's, then the measured ones) as a partner system would; returns values/s. */
    private double produce() throws Exception {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", KafkaProbe.bootstrap());
        properties.put("acks", "all");
        properties.put("linger.ms", "10");
        properties.put("batch.size", "262144");
        properties.put("compression.type", "lz4");
        long started = System.nanoTime();
        AtomicLong failures = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (int period = 0; period < periodCodes.size(); period++) {
                for (UUID partner : partnerIds) {
                    for (int i = 0; i < indicators; i++) {
                        MeasurementSubmitted payload = new MeasurementSubmitted(initiative, null, "BENCH_" + i,
                                periodCodes.get(period), BigDecimal.valueOf(period % 1000), null, null, null, null);
                        producer.send(CloudEventRecords.binary(Topics.partnerMeasurements(partner),
                                Topics.partnerMeasurementKey(initiative.toString(), "BENCH_" + i),
                                UUID.randomUUID().toString(), TYPE, "/bench/" + partner, null, Instant.now(),
                                initiative.toString(), EventJson.mapper().writeValueAsBytes(payload)),
                                (metadata, error) -> {
                                    if (error != null) {
                                        failures.incrementAndGet();
                                    }
                                });
                    }
                }
            }
            producer.flush();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " records were not produced");
        }
        return (long) partners * indicators * periodCodes.size() / ((System.nanoTime() - started) / 1e9);
    }

    /**
     * The bare baseline: reads the same records and batch-inserts them into a table shaped like
     * indicator_value (same columns and unique key), with no validation, no dedup, no events.
     * Returns values/s over the measured values, read after the warm-up.
     */
    private double baseline(long warmup, long total) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "measurement", "measurement")) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_value");
                s.execute("CREATE TABLE bench_value (LIKE indicator_value INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            }
            c.setAutoCommit(false);
            Properties properties = new Properties();
            properties.put("bootstrap.servers", KafkaProbe.bootstrap());
            properties.put("group.id", "bench-baseline-" + initiative);
            properties.put("auto.offset.reset", "earliest");
            properties.put("max.poll.records", "2000");
            long stored = 0;
            long warmStored = 0;
            long started = 0;
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                    new ByteArrayDeserializer());
                    PreparedStatement insert = c.prepareStatement("INSERT INTO bench_value (id, indicator_id, initiative_id, "
                            + "organisation_id, period, period_start, dimension_key, dimensions, value, status, channel, batch_id, "
                            + "submitted_by, submitted_at, revision) VALUES (?, ?, ?, ?, ?, ?, '', '{}'::jsonb, ?, 'APPROVED', "
                            + "'KAFKA', ?, 'bench', now(), 1) ON CONFLICT DO NOTHING")) {
                consumer.subscribe(partnerIds.stream().map(Topics::partnerMeasurements).toList());
                UUID batch = UUID.randomUUID();
                while (stored < warmup + total) {
                    var records = consumer.poll(Duration.ofMillis(500));
                    for (ConsumerRecord<String, byte[]> record : records) {
                        JsonNode payload = JSON.readTree(record.value());
                        String period = payload.get("period").asText();
                        insert.setObject(1, UUID.randomUUID());
                        insert.setObject(2, indicatorIds.get(payload.get("indicatorCode").asText()));
                        insert.setObject(3, initiative);
                        insert.setObject(4, UUID.fromString(record.topic().substring(8, 44)));
                        insert.setString(5, period);
                        insert.setObject(6, LocalDate.of(Integer.parseInt(period.substring(0, 4)),
                                Integer.parseInt(period.substring(4)), 1));
                        insert.setBigDecimal(7, payload.get("value").decimalValue());
                        insert.setObject(8, batch);
                        insert.addBatch();
                    }
                    if (!records.isEmpty()) {
                        insert.executeBatch();
                        c.commit();
                        consumer.commitSync();
                        stored += records.count();
                        if (started == 0 && stored >= warmup) {
                            started = System.nanoTime();
                            warmStored = stored;
                        }
                    }
                }
            }
            return (stored - warmStored) / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** When the warm-up was stored, when the last value was, and how many values were stored between. */
    private record Stored(long warm, long last, long measured) {
    }

    /**
     * Waits until every value is stored. Follows
     * the service's {@code values.recorded} events (committed with the values, published within
     * milliseconds) rather than counting rows: a count(*) over a million rows every 100 ms would
     * take a good part of the database's CPU from the service being measured.
     */
    private Stored awaitStored(KafkaProbe recorded, long warmup, long total) {
        long warm = 0;
        long storedWhenWarm = 0;
        long last = 0;
        long stored = 0;
        int seen = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        while (stored < warmup + total) {
            List<ConsumerRecord<String, byte[]>> events = recorded.received(r ->
                    VALUES_RECORDED.type().equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)));
            long now = System.nanoTime();
            for (ConsumerRecord<String, byte[]> event : events.subList(seen, events.size())) {
                try {
                    ValuesRecorded payload = EventJson.mapper().readValue(event.value(), ValuesRecorded.class);
                    if (initiative.equals(payload.initiativeId())) {
                        stored += payload.acceptedCount();
                        if (warm == 0 && stored >= warmup) {
                            warm = now;
                            storedWhenWarm = stored;
                        }
                        last = now;
                    }
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("unreadable values.recorded event", e);
                }
            }
            seen = events.size();
            if (now > deadline) {
                throw new IllegalStateException("only " + stored + " of " + (warmup + total) + " values stored in 20 minutes");
            }
        }
        return new Stored(warm, last, stored - storedWhenWarm);
    }

    /** Progress for one indicator over 12 periods through the API, beside the bare SQL aggregate. */
    private void progressLatency() throws Exception {
        UUID indicator = indicatorIds.get("BENCH_0");
        int last = periodCodes.size() - 1;
        String from = periodCodes.get(last - 11);
        String to = periodCodes.get(last);
        String url = API + "/v1/initiatives/" + initiative + "/indicators/" + indicator + "/progress?from=" + from + "&to=" + to;
        String token = Tokens.admin();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
        Histogram busy = apiLatency(request);
        long drained = awaitProgressMarksDrained();
        Histogram api = apiLatency(request);
        Histogram sql = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        try (Connection c = DriverManager.getConnection(jdbcUrl, "measurement", "measurement");
                PreparedStatement query = c.prepareStatement("SELECT period, sum(value) FROM indicator_value "
                        + "WHERE indicator_id = ? AND status = 'APPROVED' AND dimension_key = '' "
                        + "AND period_start BETWEEN ? AND ? GROUP BY period")) {
            for (int i = 0; i < 2200; i++) {
                long started = System.nanoTime();
                query.setObject(1, indicator);
                query.setObject(2, periodStarts.get(last - 12));
                query.setObject(3, periodStarts.get(last));
                try (ResultSet r = query.executeQuery()) {
                    while (r.next()) {
                        r.getBigDecimal(2);
                    }
                }
                if (i >= 200) {
                    sql.recordValue(System.nanoTime() - started);
                }
            }
        }
        System.out.printf("progress, 12 periods, via the API        p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms (2000 requests,"
                        + " while the progress publisher works through its backlog)%n",
                ms(busy.getValueAtPercentile(50)), ms(busy.getValueAtPercentile(99)), ms(busy.getMaxValue()));
        System.out.printf("  the same at rest                      p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms (backlog drained %.0f s later)%n",
                ms(api.getValueAtPercentile(50)), ms(api.getValueAtPercentile(99)), ms(api.getMaxValue()), drained / 1e9);
        System.out.printf("  bare SQL aggregate, same rows         p50 %6.2f ms  p99 %6.2f ms%n",
                ms(sql.getValueAtPercentile(50)), ms(sql.getValueAtPercentile(99)));
    }

    /** 2,000 requests after 200 of warm-up, one after another. */
    private static Histogram apiLatency(HttpRequest request) throws Exception {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        for (int i = 0; i < 2200; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("progress answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= 200) {
                latency.recordValue(System.nanoTime() - started);
            }
        }
        return latency;
    }

    /** Waits (up to 10 minutes) until the progress publisher has announced every marked pair; returns the nanoseconds waited. */
    private long awaitProgressMarksDrained() throws Exception {
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "measurement", "measurement");
                PreparedStatement marks = c.prepareStatement("SELECT count(*) FROM progress_mark")) {
            while (System.nanoTime() - started < TimeUnit.MINUTES.toNanos(10)) {
                try (ResultSet r = marks.executeQuery()) {
                    r.next();
                    if (r.getLong(1) == 0) {
                        break;
                    }
                }
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            }
        }
        return System.nanoTime() - started;
    }

    /** REST batches of 10,000 values, beside a bare JDBC batch insert of the same rows. */
    private void restBatches() throws Exception {
        Caller admin = API_DRIVER.admin();
        int batches = 10;
        int size = 10_000;
        long started = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            UUID partner = partnerIds.get(b % partners);
            StringBuilder body = new StringBuilder("{\"organisationId\":\"" + partner + "\",\"values\":[");
            for (int v = 0; v < size; v++) {
                // periods after the ingested ones, one indicator per batch, so every value is an insert
                LocalDate month = LocalDate.of(2100, 1, 1).plusMonths(v);
                body.append(v == 0 ? "" : ",").append("{\"period\":\"").append(String.format("%d%02d", month.getYear(),
                        month.getMonthValue())).append("\",\"value\":").append(v % 1000).append('}');
            }
            body.append("]}");
            admin.call("POST", "/v1/initiatives/" + initiative + "/indicators/" + indicatorIds.get("BENCH_" + (b + 1) % indicators)
                    + "/values", body.toString(), Map.of()).expect(200);
        }
        double restRate = (double) batches * size / ((System.nanoTime() - started) / 1e9);
        long jdbcStarted = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "measurement", "measurement")) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_value (id, indicator_id, initiative_id, "
                    + "organisation_id, period, period_start, dimension_key, dimensions, value, status, channel, batch_id, "
                    + "submitted_by, submitted_at, revision) VALUES (?, ?, ?, ?, ?, ?, '', '{}'::jsonb, ?, 'APPROVED', "
                    + "'REST', ?, 'bench', now(), 1) ON CONFLICT DO NOTHING")) {
                for (int b = 0; b < batches; b++) {
                    UUID batch = UUID.randomUUID();
                    for (int v = 0; v < size; v++) {
                        LocalDate month = LocalDate.of(2100, 1, 1).plusMonths(v);
                        insert.setObject(1, UUID.randomUUID());
                        insert.setObject(2, indicatorIds.get("BENCH_" + (b + 1) % indicators));
                        insert.setObject(3, initiative);
                        insert.setObject(4, partnerIds.get(b % partners));
                        insert.setString(5, String.format("%d%02d", month.getYear(), month.getMonthValue()));
                        insert.setObject(6, month);
                        insert.setBigDecimal(7, BigDecimal.valueOf(v % 1000));
                        insert.setObject(8, batch);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    c.commit();
                }
            }
        }
        double jdbcRate = (double) batches * size / ((System.nanoTime() - jdbcStarted) / 1e9);
        System.out.printf("REST batches of 10,000 values            %,12.0f values/s%n", restRate);
        System.out.printf("  bare JDBC batch insert, same rows      %,12.0f values/s  (REST at %.2f × bare)%n", jdbcRate,
                restRate / jdbcRate);
    }

    // --- helpers --------------------------------------------------------------------------------

    private static void send(KafkaProducer<String, byte[]> producer, BackboneEvent event) throws Exception {
        producer.send(CloudEventRecords.of(event, UUID.randomUUID(), Instant.now())).get();
    }

    private void awaitCount(String sql, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (Connection c = DriverManager.getConnection(jdbcUrl, "measurement", "measurement")) {
            while (true) {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                    r.next();
                    if (r.getLong(1) >= expected) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out waiting for: " + sql);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
