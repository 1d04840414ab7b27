package org.backbone.contracts.communication;

import java.time.Instant;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A meeting was scheduled. */
@EventType("org.backbone.communication.meeting.scheduled.v1")
public record MeetingScheduled(
        UUID initiativeId,
        UUID meetingId,
        String title,
        Instant startsAt,
        Instant endsAt,
        String location) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(meetingId);
    }
}
