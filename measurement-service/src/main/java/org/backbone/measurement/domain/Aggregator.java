package org.backbone.measurement.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.backbone.contracts.measurement.Aggregation;

/** Combines partners' values for one period into the initiative's figure. */
public final class Aggregator {

    static final MathContext PRECISION = MathContext.DECIMAL64;

    private Aggregator() {
    }

    /**
     * The aggregate, or empty when there is nothing to aggregate — no values, or a RATIO whose
     * denominators sum to zero.
     */
    public static Optional<BigDecimal> aggregate(Aggregation aggregation, List<Observation> observations) {
        if (observations.isEmpty()) {
            return Optional.empty();
        }
        if (aggregation == Aggregation.RATIO) {
            BigDecimal numerator = sum(observations.stream().map(Observation::numerator).toList());
            BigDecimal denominator = sum(observations.stream().map(Observation::denominator).toList());
            return denominator.signum() == 0 ? Optional.empty()
                    : Optional.of(numerator.divide(denominator, PRECISION));
        }
        List<BigDecimal> values = observations.stream().map(Observation::value).filter(Objects::nonNull).toList();
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (aggregation) {
            case SUM -> sum(values);
            case AVERAGE -> sum(values).divide(BigDecimal.valueOf(values.size()), PRECISION);
            case MIN -> values.stream().min(BigDecimal::compareTo).orElseThrow();
            case MAX -> values.stream().max(BigDecimal::compareTo).orElseThrow();
            case RATIO -> throw new IllegalStateException("handled above");
        });
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
