package org.backbone.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.backbone.kit.testing.ServiceProcess;
import org.backbone.driver.Tokens;

/**
 * Issue 5's targets: a read endpoint (GET an organisation from agenda-service) through the gateway
 * beside the same endpoint called directly, in the same run.
 *
 * <ol>
 *   <li>Peak throughput: {@code concurrency} clients each sending requests back to back for
 *   {@code seconds}, direct and through the gateway, in three alternating measured rounds (after
 *   three warm-up rounds of each, so both are measured with their hot paths compiled).</li>
 *   <li>Latency at a constant rate (below both peaks): requests are sent on a fixed schedule and
 *   each latency is measured from its scheduled start, so a stall delays the requests behind it
 *   and shows in the figures (coordinated omission corrected); recorded in HdrHistogram.</li>
 * </ol>
 * Starts its own agenda-service (port 18091, database agenda) and gateway (port 18090).
 */
public final class GatewayBench {

    private static final int AGENDA_PORT = 18091;
    private static final int GATEWAY_PORT = 18090;
    /** Warm-up rounds, then measured rounds: each a direct phase and a gateway phase. */
    private static final int ROUNDS = 3;

    private final int concurrency;
    private final int seconds;
    private final int rate;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    private GatewayBench(int concurrency, int seconds, int rate) {
        this.concurrency = concurrency;
        this.seconds = seconds;
        this.rate = rate;
    }

    public static void main(String[] args) throws Exception {
        int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        new GatewayBench(concurrency, seconds, rate).run();
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf("gateway bench: GET an organisation, %d clients × %d s for throughput, %d requests/s for latency%n",
                concurrency, seconds, rate);
        try (ServiceProcess agenda = new ServiceProcess(Path.of("agenda-service/target/quarkus-app/quarkus-run.jar"),
                AGENDA_PORT, Map.of(), withExtraOptions("agenda", List.of("-Xmx512m")), Path.of(".backbone/logs/bench-agenda.log")).start();
                ServiceProcess gateway = new ServiceProcess(Path.of("gateway/target/quarkus-app/quarkus-run.jar"),
                        GATEWAY_PORT, Map.of("AGENDA_URL", agenda.baseUrl()),
                        withExtraOptions("gateway", List.of("-Xmx512m",
                                // the bench measures the proxy, not the rate limit: a bucket no client can empty
                                "-Dbackbone.gateway.rate-limits.roles.backbone-admin.capacity=100000000",
                                "-Dbackbone.gateway.rate-limits.roles.backbone-admin.refill=100000000",
                                "-Dbackbone.gateway.rate-limits.roles.backbone-admin.period=1s")),
                        Path.of(".backbone/logs/bench-gateway.log")).start()) {
            token = Tokens.admin();
            String id = createOrganisation(agenda.baseUrl());
            URI direct = URI.create(agenda.baseUrl() + "/v1/organisations/" + id);
            URI proxied = URI.create(gateway.baseUrl() + "/api/v1/organisations/" + id);

            // warm both until the JIT has compiled the hot paths: in a short warm-up the compiler threads took half
            // of the gateway's CPU during the measured phase
            int warmUp = Math.max(10, seconds / 2);
            for (int round = 0; round < ROUNDS; round++) {
                throughput(direct, warmUp);
                throughput(proxied, warmUp);
            }
            // measured in alternating rounds: agenda-service's JIT recompiles hundreds of methods in bursts every
            // 20-30 s (-XX:+PrintCompilation), and a burst inside one path's only measured phase moved the ratio by
            // 0.1-0.2; over several rounds each path gets its share
            CpuMeter cpu = new CpuMeter(agenda, gateway);
            List<Double> ratios = new ArrayList<>();
            double directRequests = 0;
            double gatewayRequests = 0;
            double directSeconds = 0;
            double gatewaySeconds = 0;
            CpuMeter.Use directCpu = new CpuMeter.Use(0, 0, 0);
            CpuMeter.Use gatewayCpu = new CpuMeter.Use(0, 0, 0);
            for (int round = 0; round < ROUNDS; round++) {
                Phase directPhase = throughput(direct, seconds);
                directCpu = directCpu.plus(cpu.since());
                Phase gatewayPhase = throughput(proxied, seconds);
                gatewayCpu = gatewayCpu.plus(cpu.since());
                directRequests += directPhase.requests();
                gatewayRequests += gatewayPhase.requests();
                directSeconds += directPhase.seconds();
                gatewaySeconds += gatewayPhase.seconds();
                double directRate = directPhase.rate();
                double gatewayRate = gatewayPhase.rate();
                ratios.add(gatewayRate / directRate);
                System.out.printf("  round %d: direct %,7.0f req/s   gateway %,7.0f req/s   (%.2f ×)%n",
                        round + 1, directRate, gatewayRate, gatewayRate / directRate);
            }
            double directRate = directRequests / directSeconds;
            double gatewayRate = gatewayRequests / gatewaySeconds;
            List<Double> sorted = ratios.stream().sorted().toList();

            Histogram directLatency = constantRate(direct, rate, seconds);
            Histogram gatewayLatency = constantRate(proxied, rate, seconds);

            System.out.println();
            System.out.printf("peak throughput, %d clients, %d rounds   direct %,9.0f req/s   gateway %,9.0f req/s   (%.2f × direct; rounds' median %.2f ×)%n",
                    concurrency, ROUNDS, directRate, gatewayRate, gatewayRate / directRate, sorted.get(sorted.size() / 2));
            System.out.printf("CPU per request (ms)          direct   load %.3f  agenda %.3f%n",
                    directCpu.load() / directRequests, directCpu.agenda() / directRequests);
            System.out.printf("                              gateway  load %.3f  agenda %.3f  gateway %.3f%n",
                    gatewayCpu.load() / gatewayRequests, gatewayCpu.agenda() / gatewayRequests,
                    gatewayCpu.gateway() / gatewayRequests);
            System.out.printf("latency at %d req/s (corrected for coordinated omission, %d s each):%n", rate, seconds);
            print("  direct ", directLatency);
            print("  gateway", gatewayLatency);
            System.out.printf("  added median latency: %.2f ms%n",
                    (gatewayLatency.getValueAtPercentile(50) - directLatency.getValueAtPercentile(50)) / 1000.0);
        }
    }

    /**
     * CPU milliseconds used by the load generator (this process), agenda-service and the gateway
     * since the last reading: on two shared cores the throughput ratio is a ratio of CPU per
     * request, and this says whose.
     */
    private static final class CpuMeter {
        record Use(double load, double agenda, double gateway) {
            Use plus(Use other) {
                return new Use(load + other.load, agenda + other.agenda, gateway + other.gateway);
            }
        }

        private final ServiceProcess agenda;
        private final ServiceProcess gateway;
        private Use last;

        CpuMeter(ServiceProcess agenda, ServiceProcess gateway) {
            this.agenda = agenda;
            this.gateway = gateway;
            this.last = read();
        }

        Use since() {
            Use now = read();
            Use used = new Use(now.load() - last.load(), now.agenda() - last.agenda(), now.gateway() - last.gateway());
            last = now;
            return used;
        }

        private Use read() {
            return new Use(ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() / 1e6,
                    agenda.cpuTime().toNanos() / 1e6, gateway.cpuTime().toNanos() / 1e6);
        }
    }

    /**
     * Extra JVM options for both services under test, from BENCH_SERVICE_JAVA_OPTS: e.g. a JFR
     * recording, with {@code {service}} in its file name (agenda or gateway) so that the two do not collide.
     */
    private static List<String> withExtraOptions(String service, List<String> options) {
        String extra = System.getenv("BENCH_SERVICE_JAVA_OPTS");
        List<String> all = new ArrayList<>(options);
        if (extra != null && !extra.isBlank()) {
            all.addAll(List.of(extra.replace("{service}", service).trim().split("\\s+")));
        }
        return all;
    }

    private String createOrganisation(String agenda) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(agenda + "/v1/organisations"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Bench organisation " + UUID.randomUUID()
                        + "\",\"sector\":\"BUSINESS\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("could not create an organisation: " + response.statusCode() + " " + response.body());
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("id").asText();
    }

    private HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
    }

    /** What a throughput phase did: its successful requests and how long it took. */
    private record Phase(long requests, double seconds) {
        double rate() {
            return requests / seconds;
        }
    }

    /** Clients sending back to back for {@code duration} seconds. */
    private Phase throughput(URI uri, int duration) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(duration);
        CountDownLatch finished = new CountDownLatch(concurrency);
        long started = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            Thread client = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        HttpResponse<byte[]> response = http.send(get(uri), HttpResponse.BodyHandlers.ofByteArray());
                        (response.statusCode() == 200 ? done : failed).incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                } finally {
                    finished.countDown();
                }
            });
            client.start();
        }
        finished.await();
        if (failed.get() > 0) {
            System.err.printf("  %d failed requests to %s%n", failed.get(), uri);
        }
        return new Phase(done.get(), (System.nanoTime() - started) / 1e9);
    }

    /** Requests on a fixed schedule; each latency counted from when it was due. */
    private Histogram constantRate(URI uri, int perSecond, int duration) throws Exception {
        Recorder recorder = new Recorder(3);
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long total = (long) perSecond * duration;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.add(http.sendAsync(get(uri), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> recorder.recordValue((System.nanoTime() - due) / 1000)));
            if (inFlight.size() > 10_000) {
                inFlight.removeIf(CompletableFuture::isDone);
            }
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        return recorder.getIntervalHistogram();
    }

    private static void print(String label, Histogram h) {
        System.out.printf("%s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  p99.9 %7.2f ms  max %7.2f ms  (%,d requests)%n", label,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0, h.getTotalCount());
    }
}
