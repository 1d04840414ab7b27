package org.backbone.communication.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Announcements, under {@code backbone.announcements.*}. */
@ConfigMapping(prefix = "backbone.announcements")
public interface AnnouncementsConfig {

    /** How often scheduled announcements whose time has come are published (every replica looks; each goes once). */
    @WithDefault("5s")
    Duration every();

    /** How many a run publishes at most (the next run takes the rest). */
    @WithDefault("100")
    int batch();
}
