package org.backbone.contracts.communication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/**
 * A meeting was scheduled. Its place or link is not in the event: only those invited see it. {@code organisationIds} (added to v1 later, optional): the partner organisations invited when it was scheduled (none listed: staff alone, or every current partner when it is open to all).
 */
@EventType("org.backbone.communication.meeting.scheduled.v1")
public record MeetingScheduled(
        UUID initiativeId,
        UUID meetingId,
        String title,
        MeetingKind kind,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        int sequence,
        List<UUID> organisationIds) implements BackboneEvent {

    /** As written before the organisations were added (optional, 2026-12). */
    public MeetingScheduled(UUID initiativeId, UUID meetingId, String title, MeetingKind kind, Instant startsAt, Instant endsAt, String timeZone, int sequence) {
        this(initiativeId, meetingId, title, kind, startsAt, endsAt, timeZone, sequence, null);
    }

    @Override
    public String subject() {
        return String.valueOf(meetingId);
    }
}
