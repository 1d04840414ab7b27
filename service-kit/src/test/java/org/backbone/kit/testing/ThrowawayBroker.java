package org.backbone.kit.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka (KRaft) of the test's own, from the jars that `./backbone infra up`
 * fetched, so that a test can stop and restart a broker without disturbing the shared one.
 */
public final class ThrowawayBroker implements AutoCloseable {

    private final Path home;
    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    public ThrowawayBroker() throws IOException {
        String kafkaHome = System.getenv("BACKBONE_KAFKA_HOME");
        if (kafkaHome == null) {
            throw new IllegalStateException("BACKBONE_KAFKA_HOME is not set: run the tests through ./backbone test");
        }
        this.home = Path.of(kafkaHome);
        this.dir = Files.createTempDirectory("throwaway-kafka");
        int[] ports = freePorts();
        this.port = ports[0];
        this.controllerPort = ports[1];
        Files.writeString(dir.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller", "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("logs"), "num.partitions=6",
                "offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0", ""));
        run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", dir.resolve("server.properties").toString(), "--standalone"));
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    public void start() throws IOException {
        // the broker's own log, so that a broker that will not start says why in broker.log
        Files.writeString(dir.resolve("log4j2.xml"), "<Configuration><Appenders><Console name=\"out\" target=\"SYSTEM_OUT\">"
                + "<PatternLayout pattern=\"[%d] %p %m (%c)%n\"/></Console></Appenders><Loggers>"
                + "<Root level=\"WARN\"><AppenderRef ref=\"out\"/></Root></Loggers></Configuration>");
        process = new ProcessBuilder(List.of(java(), "-Xmx256m", "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.xml"),
                "-cp", home.resolve("libs") + "/*", "kafka.Kafka", dir.resolve("server.properties").toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!accepting()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("throwaway broker did not start; see " + dir.resolve("broker.log"));
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private boolean accepting() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void run(List<String> tool) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(java(), "-cp", home.resolve("libs") + "/*"));
        command.addAll(tool);
        try {
            Process format = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("format.log").toFile()).start();
            if (format.waitFor() != 0) {
                throw new IllegalStateException("formatting the throwaway broker failed; see " + dir.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Two distinct free ports: both sockets are held open together, so they cannot be the same port. */
    private static int[] freePorts() throws IOException {
        try (ServerSocket first = new ServerSocket(0); ServerSocket second = new ServerSocket(0)) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        }
    }
}
