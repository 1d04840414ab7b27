package org.backbone.kit.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An indicator's baseline and targets. The target for a period is its explicit target; between the
 * baseline and the next explicit target it lies on the straight line joining them (by time); after
 * the last target, the last target still holds. Without a baseline only explicit targets (and the
 * last one, afterwards) exist. Shared: measurement judges progress by it, activity-service holds
 * commitments to it.
 */
public final class Targets {

    /** The value measured before the initiative acted, in its period. */
    public record Baseline(Period period, BigDecimal value) {
    }

    private final Optional<Baseline> baseline;
    private final NavigableMap<Period, BigDecimal> explicit;

    public Targets(Optional<Baseline> baseline, Map<Period, BigDecimal> explicit) {
        this.baseline = baseline;
        this.explicit = new TreeMap<>(explicit);
    }

    public Optional<Baseline> baseline() {
        return baseline;
    }

    /** The periods with an explicit target, in order. */
    public java.util.SortedSet<Period> targetPeriods() {
        return java.util.Collections.unmodifiableSortedSet(explicit.navigableKeySet());
    }

    /** The last explicit target: reaching it means the indicator has achieved its aim. */
    public Optional<BigDecimal> finalTarget() {
        return explicit.isEmpty() ? Optional.empty() : Optional.of(explicit.lastEntry().getValue());
    }

    public Optional<BigDecimal> targetFor(Period period) {
        BigDecimal exact = explicit.get(period);
        if (exact != null) {
            return Optional.of(exact);
        }
        Map.Entry<Period, BigDecimal> next = explicit.higherEntry(period);
        if (next == null) {
            Map.Entry<Period, BigDecimal> last = explicit.lastEntry();
            return last == null || last.getKey().compareTo(period) > 0 ? Optional.empty() : Optional.of(last.getValue());
        }
        Map.Entry<Period, BigDecimal> previousTarget = explicit.lowerEntry(period);
        Period fromPeriod;
        BigDecimal fromValue;
        if (previousTarget != null) {
            fromPeriod = previousTarget.getKey();
            fromValue = previousTarget.getValue();
        } else if (baseline.isPresent() && baseline.get().period().compareTo(period) < 0) {
            fromPeriod = baseline.get().period();
            fromValue = baseline.get().value();
        } else {
            return Optional.empty();
        }
        long span = next.getKey().daysSince(fromPeriod);
        long elapsed = period.daysSince(fromPeriod);
        BigDecimal slope = next.getValue().subtract(fromValue);
        return Optional.of(fromValue.add(slope.multiply(BigDecimal.valueOf(elapsed))
                .divide(BigDecimal.valueOf(span), MathContext.DECIMAL64)));
    }
}
