package org.backbone.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.backbone.contracts.agenda.InitiativeUpdated;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.contracts.agenda.RatificationRule;
import org.backbone.driver.Tokens;
import org.backbone.kit.events.CloudEventRecords;
import org.backbone.kit.testing.KafkaProbe;

/**
 * Issue 17's webhook targets: 10,000 events fanned out to 20 local endpoints at ≥ 1,000 signed
 * deliveries/s and ≥ 0.5 × a bare loop that posts the same bodies (measured in the same run); with one
 * endpoint hanging, the others' p99 delivery latency under 1 s. Needs communication-service up with
 * 127.0.0.1 on its webhook allow-list ({@code ./backbone bench webhooks} arranges it). Arguments: events,
 * endpoints, live events per second, live seconds (default 10000 20 25 20).
 */
public final class WebhookBench {

    private static final String COMMUNICATION = "http://127.0.0.1:8084";
    private static final String TYPE = "org.backbone.agenda.initiative.updated.v1";
    private static final Pattern TIME = Pattern.compile("\"time\":\"([^\"]+)\"");
    private static final Pattern NAME = Pattern.compile("\"name\":\"(webhook bench [^\"]+)\"");

    private final int events;
    private final int endpointCount;
    private final int liveRate;
    private final int liveSeconds;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong received = new AtomicLong();
    /** Latency of live deliveries to the healthy endpoints: receipt minus the event's time. */
    private final Histogram live = new ConcurrentHistogram(60_000_000L, 3);
    private volatile boolean measuringLive;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    WebhookBench(int events, int endpoints, int liveRate, int liveSeconds) {
        this.events = events;
        this.endpointCount = endpoints;
        this.liveRate = liveRate;
        this.liveSeconds = liveSeconds;
    }

    public static void main(String[] args) throws Exception {
        int[] v = {10_000, 20, 25, 20};
        for (int i = 0; i < Math.min(args.length, v.length); i++) {
            v[i] = Integer.parseInt(args[i]);
        }
        new WebhookBench(v[0], v[1], v[2], v[3]).run();
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf("webhook bench: %,d events to %d local endpoints; then %d events/s for %d s with one more "
                + "endpoint hanging%n", events, endpointCount, liveRate, liveSeconds);
        List<HttpServer> servers = new ArrayList<>();
        ExecutorService receiverThreads = Executors.newFixedThreadPool(64);
        for (int i = 0; i < endpointCount; i++) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            server.setExecutor(receiverThreads);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                long now = System.currentTimeMillis();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
                received.incrementAndGet();
                if (measuringLive) {
                    String text = new String(body, StandardCharsets.UTF_8);
                    Matcher time = TIME.matcher(text);
                    if (NAME.matcher(text).find() && text.contains("live") && time.find()) {
                        live.recordValue(Math.max(0, now - Instant.parse(time.group(1)).toEpochMilli()));
                    }
                }
            });
            server.start();
            servers.add(server);
        }
        String sample = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/backbone/agenda\",\"type\":\""
                + TYPE + "\",\"subject\":\"" + UUID.randomUUID() + "\",\"time\":\"" + Instant.now() + "\",\"initiativeid\":\""
                + UUID.randomUUID() + "\",\"actor\":\"system\",\"datacontenttype\":\"application/json\",\"data\":{\"initiativeId\":\""
                + UUID.randomUUID() + "\",\"name\":\"webhook bench sample\",\"ratificationRule\":{\"kind\":\"UNANIMOUS\"},\"version\":2}}";

        // 1. the baseline: a bare loop posting the same number of bodies, as many at once per endpoint
        double bare = bareLoop(servers, sample, (long) events * endpointCount);
        received.set(0);

        // 2. the endpoints, disabled while the events are queued, so that delivery is timed apart from ingestion
        String admin = Tokens.admin();
        List<String> ids = new ArrayList<>();
        for (HttpServer server : servers) {
            ids.add(register(admin, "http://127.0.0.1:" + server.getAddress().getPort() + "/hook"));
        }
        try {
            for (int i = 0; i < ids.size(); i++) {
                setEnabled(admin, ids.get(i), "http://127.0.0.1:" + servers.get(i).getAddress().getPort() + "/hook", false);
            }
            OffsetDateTime since = OffsetDateTime.now().minusSeconds(5);
            long publishStart = System.nanoTime();
            publish(events, "queued", 0);
            long expected = (long) events * endpointCount;
            awaitHeld(ids, expected);
            System.out.printf("queued: %,d deliveries held in %.1f s (Kafka → feed → fan-out)%n", expected,
                    (System.nanoTime() - publishStart) / 1e9);

            long start = System.nanoTime();
            for (int i = 0; i < ids.size(); i++) {
                setEnabled(admin, ids.get(i), "http://127.0.0.1:" + servers.get(i).getAddress().getPort() + "/hook", true);
                recover(admin, ids.get(i), since);
            }
            while (received.get() < expected) {
                if (System.nanoTime() - start > Duration.ofMinutes(10).toNanos()) {
                    throw new IllegalStateException("only " + received.get() + " of " + expected + " deliveries in 10 min");
                }
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = expected / seconds;
            System.out.printf("signed deliveries: %,d in %.1f s = %,.0f/s (target ≥ 1,000/s); bare loop %,.0f/s; "
                    + "ratio %.2f (target ≥ 0.5)%n", expected, seconds, rate, bare, rate / bare);

            // 3. live latency at a rate the machine keeps up with, first with every endpoint answering, then with one hanging
            livePhase("every endpoint answering");
            try (ServerSocket hanging = new ServerSocket(0, 512, java.net.InetAddress.getByName("127.0.0.1"))) {
                Thread holder = new Thread(() -> hold(hanging), "hanging-endpoint");
                holder.setDaemon(true);
                holder.start();
                ids.add(register(admin, "http://127.0.0.1:" + hanging.getLocalPort() + "/hook"));
                livePhase("one more endpoint hanging");
            }
        } finally {
            for (String id : ids) {
                http.send(HttpRequest.newBuilder(URI.create(COMMUNICATION + "/v1/webhooks/endpoints/" + id))
                        .header("Authorization", "Bearer " + admin).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            }
            servers.forEach(s -> s.stop(0));
            receiverThreads.shutdownNow();
        }
    }

    private void livePhase(String what) throws Exception {
        live.reset();
        measuringLive = true;
        publish(liveRate * liveSeconds, "live", liveRate);
        long liveExpected = (long) liveRate * liveSeconds * endpointCount;
        long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (live.getTotalCount() < liveExpected && System.nanoTime() < waitUntil) {
            Thread.sleep(50);
        }
        measuringLive = false;
        System.out.printf("live, %s: %d events/s to %d endpoints, %,d of %,d delivered; latency from the event's time "
                        + "p50 %d ms, p99 %d ms, max %d ms (target with one hanging: p99 < 1,000 ms)%n", what, liveRate,
                endpointCount, live.getTotalCount(), liveExpected, live.getValueAtPercentile(50), live.getValueAtPercentile(99),
                live.getMaxValue());
    }

    private double bareLoop(List<HttpServer> servers, String body, long total) throws Exception {
        Semaphore inFlight = new Semaphore(4 * servers.size());
        List<URI> targets = servers.stream().map(s -> URI.create("http://127.0.0.1:" + s.getAddress().getPort() + "/bare")).toList();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(targets.get((int) (i % targets.size())))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            CompletableFuture<HttpResponse<Void>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            sent.whenComplete((r, e) -> inFlight.release());
        }
        inFlight.acquire(4 * servers.size());
        double rate = total / ((System.nanoTime() - start) / 1e9);
        System.out.printf("bare loop: %,d posts of the same body, 4 at once per endpoint: %,.0f/s%n", total, rate);
        return rate;
    }

    private String register(String admin, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(COMMUNICATION + "/v1/webhooks/endpoints"))
                .header("Authorization", "Bearer " + admin).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\",\"eventTypes\":[\"" + TYPE
                        + "\"],\"description\":\"webhook bench " + run + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registering " + url + ": " + response.statusCode() + " " + response.body()
                    + " (is 127.0.0.1 on the allow-list? ./backbone bench webhooks arranges it)");
        }
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(response.body());
        id.find();
        return id.group(1);
    }

    private void setEnabled(String admin, String id, String url, boolean enabled) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(COMMUNICATION + "/v1/webhooks/endpoints/" + id))
                .header("Authorization", "Bearer " + admin).header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\",\"eventTypes\":[\"" + TYPE
                        + "\"],\"enabled\":" + enabled + "}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT " + id + ": " + response.statusCode() + " " + response.body());
        }
    }

    private void recover(String admin, String id, OffsetDateTime since) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(COMMUNICATION + "/v1/webhooks/endpoints/" + id + "/recover"))
                .header("Authorization", "Bearer " + admin).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"since\":\"" + since + "\"}")).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** Publishes {@code count} initiative renames as agenda-service would, at {@code rate}/s (0: at once). */
    private void publish(int count, String phase, int rate) throws Exception {
        UUID initiative = UUID.randomUUID();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            for (int i = 0; i < count; i++) {
                if (rate > 0) {
                    long due = start + (long) (i * 1e9 / rate);
                    while (System.nanoTime() < due) {
                        Thread.sleep(1);
                    }
                }
                producer.send(CloudEventRecords.of(new InitiativeUpdated(initiative, "webhook bench " + run + " " + phase + " " + i,
                        null, null, null, new RatificationRule(RatificationKind.UNANIMOUS, null), 2), UUID.randomUUID(),
                        Instant.now()));
            }
            producer.flush();
        }
    }

    private void awaitHeld(List<String> ids, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:15432/communication", "communication",
                "communication");
                PreparedStatement count = c.prepareStatement("SELECT count(*) FROM webhook_delivery WHERE state = 'HELD' "
                        + "AND endpoint_id = ANY(?)")) {
            count.setArray(1, c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            long held = 0;
            while (held < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + held + " of " + expected + " deliveries queued in 15 min");
                }
                Thread.sleep(500);
                try (ResultSet r = count.executeQuery()) {
                    r.next();
                    held = r.getLong(1);
                }
            }
        }
    }

    private static void hold(ServerSocket server) {
        List<Socket> held = new ArrayList<>();
        try {
            while (!server.isClosed()) {
                Socket socket = server.accept();
                held.add(socket); // read nothing, answer nothing
            }
        } catch (IOException e) {
            // closed: the bench is over
        }
    }
}
