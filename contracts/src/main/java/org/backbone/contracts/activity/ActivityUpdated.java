package org.backbone.contracts.activity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** An activity's description changed; carries the whole activity as it is now. Budgets never travel in events. */
@EventType("org.backbone.activity.activity.updated.v1")
public record ActivityUpdated(
        UUID initiativeId,
        UUID activityId,
        String title,
        String activityType,
        ActivityStatus status,
        List<Participant> participants,
        List<UUID> goalIds,
        List<ActivityPlace> places,
        List<String> targetGroups,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        LocalDate actualStart,
        LocalDate actualEnd,
        String iatiIdentifier,
        long version) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(activityId);
    }
}
