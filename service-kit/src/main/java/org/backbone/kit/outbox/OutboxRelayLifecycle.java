package org.backbone.kit.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.backbone.kit.config.KitConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs this replica's outbox relay for the life of the application (unless disabled). */
@ApplicationScoped
public class OutboxRelayLifecycle {

    private final OutboxRelay relay;
    private final boolean enabled;

    OutboxRelayLifecycle(@DataSource("kit") AgroalDataSource dataSource, KitConfig config, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        KitConfig.Outbox outbox = config.outbox();
        this.enabled = outbox.relayEnabled();
        this.relay = new OutboxRelay(dataSource, bootstrapServers, new OutboxRelay.Settings(config.service(),
                outbox.batchSize(), outbox.pollInterval(), outbox.initialBackoff(), outbox.maxBackoff(),
                outbox.retention(), outbox.producer()), registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            relay.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        relay.stop();
    }
}
