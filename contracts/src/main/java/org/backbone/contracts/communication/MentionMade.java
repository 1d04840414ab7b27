package org.backbone.contracts.communication;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A comment mentioned a person, who is told. */
@EventType("org.backbone.communication.mention.made.v1")
public record MentionMade(
        UUID initiativeId,
        UUID threadId,
        UUID commentId,
        String mentionedUserId) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(commentId);
    }
}
