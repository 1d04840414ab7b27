package org.backbone.measurement.domain;

import java.math.BigDecimal;
import java.util.Optional;
import org.backbone.contracts.measurement.Direction;
import org.backbone.contracts.measurement.ProgressStatus;

/**
 * Where a value stands against its target, direction-aware.
 *
 * <p>Progress share r = (value − baseline) / (target − baseline), or value / target without a
 * baseline (target / value for DECREASE). ON_TRACK when r ≥ 0.95, AT_RISK when 0.80 ≤ r &lt; 0.95,
 * OFF_TRACK below. ACHIEVED once the value reaches the final target (≥ for INCREASE, ≤ for
 * DECREASE). MAINTAIN compares the distance from the target: within 5 % ON_TRACK, within 10 %
 * AT_RISK, else OFF_TRACK. NO_DATA without a value or without a target to judge it by.
 */
public final class ProgressRules {

    public static final BigDecimal ON_TRACK_FROM = new BigDecimal("0.95");
    public static final BigDecimal AT_RISK_FROM = new BigDecimal("0.80");
    public static final BigDecimal MAINTAIN_ON_TRACK_WITHIN = new BigDecimal("0.05");
    public static final BigDecimal MAINTAIN_AT_RISK_WITHIN = new BigDecimal("0.10");

    private ProgressRules() {
    }

    public static ProgressStatus status(Direction direction, Optional<BigDecimal> value, Optional<BigDecimal> target,
            Optional<BigDecimal> baseline, Optional<BigDecimal> finalTarget) {
        if (value.isEmpty() || target.isEmpty()) {
            return ProgressStatus.NO_DATA;
        }
        BigDecimal v = value.get();
        BigDecimal t = target.get();
        if (direction == Direction.MAINTAIN) {
            BigDecimal distance = v.subtract(t).abs();
            BigDecimal relative = t.signum() == 0 ? distance : distance.divide(t.abs(), Aggregator.PRECISION);
            return relative.compareTo(MAINTAIN_ON_TRACK_WITHIN) <= 0 ? ProgressStatus.ON_TRACK
                    : relative.compareTo(MAINTAIN_AT_RISK_WITHIN) <= 0 ? ProgressStatus.AT_RISK : ProgressStatus.OFF_TRACK;
        }
        boolean increase = direction == Direction.INCREASE;
        if (finalTarget.isPresent() && (increase ? v.compareTo(finalTarget.get()) >= 0 : v.compareTo(finalTarget.get()) <= 0)) {
            return ProgressStatus.ACHIEVED;
        }
        Optional<BigDecimal> share = share(v, t, baseline);
        BigDecimal r;
        if (share.isPresent()) {
            r = share.get();
        } else if (increase) {
            if (t.signum() == 0) {
                return v.signum() >= 0 ? ProgressStatus.ON_TRACK : ProgressStatus.OFF_TRACK;
            }
            r = v.divide(t, Aggregator.PRECISION);
        } else {
            if (v.signum() == 0) {
                return ProgressStatus.ON_TRACK;
            }
            r = t.divide(v, Aggregator.PRECISION);
        }
        return r.compareTo(ON_TRACK_FROM) >= 0 ? ProgressStatus.ON_TRACK
                : r.compareTo(AT_RISK_FROM) >= 0 ? ProgressStatus.AT_RISK : ProgressStatus.OFF_TRACK;
    }

    /** The share of the way from baseline to target covered by value; empty without a baseline or a way to go. */
    public static Optional<BigDecimal> share(BigDecimal value, BigDecimal target, Optional<BigDecimal> baseline) {
        if (baseline.isEmpty() || target.compareTo(baseline.get()) == 0) {
            return Optional.empty();
        }
        return Optional.of(value.subtract(baseline.get()).divide(target.subtract(baseline.get()), Aggregator.PRECISION));
    }

    /** Change against the previous period, and whether it moved the right way for the indicator. */
    public record Trend(BigDecimal change, Movement movement, Boolean improving) {
    }

    public enum Movement { UP, DOWN, FLAT }

    public static Optional<Trend> trend(Direction direction, Optional<BigDecimal> current, Optional<BigDecimal> previous,
            Optional<BigDecimal> target) {
        if (current.isEmpty() || previous.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal change = current.get().subtract(previous.get());
        Movement movement = change.signum() > 0 ? Movement.UP : change.signum() < 0 ? Movement.DOWN : Movement.FLAT;
        Boolean improving = switch (direction) {
            case INCREASE -> movement == Movement.FLAT ? null : movement == Movement.UP;
            case DECREASE -> movement == Movement.FLAT ? null : movement == Movement.DOWN;
            case MAINTAIN -> target.map(t -> {
                int closer = current.get().subtract(t).abs().compareTo(previous.get().subtract(t).abs());
                return closer == 0 ? null : closer < 0;
            }).orElse(null);
        };
        return Optional.of(new Trend(change, movement, improving));
    }
}
