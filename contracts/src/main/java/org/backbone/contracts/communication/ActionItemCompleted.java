package org.backbone.contracts.communication;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** An action item was done. */
@EventType("org.backbone.communication.action-item.completed.v1")
public record ActionItemCompleted(
        UUID initiativeId,
        UUID actionItemId,
        String title) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(actionItemId);
    }
}
