package org.backbone.kit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the shared service machinery, under {@code backbone.*}. */
@ConfigMapping(prefix = "backbone")
public interface KitConfig {

    /** The service's short name (agenda, measurement, …): CloudEvents source, topic, database. */
    String service();

    Outbox outbox();

    AgendaProjection agendaProjection();

    interface AgendaProjection {
        /**
         * Whether this service keeps the kit's projection of the agenda (a build setting: without it the
         * consumer is not built and channel {@code agenda-events} stays off).
         */
        @WithDefault("false")
        boolean enabled();
    }

    interface Outbox {
        /** Whether this replica runs the relay; any number of replicas may. */
        @WithDefault("true")
        boolean relayEnabled();

        /** Rows taken per transaction. */
        @WithDefault("500")
        int batchSize();

        /** Safety-net poll when no NOTIFY arrives (a missed notification, a relay that was busy). */
        @WithDefault("5s")
        Duration pollInterval();

        /** First wait after a failed publish; doubles up to {@link #maxBackoff()}. */
        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** How long sent rows are kept (for audit and replay) before the relay deletes them. */
        @WithDefault("7d")
        Duration retention();

        /** Producer properties passed to Kafka as they are (e.g. compression.type). */
        java.util.Map<String, String> producer();
    }
}
