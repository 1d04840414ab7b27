package org.backbone.contracts.activity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** An activity's description changed. */
@EventType("org.backbone.activity.activity.updated.v1")
public record ActivityUpdated(
        UUID initiativeId,
        UUID activityId,
        UUID organisationId,
        String title,
        List<UUID> goalIds,
        List<String> regions,
        LocalDate startsOn,
        LocalDate endsOn,
        long version) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(activityId);
    }
}
