package org.backbone.contracts.agenda;

import java.util.UUID;

/** One goal of a ratified goal tree. */
public record GoalSnapshot(
        UUID goalId,
        UUID parentGoalId,
        String title,
        String description,
        Horizon horizon,
        String equityFocus) {
}
