package org.backbone.communication.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Reminders of reports due and overdue, under {@code backbone.reports.*}. */
@ConfigMapping(prefix = "backbone.reports")
public interface ReportsConfig {

    /** Whether this replica sends reminders (any number may: each reminder is recorded once). */
    @WithDefault("true")
    boolean enabled();

    /** How often the scheduler looks for reports owed. */
    @WithDefault("1h")
    Duration every();

    /** The zone whose calendar days periods end in (TOP15: Israel). */
    @WithDefault("Asia/Jerusalem")
    ZoneId zone();
}
