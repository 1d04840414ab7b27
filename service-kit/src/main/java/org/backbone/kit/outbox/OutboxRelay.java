package org.backbone.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.backbone.kit.events.CloudEventHeaders;
import org.backbone.kit.events.CloudEventRecords;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Publishes committed outbox rows to Kafka, in order, on one dedicated thread.
 *
 * <p>Woken by PostgreSQL {@code NOTIFY backbone_outbox} (sent by a trigger when a transaction that
 * appended rows commits), with a slow poll as safety net. Each cycle takes a batch in one
 * transaction, sends it (idempotent producer, {@code acks=all}), waits for the broker's acks and
 * marks exactly the acknowledged rows sent. When Kafka is away the rows stay and the relay backs
 * off exponentially.
 *
 * <p>Any number of replicas may run a relay. Rows are taken {@code FOR UPDATE SKIP LOCKED}, and a
 * transaction-scoped advisory lock lets one relay drain at a time: two relays taking interleaved
 * batches could otherwise publish one initiative's events out of order.
 */
public final class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CHANNEL = "backbone_outbox";
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);
    /** What a cycle returns when another relay holds the drain lock. */
    private static final int DRAINED_BY_ANOTHER = -1;

    private static final String TAKE_BATCH = """
            SELECT seq, id, topic, record_key, type, source, subject, occurred_at, payload::text, actor
            FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED""";

    /** Relay settings; see {@link org.backbone.kit.config.KitConfig.Outbox}. */
    public record Settings(String name, int batchSize, Duration pollInterval, Duration initialBackoff,
            Duration maxBackoff, Duration retention, Map<String, String> producerProperties) {
    }

    private final DataSource dataSource;
    private final String bootstrapServers;
    private final Settings settings;
    private final AtomicLong pending = new AtomicLong();
    private final Counter published;
    private final Timer publishLag;

    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;
    private Connection listenConnection;
    private Instant lastCleanup = Instant.EPOCH;

    public OutboxRelay(DataSource dataSource, String bootstrapServers, Settings settings, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.bootstrapServers = bootstrapServers;
        this.settings = settings;
        Gauge.builder("backbone.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by Kafka").tag("relay", settings.name()).register(registry);
        this.published = Counter.builder("backbone.outbox.published")
                .description("Events published from the outbox").tag("relay", settings.name()).register(registry);
        this.publishLag = Timer.builder("backbone.outbox.publish.lag")
                .description("Time from append to the broker's ack").tag("relay", settings.name()).register(registry);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay-" + settings.name());
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                // a cycle in flight while Kafka is away ends within the producer's delivery timeout
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /** Rows waiting to be published, as of the relay's last cycle. */
    public long pending() {
        return pending.get();
    }

    private void run() {
        long backoffMillis = 0;
        while (running) {
            try {
                listen();
                int taken;
                do {
                    taken = publishBatch();
                } while (taken == settings.batchSize() && running);
                if (taken == DRAINED_BY_ANOTHER) {
                    refreshPending();
                } else {
                    // this relay drained up to a short batch: what is left was appended since, and its NOTIFY wakes us
                    pending.set(0);
                }
                cleanUpIfDue();
                backoffMillis = 0;
                awaitWakeUp();
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                backoffMillis = backoffMillis == 0 ? settings.initialBackoff().toMillis()
                        : Math.min(backoffMillis * 2, settings.maxBackoff().toMillis());
                LOG.warnf("outbox relay %s: %s; retrying in %d ms", settings.name(), e.toString(), backoffMillis);
                closeProducer();
                if (e instanceof SQLException) {
                    closeListenConnection();
                }
                pause(backoffMillis);
            }
        }
        // stop() interrupts to cut a backoff short; clear the flag so the producer closes cleanly
        Thread.interrupted();
        closeProducer();
        closeListenConnection();
    }

    /** Takes, publishes and marks one batch; returns how many rows were taken, or {@link #DRAINED_BY_ANOTHER}. */
    private int publishBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryDrainLock(connection)) {
                    connection.rollback();
                    return DRAINED_BY_ANOTHER;
                }
                List<Row> rows = takeBatch(connection);
                if (rows.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                Exception failure = null;
                List<Long> acked = new ArrayList<>(rows.size());
                try {
                    List<Future<RecordMetadata>> acks = send(rows);
                    for (int i = 0; i < rows.size(); i++) {
                        try {
                            acks.get(i).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                            acked.add(rows.get(i).seq());
                            publishLag.record(Duration.between(rows.get(i).occurredAt().toInstant(), Instant.now()));
                        } catch (ExecutionException | TimeoutException e) {
                            failure = e;
                        }
                    }
                } catch (RuntimeException e) {
                    failure = e;
                }
                markSent(connection, acked);
                connection.commit();
                published.increment(acked.size());
                if (failure != null) {
                    throw failure;
                }
                return rows.size();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static boolean tryDrainLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT pg_try_advisory_xact_lock(hashtext('" + CHANNEL + "'))")) {
            result.next();
            return result.getBoolean(1);
        }
    }

    private List<Row> takeBatch(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(TAKE_BATCH)) {
            statement.setInt(1, settings.batchSize());
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), result.getString(3), result.getString(4),
                            result.getString(5), result.getString(6), result.getString(7),
                            result.getObject(8, OffsetDateTime.class), result.getString(9), result.getString(10)));
                }
            }
        }
        return rows;
    }

    private List<Future<RecordMetadata>> send(List<Row> rows) {
        KafkaProducer<String, byte[]> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            acks.add(kafka.send(row.toRecord()));
        }
        kafka.flush();
        return acks;
    }

    private static void markSent(Connection connection, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE outbox SET sent_at = now() WHERE seq = ANY (?)")) {
            Array array = connection.createArrayOf("bigint", seqs.toArray());
            statement.setArray(1, array);
            statement.executeUpdate();
        }
    }

    private void refreshPending() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL")) {
            result.next();
            pending.set(result.getLong(1));
        }
    }

    private void cleanUpIfDue() throws SQLException {
        if (Instant.now().isBefore(lastCleanup.plus(CLEANUP_EVERY))) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "DELETE FROM outbox WHERE sent_at < now() - make_interval(secs => ?)")) {
            statement.setLong(1, settings.retention().toSeconds());
            statement.executeUpdate();
        }
        lastCleanup = Instant.now();
    }

    private void listen() throws SQLException {
        // no validity check per cycle (a round trip each time): a broken connection fails getNotifications,
        // and the failure handling in run() closes it and listens again
        if (listenConnection != null) {
            return;
        }
        closeListenConnection();
        listenConnection = dataSource.getConnection();
        listenConnection.setAutoCommit(true);
        try (Statement statement = listenConnection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
    }

    /** Returns on a NOTIFY, at the poll interval, or when stopped. */
    private void awaitWakeUp() throws SQLException {
        PGConnection pg = listenConnection.unwrap(PGConnection.class);
        long deadline = System.nanoTime() + settings.pollInterval().toNanos();
        while (running) {
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMillis <= 0) {
                return;
            }
            // short slices so that stop() is honoured promptly
            PGNotification[] notifications = pg.getNotifications((int) Math.min(remainingMillis, 1000));
            if (notifications != null && notifications.length > 0) {
                return;
            }
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + settings.name());
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
            // each cycle sends its whole batch at once and then waits for the acks: lingering would only add a fixed delay
            properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            // fail fast while the broker is away; the relay backs off and retries the same rows
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
            properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
            properties.putAll(org.backbone.kit.events.KafkaSecurity.properties());
            properties.putAll(settings.producerProperties());
            producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("closing the producer", e);
            }
            producer = null;
        }
    }

    private void closeListenConnection() {
        if (listenConnection != null) {
            try {
                listenConnection.close();
            } catch (SQLException e) {
                LOG.debug("closing the LISTEN connection", e);
            }
            listenConnection = null;
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private record Row(long seq, String id, String topic, String key, String type, String source, String subject,
            OffsetDateTime occurredAt, String payload, String actor) {

        ProducerRecord<String, byte[]> toRecord() {
            ProducerRecord<String, byte[]> record = CloudEventRecords.binary(topic, key, id, type, source, subject,
                    occurredAt.toInstant(), key, payload.getBytes(StandardCharsets.UTF_8));
            if (actor != null) {
                record.headers().add(CloudEventHeaders.ACTOR, actor.getBytes(StandardCharsets.UTF_8));
            }
            return record;
        }
    }
}
