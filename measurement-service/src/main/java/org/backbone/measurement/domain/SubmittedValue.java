package org.backbone.measurement.domain;

import java.math.BigDecimal;
import java.util.Map;

/** One value as a partner sends it, whichever way it arrives (REST, CSV, Kafka, HTTP events). */
public record SubmittedValue(String indicatorCode, String period, Map<String, String> dimensions, BigDecimal value,
        BigDecimal numerator, BigDecimal denominator, String comment) {
}
