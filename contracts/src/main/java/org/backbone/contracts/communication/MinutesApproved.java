package org.backbone.contracts.communication;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** Minutes were approved by the initiative's rule. */
@EventType("org.backbone.communication.minutes.approved.v1")
public record MinutesApproved(
        UUID initiativeId,
        UUID meetingId,
        int revision,
        ApprovalRule approvalRule) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(meetingId);
    }
}
