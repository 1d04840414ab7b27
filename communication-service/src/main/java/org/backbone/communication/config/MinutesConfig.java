package org.backbone.communication.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Minutes of meetings, under {@code backbone.minutes.*}. */
@ConfigMapping(prefix = "backbone.minutes")
public interface MinutesConfig {

    /** How often the scheduler closes the answer windows that have ended (silent procedure, quorum missed). */
    @WithDefault("1m")
    Duration every();

    /** How many closed windows one run settles at most (the next run takes the rest). */
    @WithDefault("50")
    int batch();

    /** The longest a circulation may stay open for answers. */
    @WithDefault("60d")
    Duration longestWindow();
}
