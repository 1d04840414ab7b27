package org.backbone.activity.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the partners have committed to an indicator's target for one period. Commitments add up only
 * where the indicator's figures do (aggregation SUM): for an average, a share or a maximum the ledger
 * says {@code additive: false} and gives no sum.
 */
public final class Ledger {

    /** Committed above this share of the target is over-committed. */
    public static final BigDecimal OVER_COMMITTED_FROM = new BigDecimal("1.2");

    private Ledger() {
    }

    /** One organisation's commitment; {@code location} may be null (initiative-wide). */
    public record Commitment(UUID organisation, BigDecimal amount, String location) {
    }

    /**
     * @param committed the sum, empty unless additive
     * @param unallocated the part of the target nobody has committed to (never negative), when known
     * @param overCommitted what is committed beyond the target (never negative), when known
     */
    public record Line(boolean additive, Optional<BigDecimal> target, Optional<BigDecimal> committed,
            Optional<BigDecimal> unallocated, Optional<BigDecimal> overCommitted, List<Finding> findings) {
    }

    public enum Finding { UNALLOCATED_TARGET, OVER_COMMITTED }

    public static Line of(boolean additive, Optional<BigDecimal> target, List<Commitment> commitments) {
        if (!additive) {
            return new Line(false, target, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        }
        BigDecimal committed = commitments.stream().map(Commitment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (target.isEmpty()) {
            return new Line(true, target, Optional.of(committed), Optional.empty(), Optional.empty(), List.of());
        }
        BigDecimal goal = target.get();
        BigDecimal unallocated = goal.subtract(committed).max(BigDecimal.ZERO);
        BigDecimal over = committed.subtract(goal).max(BigDecimal.ZERO);
        List<Finding> findings = unallocated.signum() > 0 ? List.of(Finding.UNALLOCATED_TARGET)
                : goal.signum() > 0 && committed.compareTo(goal.multiply(OVER_COMMITTED_FROM)) > 0
                        ? List.of(Finding.OVER_COMMITTED) : List.of();
        return new Line(true, target, Optional.of(committed), Optional.of(unallocated), Optional.of(over), findings);
    }
}
