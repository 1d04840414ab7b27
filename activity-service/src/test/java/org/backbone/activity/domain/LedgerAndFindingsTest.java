package org.backbone.activity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.backbone.activity.domain.ActivityFindings.Facts;
import org.backbone.activity.domain.ActivityFindings.Kind;
import org.backbone.activity.domain.Ledger.Commitment;
import org.junit.jupiter.api.Test;

class LedgerAndFindingsTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID GOAL = UUID.randomUUID();
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private static Optional<BigDecimal> n(String value) {
        return Optional.of(new BigDecimal(value));
    }

    @Test
    void theLedgerSaysWhatIsCommittedUnallocatedAndOverCommitted() {
        Ledger.Line shortfall = Ledger.of(true, n("1000"), List.of(new Commitment(A, new BigDecimal("400"), null),
                new Commitment(B, new BigDecimal("350.5"), "N-HAI")));
        assertThat(shortfall.committed()).contains(new BigDecimal("750.5"));
        assertThat(shortfall.unallocated()).contains(new BigDecimal("249.5"));
        assertThat(shortfall.overCommitted()).contains(BigDecimal.ZERO);
        assertThat(shortfall.findings()).containsExactly(Ledger.Finding.UNALLOCATED_TARGET);

        // exactly the target, and up to 120 % of it, is no finding; above it is
        assertThat(Ledger.of(true, n("1000"), List.of(new Commitment(A, new BigDecimal("1000"), null))).findings()).isEmpty();
        assertThat(Ledger.of(true, n("1000"), List.of(new Commitment(A, new BigDecimal("1200"), null))).findings()).isEmpty();
        Ledger.Line over = Ledger.of(true, n("1000"), List.of(new Commitment(A, new BigDecimal("1200.01"), null)));
        assertThat(over.findings()).containsExactly(Ledger.Finding.OVER_COMMITTED);
        assertThat(over.overCommitted()).contains(new BigDecimal("200.01"));
    }

    @Test
    void aNonAdditiveIndicatorHasNoSumAndNoFindings() {
        Ledger.Line line = Ledger.of(false, n("15"), List.of(new Commitment(A, new BigDecimal("12"), null)));
        assertThat(line.additive()).isFalse();
        assertThat(line.committed()).isEmpty();
        assertThat(line.unallocated()).isEmpty();
        assertThat(line.findings()).isEmpty();
        assertThat(Ledger.of(true, Optional.empty(), List.of()).committed()).contains(BigDecimal.ZERO);
    }

    @Test
    void anActivityWhoseGoalsWereAllRetiredIsOrphaned() {
        Facts activity = facts(ActivityStatus.ONGOING, null, null, 0);
        assertThat(ActivityFindings.of(activity, Set.of(), Set.of(A), TODAY)).containsExactly(Kind.ORPHANED);
        assertThat(ActivityFindings.of(activity, Set.of(GOAL), Set.of(A), TODAY)).isEmpty();
        assertThat(ActivityFindings.of(facts(ActivityStatus.COMPLETED, null, null, 0), Set.of(), Set.of(A), TODAY)).isEmpty();
    }

    @Test
    void stalenessHasThreeCauses() {
        assertThat(found(facts(ActivityStatus.PLANNED, TODAY.minusDays(30), null, 0))).isEmpty();
        assertThat(found(facts(ActivityStatus.PLANNED, TODAY.minusDays(31), null, 0))).containsExactly(Kind.STALE);
        assertThat(found(facts(ActivityStatus.ONGOING, null, TODAY, 0))).isEmpty();
        assertThat(found(facts(ActivityStatus.ONGOING, null, TODAY.minusDays(1), 0))).containsExactly(Kind.STALE);
        assertThat(found(facts(ActivityStatus.ONGOING, null, null, 1))).isEmpty();
        assertThat(found(facts(ActivityStatus.ONGOING, null, null, 2))).containsExactly(Kind.STALE);
        assertThat(found(facts(ActivityStatus.SUSPENDED, TODAY.minusDays(90), TODAY.minusDays(1), 5))).isEmpty();
    }

    @Test
    void aLiveActivityOfAnOrganisationThatLeftIsFlagged() {
        assertThat(ActivityFindings.of(facts(ActivityStatus.ONGOING, null, null, 0), Set.of(GOAL), Set.of(B), TODAY))
                .containsExactly(Kind.PARTNER_LEFT);
        assertThat(ActivityFindings.of(facts(ActivityStatus.COMPLETED, null, null, 0), Set.of(GOAL), Set.of(B), TODAY))
                .isEmpty();
    }

    @Test
    void aDismissalHoldsUntilTheKeyFieldsChange() {
        assertThat(FindingState.DISMISSED.recomputed(true, true)).isEqualTo(FindingState.DISMISSED);
        assertThat(FindingState.DISMISSED.recomputed(true, false)).isEqualTo(FindingState.OPEN);
        assertThat(FindingState.DISMISSED.recomputed(false, false)).isEqualTo(FindingState.RESOLVED);
        assertThat(FindingState.ACKNOWLEDGED.recomputed(true, false)).isEqualTo(FindingState.ACKNOWLEDGED);
        assertThat(FindingState.OPEN.recomputed(false, true)).isEqualTo(FindingState.RESOLVED);
        assertThat(FindingState.RESOLVED.recomputed(true, true)).isEqualTo(FindingState.OPEN);
        assertThat(FindingState.OPEN.next()).contains(FindingState.DISMISSED, FindingState.ACKNOWLEDGED);
        assertThat(FindingState.ACKNOWLEDGED.next()).doesNotContain(FindingState.OPEN);
    }

    private static List<Kind> found(Facts activity) {
        return ActivityFindings.of(activity, Set.of(GOAL), Set.of(A), TODAY);
    }

    private static Facts facts(ActivityStatus status, LocalDate plannedStart, LocalDate plannedEnd, int unreported) {
        return new Facts(status, Set.of(GOAL), Set.of(A), plannedStart, plannedEnd, unreported);
    }
}
