package org.backbone.contracts.activity;

import java.time.LocalDate;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** An activity moved to another status. */
@EventType("org.backbone.activity.activity.status-changed.v1")
public record ActivityStatusChanged(
        UUID initiativeId,
        UUID activityId,
        ActivityStatus previousStatus,
        ActivityStatus status,
        String reason,
        LocalDate actualStart,
        LocalDate actualEnd,
        long version) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(activityId);
    }
}
