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
 *       ({@code -XX:ArchiveClassesAtExit}), which a Dockerfile or jib layer can ship;</li>
 *   <li>pod, slim — the same with fewer threads and less reserved memory (1 event loop and a small worker
 *       pool, as a pod of one CPU wants; 256 KB stacks; a smaller code cache and metaspace);</li>
 *   <li>… + JDK 25 AOT cache — on a JDK 25 runtime (JAVA25_HOME, e.g. the Temurin 25 beside the JDK 17),
 *       with the ahead-of-time cache a training run wrote ({@code -XX:AOTCacheOutput}, JEP 514/515);</li>
 *   <li>image, slim — the service's container image from {@code ./backbone images} (.backbone/images),
 *       run by deploy/images/run-image.sh as a pod runs it (read-only root, user 185, the jlink'd Java 17
 *       of the base image), the slim flags as JAVA_TOOL_OPTIONS; only as root and once the images exist.</li>
 * </ul>
 * Usage: {@code ./backbone bench startup [runs] [service,…]} (3, all five): medians of the runs.
 */
public final class StartupBench {

    static final List<String> SERVICES = List.of("agenda-service", "measurement-service", "activity-service",
            "communication-service", "gateway");
    static final List<String> POD = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
            "-XX:ReservedCodeCacheSize=48m", "-Xmx230m");

    static final List<String> SLIM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss256k",
            "-XX:ReservedCodeCacheSize=32m", "-XX:MaxMetaspaceSize=128m", "-XX:CICompilerCount=1", "-Xmx230m", "-Xms32m",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-Dquarkus.vertx.event-loops-pool-size=1",
            "-Dquarkus.thread-pool.core-threads=2", "-Dquarkus.thread-pool.max-threads=16");
    static final Path IMAGES = Path.of(".backbone/images");
    static final Path RUN_IMAGE = Path.of("deploy/images/run-image.sh");
    static final Path JAVA25 = Path.of(System.getenv().getOrDefault("JAVA25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    record Sample(long millis, long rssKb) {
    }

    /** One way of starting a service: JVM options, on another Java (null: this one), from its image (null: the jar). */
    record Setup(String name, List<String> options, Path java, List<String> image) {

        static Setup of(String name, List<String> options) {
            return new Setup(name, options, null, null);
        }

        /** The same, with one more JVM option. */
        Setup with(String option) {
            List<String> more = new ArrayList<>(options);
            more.add(option);
            return new Setup(name, more, java, image);
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> services = args.length > 1 ? List.of(args[1].split(",")) : SERVICES;
        Path work = Files.createTempDirectory("startup-bench");
        boolean java25 = Files.isExecutable(JAVA25.resolve("bin/java"));
        System.out.printf("%-22s %-20s %10s %10s%n", "service", "configuration", "ready ms", "RSS MB");
        for (String service : services) {
            Path jar = Path.of(service, "target/quarkus-app/quarkus-run.jar");
            Path archive = work.resolve(service + ".jsa");
            Path slimArchive = work.resolve(service + "-slim.jsa");
            Path aot = work.resolve(service + ".aot");
            Setup pod = Setup.of("pod", POD);
            Setup slim = Setup.of("pod, slim + AppCDS", SLIM);
            Setup slim25 = new Setup("slim + JDK 25 AOT", SLIM, JAVA25, null);
            // training runs: each writes its archive or cache when it stops
            sample(service, jar, work, pod.with("-XX:ArchiveClassesAtExit=" + archive));
            sample(service, jar, work, slim.with("-XX:ArchiveClassesAtExit=" + slimArchive));
            if (java25) {
                sample(service, jar, work, slim25.with("-XX:AOTCacheOutput=" + aot));
            }
            report(service, jar, work, runs, Setup.of("plain", List.of()));
            report(service, jar, work, runs, pod);
            report(service, jar, work, runs, new Setup("pod + AppCDS", POD, null, null).with("-XX:SharedArchiveFile=" + archive));
            report(service, jar, work, runs, slim.with("-XX:SharedArchiveFile=" + slimArchive));
            if (java25 && Files.exists(aot)) {
                report(service, jar, work, runs, slim25.with("-XX:AOTCache=" + aot));
            }
            Path unpacked = unpackImage(service, work);
            if (unpacked != null) {
                report(service, jar, work, runs, new Setup("image, slim", SLIM, null,
                        List.of(RUN_IMAGE.toAbsolutePath().toString(), unpacked.toString())));
            }
        }
    }

    /** The service's image unpacked once (so that a sample times the start, not the unpacking); null if none. */
    private static Path unpackImage(String service, Path work) throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name")) || !Files.isDirectory(IMAGES)) {
            return null;
        }
        Path image;
        try (var files = Files.list(IMAGES)) {
            image = files.filter(file -> file.getFileName().toString().startsWith(service + "-")).findFirst().orElse(null);
        }
        if (image == null) {
            return null;
        }
        // the image's user (185) has to reach its root through the work directory
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path target = work.resolve(service + "-image");
        Process unpack = new ProcessBuilder(RUN_IMAGE.toString(), "--unpack", image.toString(), target.toString())
                .inheritIO().start();
        if (unpack.waitFor() != 0) {
            throw new IllegalStateException("could not unpack " + image);
        }
        return target;
    }

    private static void report(String service, Path jar, Path work, int runs, Setup setup) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            samples.add(sample(service, jar, work, setup));
        }
        System.out.printf("%-22s %-20s %10d %10d%n", service, setup.name(), median(samples.stream().map(Sample::millis).toList()),
                median(samples.stream().map(Sample::rssKb).toList()) / 1024);
    }

    private static Sample sample(String service, Path jar, Path work, Setup setup) throws IOException {
        List<String> jvm = new ArrayList<>(setup.options());
        jvm.add("-Dquarkus.profile=test");
        ServiceProcess process = new ServiceProcess(jar, Map.of(), jvm, work.resolve(service + ".log"));
        if (setup.java() != null) {
            process.withJava(setup.java());
        }
        if (setup.image() != null) {
            process.inImage(setup.image());
        }
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
