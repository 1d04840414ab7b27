package org.backbone.contracts.communication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/**
 * Minutes of a meeting were circulated to its attendees for amendments. {@code organisationIds} (added to v1 later, optional): the partner organisations that attended, who may amend and approve.
 */
@EventType("org.backbone.communication.minutes.circulated.v1")
public record MinutesCirculated(
        UUID initiativeId,
        UUID meetingId,
        int revision,
        Instant amendmentsUntil,
        ApprovalRule approvalRule,
        List<UUID> organisationIds) implements BackboneEvent {

    /** As written before the organisations were added (optional, 2026-12). */
    public MinutesCirculated(UUID initiativeId, UUID meetingId, int revision, Instant amendmentsUntil, ApprovalRule approvalRule) {
        this(initiativeId, meetingId, revision, amendmentsUntil, approvalRule, null);
    }

    @Override
    public String subject() {
        return String.valueOf(meetingId);
    }
}
