package org.backbone.contracts.communication;

import java.time.Instant;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** Minutes of a meeting were circulated to its attendees for amendments. */
@EventType("org.backbone.communication.minutes.circulated.v1")
public record MinutesCirculated(
        UUID initiativeId,
        UUID meetingId,
        int revision,
        Instant amendmentsUntil,
        ApprovalRule approvalRule) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(meetingId);
    }
}
