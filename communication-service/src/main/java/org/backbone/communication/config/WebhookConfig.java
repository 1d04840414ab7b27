package org.backbone.communication.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhook delivery, under {@code backbone.webhooks.*}. */
@ConfigMapping(prefix = "backbone.webhooks")
public interface WebhookConfig {

    /**
     * Addresses or CIDR ranges delivered to although they are not public, and over plain http: for a
     * development setup and the tests (127.0.0.1). Empty by default; never set it in production, where
     * it would let any partner point Backbone at the cluster's insides.
     */
    Optional<List<String>> allowedAddresses();

    /**
     * The key endpoints' signing secrets are sealed with in the database (AES-256-GCM): 32 random bytes
     * in base64. Keep it apart from database backups; losing it means rotating every endpoint's secret.
     */
    String secretKey();

    /** Whether this replica delivers; any number of replicas may, they share the queue. */
    @WithDefault("true")
    boolean dispatcherEnabled();

    /** Deliveries in flight to one endpoint at most: a slow endpoint holds only these. */
    @WithDefault("4")
    int maxInFlightPerEndpoint();

    /** Deliveries in flight in this replica at most. */
    @WithDefault("512")
    int maxInFlight();

    @WithDefault("5s")
    Duration connectTimeout();

    /** From the first byte sent to the last byte read. */
    @WithDefault("15s")
    Duration totalTimeout();

    /** How long a claimed delivery is this replica's; after it another replica may take it over. */
    @WithDefault("60s")
    Duration lease();

    /** Poll when nothing wakes the dispatcher (new deliveries wake it at once). */
    @WithDefault("500ms")
    Duration pollInterval();

    /** An endpoint that failed every delivery for this long is disabled and its owner told. */
    @WithDefault("5d")
    Duration disableAfter();

    /** How long finished deliveries and their attempts stay in the log. */
    @WithDefault("30d")
    Duration retention();
}
