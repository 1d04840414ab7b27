package org.backbone.agenda.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.agenda.Horizon;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.kit.domain.FieldProblem;
import org.junit.jupiter.api.Test;

class GoalTreeTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();

    private static Goal goal(UUID id, UUID parent, String title) {
        return new Goal(id, parent, title, null, Horizon.LONG_TERM, null);
    }

    @Test
    void aSoundTreeHasNoProblems() {
        assertThat(GoalTree.problems(List.of(goal(a, null, "A"), goal(b, a, "B"), goal(c, b, "C")))).isEmpty();
    }

    @Test
    void aCycleIsNamedOnTheGoalsThatCloseIt() {
        List<FieldProblem> problems = GoalTree.problems(List.of(goal(a, c, "A"), goal(b, a, "B"), goal(c, b, "C")));
        assertThat(problems).extracting(FieldProblem::message).containsOnly("makes a cycle in the goal tree");
        assertThat(problems).extracting(FieldProblem::field).contains("goals[0].parentId");
    }

    @Test
    void aGoalCannotServeItself() {
        assertThat(GoalTree.problems(List.of(goal(a, a, "A"))))
                .containsExactly(new FieldProblem("goals[0].parentId", "makes a cycle in the goal tree"));
    }

    @Test
    void parentsMustBeInTheTreeAndIdsUnique() {
        UUID stranger = UUID.randomUUID();
        assertThat(GoalTree.problems(List.of(goal(a, null, "A"), goal(a, null, "A again"), goal(b, stranger, "B"))))
                .containsExactly(
                        new FieldProblem("goals[1].id", "duplicate goal id " + a),
                        new FieldProblem("goals[2].parentId", "no goal with id " + stranger + " in this agenda"));
    }

    @Test
    void diffNamesChangedFieldsAndGoalsAddedRemovedAndChanged() {
        AgendaContent v1 = new AgendaContent("p", "v1", "m", Boundaries.none(), List.of(goal(a, null, "A"), goal(b, a, "B")));
        AgendaContent v2 = new AgendaContent("p", "v2", "m", Boundaries.none(), List.of(goal(a, null, "A*"), goal(c, a, "C")));
        AgendaDiff diff = AgendaDiff.between(v1, v2);
        assertThat(diff.fields()).containsExactly(new AgendaDiff.FieldChange("vision", "v1", "v2"));
        assertThat(diff.goalsAdded()).extracting(Goal::id).containsExactly(c);
        assertThat(diff.goalsRemoved()).extracting(Goal::id).containsExactly(b);
        assertThat(diff.goalsChanged()).containsExactly(new AgendaDiff.GoalChange(a,
                List.of(new AgendaDiff.FieldChange("title", "A", "A*"))));
    }

    @Test
    void ratificationRuleValidation() {
        assertThat(RatificationRule.problems(RatificationKind.QUORUM, null, "rule"))
                .containsExactly(new FieldProblem("rule.quorum", "required for QUORUM"));
        assertThat(RatificationRule.problems(RatificationKind.QUORUM, new BigDecimal("1.01"), "rule")).hasSize(1);
        assertThat(RatificationRule.problems(RatificationKind.QUORUM, BigDecimal.ZERO, "rule")).hasSize(1);
        assertThat(RatificationRule.problems(RatificationKind.QUORUM, BigDecimal.ONE, "rule")).isEmpty();
        assertThat(RatificationRule.problems(RatificationKind.UNANIMOUS, new BigDecimal("0.5"), "rule")).hasSize(1);
        assertThat(RatificationRule.problems(null, null, "rule")).hasSize(1);
    }
}
