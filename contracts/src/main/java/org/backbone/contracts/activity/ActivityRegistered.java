package org.backbone.contracts.activity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A partner registered an activity toward the initiative's goals. */
@EventType("org.backbone.activity.activity.registered.v1")
public record ActivityRegistered(
        UUID initiativeId,
        UUID activityId,
        UUID organisationId,
        String title,
        List<UUID> goalIds,
        List<String> regions,
        LocalDate startsOn,
        LocalDate endsOn,
        ActivityStatus status) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(activityId);
    }
}
