package org.backbone.contracts.measurement;

import java.math.BigDecimal;

/** An indicator's explicit target for one period (a DHIS2 period code), exact. */
public record IndicatorTarget(String period, BigDecimal value) {
}
