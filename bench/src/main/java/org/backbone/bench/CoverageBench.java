package org.backbone.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
import org.backbone.driver.Answer;
import org.backbone.driver.BackboneApi;
import org.backbone.driver.Caller;
import org.backbone.driver.Tokens;
import org.backbone.kit.events.CloudEventRecords;
import org.backbone.kit.testing.KafkaProbe;
import org.backbone.kit.testing.ServiceProcess;

/**
 * Issue 16's speed: a full recompute of coverage and findings for one large initiative beside one
 * bare SQL query that computes the same gap set over the same tables, and the latency of a single
 * activity change until its findings are committed and its events are on Kafka, beside a bare JDBC
 * update of the same row.
 *
 * <p>Needs the infrastructure up and activity-service packaged; starts its own activity-service
 * against the {@code activity_bench} database. Sizes are arguments: {@code goals municipalities
 * groups activities partners} (default 60 250 8 10000 40). Every activity has one municipality as
 * its place, so the bare query needs no location tree; both sides see the same rows.
 */
public final class CoverageBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PORT = 18083;
    private static final LocalDate PERIOD_START = LocalDate.of(2025, 9, 1);
    private static final LocalDate PERIOD_END = LocalDate.of(2026, 8, 31);
    private static final String[] TYPES = {"club", "training", "internship", "mentoring", "camp"};

    private final int goals;
    private final int municipalities;
    private final int groups;
    private final int activities;
    private final int partners;
    private final String jdbcUrl;
    private final UUID initiative = UUID.randomUUID();
    private final List<UUID> goalIds = new ArrayList<>();
    private final List<UUID> partnerIds = new ArrayList<>();
    private final Random random = new Random(16);
    private ServiceProcess service;
    private Caller admin;

    CoverageBench(int goals, int municipalities, int groups, int activities, int partners) {
        this.goals = goals;
        this.municipalities = municipalities;
        this.groups = groups;
        this.activities = activities;
        this.partners = partners;
        String host = System.getenv().getOrDefault("DB_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("DB_PORT", "15432");
        this.jdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/activity_bench";
        for (int g = 0; g < goals; g++) {
            goalIds.add(UUID.randomUUID());
        }
        for (int p = 0; p < partners; p++) {
            partnerIds.add(UUID.randomUUID());
        }
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = {60, 250, 8, 10_000, 40};
        for (int i = 0; i < Math.min(args.length, sizes.length); i++) {
            sizes[i] = Integer.parseInt(args[i]);
        }
        CoverageBench bench = new CoverageBench(sizes[0], sizes[1], sizes[2], sizes[3], sizes[4]);
        try {
            bench.run();
        } finally {
            bench.stopService();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf("coverage bench: %d leaf goals × %d municipalities × %d target groups, %,d activities of %d "
                + "partners%n", goals, municipalities, groups, activities, partners);
        resetDatabase();
        startService();
        admin = new BackboneApi("http://127.0.0.1:" + PORT).as(Tokens.admin());
        setUpInitiative();
        long imported = System.nanoTime();
        importActivities();
        System.out.printf("imported %,d activities through the CSV import in %.1f s (each file recomputed in full)%n",
                activities, (System.nanoTime() - imported) / 1e9);
        startSomeOfThem();

        // full recompute against the bare query, alternating, after three warm-ups of each
        for (int i = 0; i < 3; i++) {
            fullRecompute();
            bareGaps();
        }
        List<Double> service = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> rebuilt = new ArrayList<>();
        int gapRows = 0;
        for (int i = 0; i < 5; i++) {
            rebuilt.add(fullRecompute("?rebuild=true"));
            service.add(fullRecompute());
            long started = System.nanoTime();
            gapRows = bareGaps();
            bare.add((System.nanoTime() - started) / 1e6);
        }
        Map<String, Integer> open = openFindings();
        int serviceGaps = open.getOrDefault("UNCOVERED", 0) + open.getOrDefault("PLANNED_ONLY", 0)
                + open.getOrDefault("NOMINAL_ONLY", 0);
        double serviceMedian = median(service);
        double bareMedian = median(bare);
        System.out.println();
        System.out.printf("open findings after the recompute: %s%n", open);
        System.out.printf("gaps: service %,d, bare query %,d (%s)%n", serviceGaps, gapRows,
                serviceGaps == gapRows ? "the same set size" : "DIFFERENT");
        System.out.printf("full recompute via the API      median %,8.0f ms  (runs %s)   target ≤ 3,000 ms and ≤ 2 × bare%n",
                serviceMedian, rounded(service));
        System.out.printf("bare SQL gap query              median %,8.0f ms  (runs %s)   → %.1f × bare%n", bareMedian,
                rounded(bare), serviceMedian / bareMedian);
        System.out.printf("  rebuild=true (every stored finding compared)  median %,8.0f ms  (runs %s)   %.1f × bare%n",
                median(rebuilt), rounded(rebuilt), median(rebuilt) / bareMedian);

        singleChanges();
    }

    // --- set-up -----------------------------------------------------------------------------------

    private void resetDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "activity", "activity");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    private void startService() {
        List<String> options = new ArrayList<>(List.of("-Xms256m", "-Xmx1g",
                "-Dmp.messaging.incoming.agenda-events.group.id=bench-agenda-" + initiative,
                "-Dmp.messaging.incoming.measurement-events.group.id=bench-measurement-" + initiative));
        String extra = System.getenv("BENCH_SERVICE_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        service = new ServiceProcess(Path.of("activity-service/target/quarkus-app/quarkus-run.jar"), PORT,
                Map.of("DB_NAME", "activity_bench"), options, Path.of(".backbone/logs/bench-activity.log")).start();
    }

    private void stopService() {
        if (service != null) {
            service.stop();
        }
        service = null;
    }

    private void setUpInitiative() throws Exception {
        UUID root = UUID.randomUUID();
        List<GoalSnapshot> tree = new ArrayList<>();
        tree.add(new GoalSnapshot(root, null, "Bench root", null, Horizon.LONG_TERM, null));
        for (int g = 0; g < goals; g++) {
            tree.add(new GoalSnapshot(goalIds.get(g), root, "Bench goal " + g, null, Horizon.SHORT_TERM, null));
        }
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            send(producer, new InitiativeCreated(initiative, "Coverage bench " + initiative, null, null, null,
                    new RatificationRule(RatificationKind.UNANIMOUS, null), "bench"));
            for (UUID partner : partnerIds) {
                send(producer, new PartnerJoined(initiative, partner, "Partner " + partner, Sector.NONPROFIT,
                        PartnerRole.CORE, Instant.now()));
            }
            send(producer, new AgendaRatified(initiative, 1, null, null, null, tree));
        }
        awaitCount("SELECT count(*) FROM agenda_membership WHERE initiative_id = '" + initiative + "' AND current", partners);
        awaitCount("SELECT count(*) FROM agenda_goal WHERE initiative_id = '" + initiative + "' AND active", goals + 1);

        List<Map<String, Object>> locations = new ArrayList<>();
        int regions = Math.max(1, municipalities / 25);
        for (int r = 0; r < regions; r++) {
            locations.add(entry("R" + r, null));
        }
        for (int m = 0; m < municipalities; m++) {
            locations.add(entry(municipality(m), "R" + (m % regions)));
        }
        List<Map<String, Object>> groupEntries = new ArrayList<>(List.of(entry("pupils", null)));
        for (int g = 0; g < groups; g++) {
            groupEntries.add(entry("G" + g, "pupils"));
        }
        put("/vocabularies/locations", Map.of("entries", locations));
        put("/vocabularies/target-groups", Map.of("entries", groupEntries));
        put("/vocabularies/activity-types", Map.of("entries", Arrays.stream(TYPES).map(t -> entry(t, null)).toList()));
        put("/coverage/settings", Map.of("coverageLevel", 2, "period", "2025Sep", "boundaries", List.of()));
    }

    private void put(String path, Object body) {
        admin.put("/v1/initiatives/" + initiative + path, body, Map.of("If-Match", "*")).expect(200);
    }

    private static Map<String, Object> entry(String code, String parent) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("code", code);
        entry.put("parent", parent);
        entry.put("label", code);
        return entry;
    }

    private static String municipality(int m) {
        return String.format("M%03d", m);
    }

    /** Random activities, 5,000 to a CSV file: one municipality, one or two groups, a span inside the year. */
    private void importActivities() {
        int perFile = 5_000;
        for (int from = 0; from < activities; from += perFile) {
            StringBuilder csv = new StringBuilder("title,activityType,implementing,goals,locations,targetGroups,"
                    + "plannedStart,plannedEnd\r\n");
            for (int i = from; i < Math.min(activities, from + perFile); i++) {
                LocalDate start = PERIOD_START.plusDays(random.nextInt(60));
                String group = "G" + random.nextInt(groups);
                String second = random.nextInt(3) == 0 ? ";G" + random.nextInt(groups) : "";
                if (second.equals(";" + group)) {
                    second = "";
                }
                csv.append("Activity ").append(i).append(',').append(TYPES[random.nextInt(TYPES.length)]).append(',')
                        .append(partnerIds.get(i % partners)).append(',').append(goalIds.get(random.nextInt(goals)))
                        .append(',').append(municipality(random.nextInt(municipalities))).append(',').append(group)
                        .append(second).append(',').append(start).append(',').append(start.plusDays(150 + random.nextInt(150)))
                        .append("\r\n");
            }
            Answer answer = admin.call("POST", "/v1/initiatives/" + initiative + "/activities/import", csv.toString(),
                    Map.of("Content-Type", "text/csv"));
            answer.expect(200);
        }
    }

    /** Six in ten activities have started (what the API's transitions would do, for 6,000 rows at once). */
    private void startSomeOfThem() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "activity", "activity");
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE activity SET status = 'ONGOING', actual_start = planned_start, version = version + 1 "
                    + "WHERE initiative_id = '" + initiative + "' AND abs(hashtext(id::text)) % 10 < 6");
        }
    }

    // --- full recompute -----------------------------------------------------------------------------

    private double fullRecompute() {
        return fullRecompute("");
    }

    private double fullRecompute(String query) {
        long started = System.nanoTime();
        admin.post("/v1/initiatives/" + initiative + "/findings/recompute" + query, null).expect(200);
        return (System.nanoTime() - started) / 1e6;
    }

    /** The gap set as one query: leaf goals × coverage-level locations × named groups, less what is really covered. */
    private int bareGaps() throws Exception {
        String sql = """
                WITH leaf AS (
                  SELECT g.id FROM agenda_goal g WHERE g.initiative_id = ? AND g.active AND NOT EXISTS (
                    SELECT 1 FROM agenda_goal c WHERE c.initiative_id = g.initiative_id AND c.parent_id = g.id AND c.active)),
                loc AS (
                  SELECT v.code FROM vocabulary_entry v WHERE v.initiative_id = ? AND v.kind = 'LOCATION' AND v.parent_code IN (
                    SELECT r.code FROM vocabulary_entry r WHERE r.initiative_id = v.initiative_id AND r.kind = 'LOCATION'
                    AND r.parent_code IS NULL)),
                leaf_group AS (
                  SELECT v.code FROM vocabulary_entry v WHERE v.initiative_id = ? AND v.kind = 'TARGET_GROUP' AND NOT EXISTS (
                    SELECT 1 FROM vocabulary_entry c WHERE c.initiative_id = v.initiative_id AND c.kind = v.kind
                    AND c.parent_code = v.code)),
                act AS (
                  SELECT goal_ids, location_codes, target_groups, status, coalesce(actual_start, planned_start) AS s,
                         coalesce(actual_end, planned_end) AS e FROM activity WHERE initiative_id = ?),
                named AS (
                  SELECT DISTINCT g AS goal, t AS grp FROM act, unnest(goal_ids) g, unnest(target_groups) t
                  WHERE g IN (SELECT id FROM leaf)),
                goal_group AS (
                  SELECT goal, grp FROM named
                  UNION ALL SELECT l.id, lg.code FROM leaf l CROSS JOIN leaf_group lg
                  WHERE NOT EXISTS (SELECT 1 FROM named n WHERE n.goal = l.id)),
                cover AS (
                  SELECT g AS goal, loc, t AS grp, bool_or(status IN ('ONGOING', 'COMPLETED')) AS real
                  FROM act, unnest(goal_ids) g, unnest(location_codes) loc, unnest(target_groups) t
                  WHERE status <> 'CANCELLED' AND least(e, DATE '2026-08-31') - greatest(s, DATE '2025-09-01') + 1 >= 92
                  GROUP BY 1, 2, 3)
                SELECT gg.goal, l.code, gg.grp, CASE WHEN c.real IS NULL THEN 'UNCOVERED' ELSE 'PLANNED_ONLY' END
                FROM goal_group gg CROSS JOIN loc l
                LEFT JOIN cover c ON c.goal = gg.goal AND c.loc = l.code AND c.grp = gg.grp
                WHERE c.real IS NOT TRUE""";
        try (Connection c = DriverManager.getConnection(jdbcUrl, "activity", "activity");
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 1; i <= 4; i++) {
                s.setObject(i, initiative);
            }
            int rows = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    private Map<String, Integer> openFindings() throws Exception {
        Map<String, Integer> open = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "activity", "activity");
                PreparedStatement s = c.prepareStatement("SELECT kind, count(*) FROM finding WHERE initiative_id = ? "
                        + "AND state IN ('OPEN', 'ACKNOWLEDGED') GROUP BY kind")) {
            s.setObject(1, initiative);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    open.put(r.getString(1), r.getInt(2));
                }
            }
        }
        return open;
    }

    // --- single changes ----------------------------------------------------------------------------

    /**
     * One activity at a time moves its planned end by a day (its span, so its areas are reassessed):
     * the time until the API answers (findings committed with it) and until its activity.updated event
     * is read from Kafka, beside a bare JDBC update of the same column.
     */
    private void singleChanges() throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "activity", "activity");
                PreparedStatement s = c.prepareStatement("SELECT id FROM activity WHERE initiative_id = ? ORDER BY id")) {
            s.setObject(1, initiative);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getObject(1, UUID.class));
                }
            }
        }
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        java.util.concurrent.CountDownLatch assigned = new java.util.concurrent.CountDownLatch(1);
        Thread reader = new Thread(() -> readEvents(arrived, reading, assigned), "bench-events");
        reader.start();
        try {
            // reading from the latest offset: nothing may be published before the partitions are ours
            if (!assigned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the event reader got no partitions");
            }
            Histogram answer = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            Histogram event = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            int warmup = 50;
            int measured = 300;
            for (int i = 0; i < warmup + measured; i++) {
                UUID id = ids.get(random.nextInt(ids.size()));
                String path = "/v1/initiatives/" + initiative + "/activities/" + id;
                Answer current = admin.get(path).expect(200);
                ObjectNode body = body(current.body());
                body.put("plannedEnd", LocalDate.parse(body.get("plannedEnd").asText()).plusDays(i % 2 == 0 ? 1 : -1)
                        .toString());
                long started = System.nanoTime();
                Answer changed = admin.put(path, body, Map.of("If-Match", current.headers().firstValue("ETag")
                        .orElseThrow())).expect(200);
                long answered = System.nanoTime();
                String key = id + ":" + changed.text("version");
                long deadline = answered + TimeUnit.SECONDS.toNanos(30);
                while (!arrived.containsKey(key)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("activity.updated for " + key + " never arrived");
                    }
                    LockSupport.parkNanos(100_000);
                }
                if (i >= warmup) {
                    answer.recordValue(answered - started);
                    event.recordValue(arrived.get(key) - started);
                }
            }
            Histogram bare = bareUpdates(ids, measured);
            System.out.println();
            print("one change, API answer (findings committed)", answer, measured);
            print("one change, its activity.updated on Kafka", event, measured);
            System.out.println("  target: p99 ≤ 100 ms to the events");
            print("bare JDBC update of the same column", bare, measured);
        } finally {
            reading.set(false);
            reader.join(10_000);
        }
    }

    /** The fields of a registration, taken from an activity as the API shows it. */
    private static ObjectNode body(JsonNode activity) {
        ObjectNode body = JSON.createObjectNode();
        for (String field : List.of("title", "description", "activityType", "participants", "goalIds", "places",
                "targetGroups", "plannedStart", "plannedEnd", "plannedReach", "budget", "iatiIdentifier")) {
            if (activity.hasNonNull(field)) {
                body.set(field, activity.get(field));
            }
        }
        return body;
    }

    private void readEvents(Map<String, Long> arrived, AtomicBoolean reading,
            java.util.concurrent.CountDownLatch assigned) {
        EventDescriptor updated = EventCatalog.byType("org.backbone.activity.activity.updated.v1").orElseThrow();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                KafkaProbe.bootstrap(), "group.id", "bench-events-" + UUID.randomUUID(), "auto.offset.reset", "latest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ACTIVITY));
            while (reading.get()) {
                var records = consumer.poll(Duration.ofMillis(20));
                if (assigned.getCount() > 0 && !consumer.assignment().isEmpty()) {
                    consumer.assignment().forEach(consumer::position); // resolves "latest" now, not at the next fetch
                    assigned.countDown();
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (initiative.toString().equals(record.key())
                            && updated.type().equals(KafkaProbe.header(record, "ce_type"))) {
                        try {
                            JsonNode payload = JSON.readTree(record.value());
                            arrived.putIfAbsent(payload.path("activityId").asText() + ":" + payload.path("version").asText(),
                                    System.nanoTime());
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException("unreadable activity.updated", e);
                        }
                    }
                }
            }
        }
    }

    private Histogram bareUpdates(List<UUID> ids, int count) throws Exception {
        Histogram bare = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        try (Connection c = DriverManager.getConnection(jdbcUrl, "activity", "activity");
                PreparedStatement s = c.prepareStatement("UPDATE activity SET planned_end = planned_end + 1 WHERE id = ?")) {
            for (int i = 0; i < count + 50; i++) {
                long started = System.nanoTime();
                s.setObject(1, ids.get(random.nextInt(ids.size())));
                s.executeUpdate();
                if (i >= 50) {
                    bare.recordValue(System.nanoTime() - started);
                }
            }
        }
        return bare;
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static void print(String what, Histogram h, int count) {
        System.out.printf("%-45s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%d changes)%n", what,
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6, count);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    private static void send(KafkaProducer<String, byte[]> producer, BackboneEvent event) throws Exception {
        producer.send(CloudEventRecords.of(event, UUID.randomUUID(), Instant.now())).get(30, TimeUnit.SECONDS);
    }

    private void awaitCount(String sql, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try (Connection c = DriverManager.getConnection(jdbcUrl, "activity", "activity");
                    Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                if (r.next() && r.getInt(1) == expected) {
                    return;
                }
            } catch (java.sql.SQLException e) {
                // the service's migrations may not have run yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + sql);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }
}
