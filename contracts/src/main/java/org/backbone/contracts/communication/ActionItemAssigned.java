package org.backbone.contracts.communication;

import java.time.LocalDate;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** An action item was assigned to a person or an organisation. */
@EventType("org.backbone.communication.action-item.assigned.v1")
public record ActionItemAssigned(
        UUID initiativeId,
        UUID actionItemId,
        String title,
        String assigneeUserId,
        UUID assigneeOrganisationId,
        LocalDate dueOn,
        ObjectRef source) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(actionItemId);
    }
}
