package org.backbone.contracts.communication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/**
 * A meeting moved, or its details changed. {@code organisationIds} (added to v1 later, optional): the partner organisations invited after the change.
 */
@EventType("org.backbone.communication.meeting.rescheduled.v1")
public record MeetingRescheduled(
        UUID initiativeId,
        UUID meetingId,
        String title,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        int sequence,
        List<UUID> organisationIds) implements BackboneEvent {

    /** As written before the organisations were added (optional, 2026-12). */
    public MeetingRescheduled(UUID initiativeId, UUID meetingId, String title, Instant startsAt, Instant endsAt, String timeZone, int sequence) {
        this(initiativeId, meetingId, title, startsAt, endsAt, timeZone, sequence, null);
    }

    @Override
    public String subject() {
        return String.valueOf(meetingId);
    }
}
