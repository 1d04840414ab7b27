package org.backbone.agenda.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What ratifying a version does to the initiative's goals: the version's tree is the whole truth.
 * Its goals that were unknown or retired become active; active goals it no longer has are retired;
 * goals that stay active are not activated again.
 */
public final class Ratification {

    private Ratification() {
    }

    /** @param activated in the version's order; @param retired the ids of goals no longer in force */
    public record GoalChanges(List<Goal> activated, List<UUID> retired) {
    }

    /** @param known every goal the initiative has had, by id → whether it is active now */
    public static GoalChanges goalChanges(List<Goal> version, Map<UUID, Boolean> known) {
        List<Goal> activated = new ArrayList<>();
        Set<UUID> inVersion = new HashSet<>();
        for (Goal goal : version) {
            inVersion.add(goal.id());
            if (!Boolean.TRUE.equals(known.get(goal.id()))) {
                activated.add(goal);
            }
        }
        List<UUID> retired = known.entrySet().stream()
                .filter(e -> e.getValue() && !inVersion.contains(e.getKey()))
                .map(Map.Entry::getKey).sorted().toList();
        return new GoalChanges(activated, retired);
    }

    /**
     * The checks before a draft is proposed: no other version is open for decisions, and the
     * agenda has at least one goal (the tree itself is checked when the draft is saved).
     *
     * @param openVersion the number of the version open for decisions, or null
     * @return the field problems of the draft (the open version is a rule refusal, thrown)
     */
    public static List<org.backbone.kit.domain.FieldProblem> proposalProblems(Integer openVersion, AgendaContent draft) {
        if (openVersion != null) {
            throw new AgendaRuleException(AgendaRuleException.Reason.PROPOSAL_OPEN, "version " + openVersion
                    + " is still open for decisions; withdraw it before proposing another");
        }
        return draft.goals().isEmpty()
                ? List.of(new org.backbone.kit.domain.FieldProblem("goals", "an agenda needs at least one goal"))
                : List.of();
    }
}
