package org.backbone.contracts.communication;

import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A discussion was opened on an object of the initiative. */
@EventType("org.backbone.communication.thread.opened.v1")
public record ThreadOpened(
        UUID initiativeId,
        UUID threadId,
        String title,
        ObjectRef about,
        List<UUID> organisationIds) implements BackboneEvent {

    /** As written before the readers' organisations were added (optional, 2026-12). */
    public ThreadOpened(UUID initiativeId, UUID threadId, String title, ObjectRef about) {
        this(initiativeId, threadId, title, about, null);
    }

    @Override
    public String subject() {
        return String.valueOf(threadId);
    }
}
