package org.backbone.contracts.communication;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A meeting was cancelled. */
@EventType("org.backbone.communication.meeting.cancelled.v1")
public record MeetingCancelled(
        UUID initiativeId,
        UUID meetingId,
        String title,
        String reason,
        int sequence) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(meetingId);
    }
}
