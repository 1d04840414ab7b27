package org.backbone.agenda.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.backbone.kit.domain.FieldProblem;

/** Rules of a goal tree: unique ids, parents inside the tree, no cycles. */
public final class GoalTree {

    private GoalTree() {
    }

    /** Every rule {@code goals} breaks, as field problems; empty when the tree is sound. */
    public static List<FieldProblem> problems(List<Goal> goals) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<UUID, Integer> indexById = new HashMap<>();
        for (int i = 0; i < goals.size(); i++) {
            if (indexById.putIfAbsent(goals.get(i).id(), i) != null) {
                problems.add(new FieldProblem("goals[" + i + "].id", "duplicate goal id " + goals.get(i).id()));
            }
        }
        for (int i = 0; i < goals.size(); i++) {
            UUID parent = goals.get(i).parentId();
            if (parent == null) {
                continue;
            }
            if (!indexById.containsKey(parent)) {
                problems.add(new FieldProblem("goals[" + i + "].parentId", "no goal with id " + parent + " in this agenda"));
            } else if (inCycle(goals.get(i).id(), goals, indexById)) {
                problems.add(new FieldProblem("goals[" + i + "].parentId", "makes a cycle in the goal tree"));
            }
        }
        return problems;
    }

    private static boolean inCycle(UUID start, List<Goal> goals, Map<UUID, Integer> indexById) {
        Set<UUID> seen = new HashSet<>();
        UUID current = start;
        while (current != null && indexById.containsKey(current)) {
            if (!seen.add(current)) {
                return true;
            }
            current = goals.get(indexById.get(current)).parentId();
            if (start.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
