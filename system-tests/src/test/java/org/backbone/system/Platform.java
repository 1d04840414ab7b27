package org.backbone.system;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.backbone.kit.testing.ServiceProcess;

/**
 * The five services as processes of their own, from their packaged jars, against the running
 * infrastructure (test profile: the {@code _test} databases and consumer groups), started together.
 */
final class Platform implements AutoCloseable {

    final ServiceProcess agenda = service("agenda-service", Map.of());
    final ServiceProcess measurement = service("measurement-service", Map.of(),
            // a killed consumer's partitions move on once its session expires: keep that short here
            "-Dmp.messaging.incoming.partner-measurements.session.timeout.ms=6000",
            "-Dmp.messaging.incoming.partner-measurements.heartbeat.interval.ms=1000",
            "-Dmp.messaging.incoming.agenda-events.session.timeout.ms=6000",
            "-Dmp.messaging.incoming.agenda-events.heartbeat.interval.ms=1000");
    final ServiceProcess activity = service("activity-service", Map.of());
    // the test profile's own address of activity-service answers nobody: name the real one
    final ServiceProcess communication = service("communication-service", Map.of(),
            "-D%test.backbone.activity-service.url=" + activity.baseUrl());
    final ServiceProcess gateway = service("gateway", Map.of("AGENDA_URL", agenda.baseUrl(),
            "MEASUREMENT_URL", measurement.baseUrl(), "ACTIVITY_URL", activity.baseUrl(), "COMMUNICATION_URL",
            communication.baseUrl()));

    private static ServiceProcess service(String name, Map<String, String> environment, String... options) {
        List<String> jvm = new java.util.ArrayList<>(List.of("-Xmx384m", "-Dquarkus.profile=test"));
        jvm.addAll(List.of(options));
        return new ServiceProcess(Path.of("..", name, "target/quarkus-app/quarkus-run.jar"), environment, jvm,
                Path.of("target", name + ".log"));
    }

    Platform start() {
        CompletableFuture.allOf(List.of(agenda, measurement, activity, communication, gateway).stream()
                .map(service -> CompletableFuture.runAsync(service::start)).toArray(CompletableFuture[]::new)).join();
        return this;
    }

    @Override
    public void close() {
        List.of(gateway, communication, activity, measurement, agenda).forEach(ServiceProcess::stop);
    }
}
