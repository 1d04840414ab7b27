package org.backbone.contracts.communication;

import java.time.LocalDate;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** An open action item passed its due date. */
@EventType("org.backbone.communication.action-item.overdue.v1")
public record ActionItemOverdue(
        UUID initiativeId,
        UUID actionItemId,
        String title,
        LocalDate dueOn,
        String assigneeUserId,
        UUID assigneeOrganisationId) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(actionItemId);
    }
}
