package org.backbone.communication.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where activity-service answers, under {@code backbone.activity-service.*}: action items become activities there. */
@ConfigMapping(prefix = "backbone.activity-service")
public interface ActivityServiceConfig {

    /** Its base address inside the platform (not through the gateway). */
    @WithDefault("http://127.0.0.1:8083")
    String url();

    /** How long one call may take before the caller is told it is unavailable. */
    @WithDefault("10s")
    Duration timeout();
}
