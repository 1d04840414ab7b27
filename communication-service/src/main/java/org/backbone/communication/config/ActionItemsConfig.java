package org.backbone.communication.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Action items, under {@code backbone.action-items.*}. */
@ConfigMapping(prefix = "backbone.action-items")
public interface ActionItemsConfig {

    /** How often the scheduler looks for items that fell overdue. */
    @WithDefault("15m")
    Duration every();

    /** How many overdue items a run tells of at most (the next run takes the rest). */
    @WithDefault("100")
    int batch();

    /** The zone whose calendar days due dates end in (TOP15: Israel). */
    @WithDefault("Asia/Jerusalem")
    ZoneId zone();
}
