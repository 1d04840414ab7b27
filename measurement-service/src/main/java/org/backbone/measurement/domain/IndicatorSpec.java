package org.backbone.measurement.domain;

import java.math.BigDecimal;
import java.time.Month;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.backbone.contracts.measurement.Aggregation;
import org.backbone.contracts.measurement.Periodicity;
import org.backbone.contracts.measurement.ValueType;

/**
 * What a value must fit to be accepted for an indicator.
 *
 * @param dimensions disaggregation dimension code → allowed values
 * @param reporters the organisations that report it; empty means every partner
 */
public record IndicatorSpec(String code, boolean active, ValueType valueType, Aggregation aggregation,
        Periodicity periodicity, Month schoolYearStart, Map<String, Set<String>> dimensions,
        Optional<BigDecimal> minimum, Optional<BigDecimal> maximum, Set<UUID> reporters) {
}
