package org.backbone.agenda.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What changed from one agenda version to another: the text fields, and goals added, removed or
 * changed (matched by their stable ids).
 */
public record AgendaDiff(List<FieldChange> fields, List<Goal> goalsAdded, List<Goal> goalsRemoved,
        List<GoalChange> goalsChanged) {

    public record FieldChange(String field, Object before, Object after) {
    }

    public record GoalChange(UUID goalId, List<FieldChange> changes) {
    }

    public static AgendaDiff between(AgendaContent before, AgendaContent after) {
        List<FieldChange> fields = new ArrayList<>();
        compare(fields, "problemStatement", before.problemStatement(), after.problemStatement());
        compare(fields, "vision", before.vision(), after.vision());
        compare(fields, "mission", before.mission(), after.mission());
        Boundaries b = before.boundaries() == null ? Boundaries.none() : before.boundaries();
        Boundaries a = after.boundaries() == null ? Boundaries.none() : after.boundaries();
        compare(fields, "boundaries.geography", b.geography(), a.geography());
        compare(fields, "boundaries.population", b.population(), a.population());
        compare(fields, "boundaries.timeframeFrom", b.timeframeFrom(), a.timeframeFrom());
        compare(fields, "boundaries.timeframeTo", b.timeframeTo(), a.timeframeTo());
        compare(fields, "boundaries.inScope", b.inScope(), a.inScope());
        compare(fields, "boundaries.outOfScope", b.outOfScope(), a.outOfScope());

        Map<UUID, Goal> old = byId(before.goals());
        Map<UUID, Goal> current = byId(after.goals());
        List<Goal> added = current.values().stream().filter(g -> !old.containsKey(g.id())).toList();
        List<Goal> removed = old.values().stream().filter(g -> !current.containsKey(g.id())).toList();
        List<GoalChange> changed = new ArrayList<>();
        for (Goal goal : current.values()) {
            Goal previous = old.get(goal.id());
            if (previous == null) {
                continue;
            }
            List<FieldChange> changes = new ArrayList<>();
            compare(changes, "parentId", previous.parentId(), goal.parentId());
            compare(changes, "title", previous.title(), goal.title());
            compare(changes, "description", previous.description(), goal.description());
            compare(changes, "horizon", previous.horizon(), goal.horizon());
            compare(changes, "equityFocus", previous.equityFocus(), goal.equityFocus());
            if (!changes.isEmpty()) {
                changed.add(new GoalChange(goal.id(), changes));
            }
        }
        return new AgendaDiff(fields, added, removed, changed);
    }

    private static void compare(List<FieldChange> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    private static Map<UUID, Goal> byId(List<Goal> goals) {
        Map<UUID, Goal> map = new LinkedHashMap<>();
        (goals == null ? List.<Goal>of() : goals).forEach(g -> map.put(g.id(), g));
        return map;
    }
}
