package org.backbone.measurement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** measurement-service's own settings, under {@code backbone.measurement.*}. */
@ConfigMapping(prefix = "backbone.measurement")
public interface MeasurementConfig {

    /** How often changed (indicator, period) pairs are recomputed and announced as progress.updated. */
    @WithDefault("5s")
    Duration progressInterval();

    /** Oldest progress marks taken per run of the progress publisher (with every other mark of their pairs). */
    @WithDefault("2000")
    int progressBatch();

    /** Partitions of a partner's submission topic, created when it first joins. */
    @WithDefault("3")
    int partnerTopicPartitions();

    @WithDefault("1")
    short partnerTopicReplicas();
}
