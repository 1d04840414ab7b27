package org.backbone.contracts.communication;

import java.time.Instant;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A meeting moved, or its details changed. */
@EventType("org.backbone.communication.meeting.rescheduled.v1")
public record MeetingRescheduled(
        UUID initiativeId,
        UUID meetingId,
        String title,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        int sequence) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(meetingId);
    }
}
