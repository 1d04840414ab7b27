package org.backbone.contracts.communication;

import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/**
 * A meeting was cancelled. {@code organisationIds} (added to v1 later, optional): the partner organisations that were invited.
 */
@EventType("org.backbone.communication.meeting.cancelled.v1")
public record MeetingCancelled(
        UUID initiativeId,
        UUID meetingId,
        String title,
        String reason,
        int sequence,
        List<UUID> organisationIds) implements BackboneEvent {

    /** As written before the organisations were added (optional, 2026-12). */
    public MeetingCancelled(UUID initiativeId, UUID meetingId, String title, String reason, int sequence) {
        this(initiativeId, meetingId, title, reason, sequence, null);
    }

    @Override
    public String subject() {
        return String.valueOf(meetingId);
    }
}
