package org.backbone.agenda.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.contracts.agenda.Horizon;
import org.junit.jupiter.api.Test;

class RatificationTest {

    private static final UUID KEPT = UUID.randomUUID();
    private static final UUID NEW = UUID.randomUUID();
    private static final UUID DROPPED = UUID.randomUUID();
    private static final UUID BACK = UUID.randomUUID();

    private static Goal goal(UUID id) {
        return new Goal(id, null, "goal " + id, null, Horizon.LONG_TERM, null);
    }

    @Test
    void theVersionsTreeIsTheWholeTruth() {
        Ratification.GoalChanges changes = Ratification.goalChanges(List.of(goal(KEPT), goal(NEW), goal(BACK)),
                Map.of(KEPT, true, DROPPED, true, BACK, false));
        // a goal already in force is not activated again; one retired earlier comes back
        assertThat(changes.activated()).extracting(Goal::id).containsExactly(NEW, BACK);
        assertThat(changes.retired()).containsExactly(DROPPED);
    }

    @Test
    void theFirstVersionActivatesEveryGoalAndRetiresNothing() {
        Ratification.GoalChanges changes = Ratification.goalChanges(List.of(goal(KEPT), goal(NEW)), Map.of());
        assertThat(changes.activated()).extracting(Goal::id).containsExactly(KEPT, NEW);
        assertThat(changes.retired()).isEmpty();
    }

    @Test
    void aGoalRetiredBeforeIsNotRetiredAgain() {
        assertThat(Ratification.goalChanges(List.of(goal(KEPT)), Map.of(KEPT, true, DROPPED, false)).retired()).isEmpty();
    }

    @Test
    void aDraftIsProposedOnlyWhenNoVersionIsOpenAndItHasAGoal() {
        AgendaContent withGoal = new AgendaContent(null, null, null, null, List.of(goal(KEPT)));
        AgendaContent empty = new AgendaContent(null, null, null, null, List.of());
        assertThat(Ratification.proposalProblems(null, withGoal)).isEmpty();
        assertThat(Ratification.proposalProblems(null, empty)).extracting(p -> p.field()).containsExactly("goals");
        assertThatThrownBy(() -> Ratification.proposalProblems(3, withGoal))
                .isInstanceOfSatisfying(AgendaRuleException.class,
                        e -> assertThat(e.reason()).isEqualTo(AgendaRuleException.Reason.PROPOSAL_OPEN))
                .hasMessageContaining("version 3 is still open");
    }
}
