package org.backbone.contracts.communication;

import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A comment mentioned a person, who is told. */
@EventType("org.backbone.communication.mention.made.v1")
public record MentionMade(
        UUID initiativeId,
        UUID threadId,
        UUID commentId,
        String mentionedUserId,
        List<UUID> organisationIds,
        String threadTitle) implements BackboneEvent {

    /** As written before the readers' organisations and the thread's title were added (optional, 2026-12). */
    public MentionMade(UUID initiativeId, UUID threadId, UUID commentId, String mentionedUserId) {
        this(initiativeId, threadId, commentId, mentionedUserId, null, null);
    }

    @Override
    public String subject() {
        return String.valueOf(commentId);
    }
}
