package org.backbone.contracts.communication;

import java.time.LocalDate;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A meeting assigned an action item to an organisation. */
@EventType("org.backbone.communication.action-item.assigned.v1")
public record ActionItemAssigned(
        UUID initiativeId,
        UUID meetingId,
        UUID actionItemId,
        UUID assigneeOrganisationId,
        String title,
        LocalDate dueOn) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(actionItemId);
    }
}
