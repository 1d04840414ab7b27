package org.backbone.contracts.communication;

import java.time.Instant;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A meeting was scheduled. Its place or link is not in the event: only those invited see it. */
@EventType("org.backbone.communication.meeting.scheduled.v1")
public record MeetingScheduled(
        UUID initiativeId,
        UUID meetingId,
        String title,
        MeetingKind kind,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        int sequence) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(meetingId);
    }
}
