package org.backbone.kit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A packaged service ({@code target/quarkus-app/quarkus-run.jar}) run as a process of its own, so
 * that a test or a benchmark can stop it, kill it outright and start it again. Output goes to a
 * log file; {@link #start()} returns once {@code /q/health/ready} answers 200 on its management port.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path jar;
    private final int port;
    private final int managementPort;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path log;
    private Process process;
    private Path javaHome = Path.of(System.getProperty("java.home"));
    private List<String> imageLauncher;

    /**
     * @param jar         the service's quarkus-run.jar
     * @param environment environment variables besides {@code HTTP_PORT} (e.g. {@code DB_NAME})
     * @param jvmOptions  JVM options, e.g. {@code -Dquarkus.profile=test} or system properties
     * @param log         where the process's output goes (appended)
     */
    public ServiceProcess(Path jar, Map<String, String> environment, List<String> jvmOptions, Path log) {
        this(jar, freePort(), environment, jvmOptions, log);
    }

    public ServiceProcess(Path jar, int port, Map<String, String> environment, List<String> jvmOptions, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the service first");
        }
        this.jar = jar;
        this.port = port;
        // the OS may hand out the same free port twice in a row: two servers on one port in one Vert.x share it,
        // and half the API's requests would reach the management router (HTML 404s)
        int management = freePort();
        while (management == port) {
            management = freePort();
        }
        this.managementPort = management;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.log = log;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Runs it on another Java (a benchmark comparing runtimes); the default is the one running this code. */
    public ServiceProcess withJava(Path home) {
        this.javaHome = home;
        return this;
    }

    /**
     * Runs the service's container image instead of the jar: {@code launcher} (deploy/images/run-image.sh
     * and an unpacked image) runs the image's entrypoint and takes the environment as NAME=value
     * arguments; the JVM options go in as JAVA_TOOL_OPTIONS, as a pod's ConfigMap gives them.
     */
    public ServiceProcess inImage(List<String> launcher) {
        this.imageLauncher = List.copyOf(launcher);
        return this;
    }

    /** Where its health and metrics answer (never the API port). */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Starts the service and waits (up to two minutes) until it is ready. */
    public ServiceProcess start() {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        List<String> command = new ArrayList<>();
        if (imageLauncher == null) {
            command.add(javaHome.resolve("bin").resolve("java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(imageLauncher);
            env.put("JAVA_TOOL_OPTIONS", String.join(" ", jvmOptions));
            env.forEach((name, value) -> command.add(name + "=" + value));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + jar, e);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(jar.getFileName() + " exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(jar + " was not ready within two minutes; see " + log);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        return this;
    }

    /** The operating system's id of the JVM (to read its memory, say); in an image, the launcher's java child. */
    public long pid() {
        if (imageLauncher == null) {
            return process.pid();
        }
        return process.toHandle().descendants()
                .filter(child -> child.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(process.pid());
    }

    /** Whether it answers ready now (one look, no waiting). */
    public boolean isReady() {
        return ready();
    }

    /** The CPU time the process has used so far (user and system), for figures of CPU per unit of work. */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElseThrow(() ->
                new IllegalStateException("the platform does not report a process's CPU time"));
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful drain — as when a node dies. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    /** SIGTERM, as Kubernetes stops a pod. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            awaitExit();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
