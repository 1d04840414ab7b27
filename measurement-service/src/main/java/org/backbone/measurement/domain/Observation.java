package org.backbone.measurement.domain;

import java.math.BigDecimal;

/** One partner's value for one period: a number, or for RATIO indicators a numerator and denominator. */
public record Observation(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {

    public static Observation of(String value) {
        return new Observation(new BigDecimal(value), null, null);
    }

    public static Observation ratio(String numerator, String denominator) {
        return new Observation(null, new BigDecimal(numerator), new BigDecimal(denominator));
    }
}
