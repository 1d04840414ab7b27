package org.backbone.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backbone.kit.testing.ServiceProcess;

/**
 * Start-up and memory per service, as autoscaling sees them: from launching the JVM to the
 * management port's /q/health/ready, and the resident memory (VmRSS) at that moment. Three ways, in
 * the same run, one service at a time on the local infrastructure (test profile):
 * <ul>
 *   <li>plain — {@code java -jar}, the JVM's defaults;</li>
 *   <li>pod — the flags deploy/k8s gives a pod (backbone-platform's JAVA_TOOL_OPTIONS) with the heap
 *       its 384 Mi limit allows (60%: -Xmx230m);</li>
 *   <li>pod + AppCDS — the same, with a class-data archive the JDK wrote at the end of a first run
 *       ({@code -XX:ArchiveClassesAtExit}), which a Dockerfile or jib layer can ship.</li>
 * </ul>
 * Usage: {@code ./backbone bench startup [runs]} (3): medians of the runs.
 */
public final class StartupBench {

    static final List<String> SERVICES = List.of("agenda-service", "measurement-service", "activity-service",
            "communication-service", "gateway");
    static final List<String> POD = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
            "-XX:ReservedCodeCacheSize=48m", "-Xmx230m");

    record Sample(long millis, long rssKb) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path work = Files.createTempDirectory("startup-bench");
        System.out.printf("%-22s %-16s %10s %10s%n", "service", "configuration", "ready ms", "RSS MB");
        for (String service : SERVICES) {
            Path jar = Path.of(service, "target/quarkus-app/quarkus-run.jar");
            Path archive = work.resolve(service + ".jsa");
            List<String> dump = new ArrayList<>(POD);
            dump.add("-XX:ArchiveClassesAtExit=" + archive);
            sample(jar, dump, work, service); // writes the archive when it stops
            List<String> cds = new ArrayList<>(POD);
            cds.add("-XX:SharedArchiveFile=" + archive);
            for (var config : List.of(Map.entry("plain", List.<String>of()), Map.entry("pod", POD), Map.entry("pod + AppCDS", cds))) {
                List<Sample> samples = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    samples.add(sample(jar, config.getValue(), work, service));
                }
                System.out.printf("%-22s %-16s %10d %10d%n", service, config.getKey(),
                        median(samples.stream().map(Sample::millis).toList()),
                        median(samples.stream().map(Sample::rssKb).toList()) / 1024);
            }
        }
    }

    private static Sample sample(Path jar, List<String> options, Path work, String service) throws IOException {
        List<String> jvm = new ArrayList<>(options);
        jvm.add("-Dquarkus.profile=test");
        ServiceProcess process = new ServiceProcess(jar, Map.of(), jvm, work.resolve(service + ".log"));
        long started = System.nanoTime();
        process.start(); // returns once ready (polled every 100 ms)
        long millis = (System.nanoTime() - started) / 1_000_000;
        long rss = rssKb(process.pid());
        process.stop();
        return new Sample(millis, rss);
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
