package org.backbone.contracts.communication;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A discussion thread was opened. */
@EventType("org.backbone.communication.thread.opened.v1")
public record ThreadOpened(
        UUID initiativeId,
        UUID threadId,
        String title,
        String openedBy) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(threadId);
    }
}
