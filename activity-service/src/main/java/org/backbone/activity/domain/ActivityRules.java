package org.backbone.activity.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.backbone.contracts.activity.Participant;
import org.backbone.contracts.activity.ParticipationRole;
import org.backbone.kit.domain.FieldProblem;

/**
 * What an activity must satisfy against the initiative's vocabularies and agenda: known codes, active
 * goals, at least one implementing partner that belongs to the initiative, an end not before its start,
 * and planned reach only for target groups and places the activity names.
 */
public final class ActivityRules {

    private ActivityRules() {
    }

    /** The initiative's side of the check. */
    public record Context(CodeTree locations, CodeTree targetGroups, Set<String> activityTypes, Set<UUID> activeGoals,
            Set<UUID> members) {
    }

    public static List<FieldProblem> problems(ActivityDraft draft, Context context) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!context.activityTypes().contains(draft.activityType())) {
            problems.add(new FieldProblem("activityType", "not a code of the initiative's activity types"));
        }
        if (draft.participants().stream().noneMatch(p -> p.role() == ParticipationRole.IMPLEMENTING)) {
            problems.add(new FieldProblem("participants", "needs at least one IMPLEMENTING organisation"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < draft.participants().size(); i++) {
            Participant p = draft.participants().get(i);
            if (!seen.add(p.organisationId() + "/" + p.role())) {
                problems.add(new FieldProblem("participants[" + i + "]", "lists the same organisation and role twice"));
            }
            if (p.role() == ParticipationRole.IMPLEMENTING && !context.members().contains(p.organisationId())) {
                problems.add(new FieldProblem("participants[" + i + "].organisationId",
                        "an implementing organisation must be a current partner of the initiative"));
            }
        }
        for (int i = 0; i < draft.goalIds().size(); i++) {
            if (!context.activeGoals().contains(draft.goalIds().get(i))) {
                problems.add(new FieldProblem("goalIds[" + i + "]", "not an active goal of the agenda in force"));
            }
        }
        if (new HashSet<>(draft.goalIds()).size() != draft.goalIds().size()) {
            problems.add(new FieldProblem("goalIds", "lists a goal twice"));
        }
        for (int i = 0; i < draft.places().size(); i++) {
            if (!context.locations().contains(draft.places().get(i).location())) {
                problems.add(new FieldProblem("places[" + i + "].location", "not a code of the initiative's locations"));
            }
        }
        for (int i = 0; i < draft.targetGroups().size(); i++) {
            if (!context.targetGroups().contains(draft.targetGroups().get(i))) {
                problems.add(new FieldProblem("targetGroups[" + i + "]", "not a code of the initiative's target groups"));
            }
        }
        if (new HashSet<>(draft.targetGroups()).size() != draft.targetGroups().size()) {
            problems.add(new FieldProblem("targetGroups", "lists a target group twice"));
        }
        if (draft.plannedEnd().isBefore(draft.plannedStart())) {
            problems.add(new FieldProblem("plannedEnd", "is before plannedStart"));
        }
        for (int i = 0; i < draft.plannedReach().size(); i++) {
            String field = "plannedReach[" + i + "]";
            reachProblem(draft, draft.plannedReach().get(i), context)
                    .ifPresent(problem -> problems.add(new FieldProblem(field, problem)));
        }
        return problems;
    }

    /** Why reach for this group and place does not fit the activity, if it does not. */
    public static Optional<String> reachProblem(ActivityDraft draft, ActivityDraft.Reach reach, Context context) {
        if (draft.targetGroups().stream().noneMatch(g -> context.targetGroups().isWithin(reach.targetGroup(), g))) {
            return Optional.of("target group " + reach.targetGroup() + " is not one the activity serves");
        }
        if (reach.location() != null && draft.places().stream()
                .noneMatch(p -> context.locations().isWithin(reach.location(), p.location()))) {
            return Optional.of("location " + reach.location() + " is not one of the activity's places");
        }
        return Optional.empty();
    }
}
