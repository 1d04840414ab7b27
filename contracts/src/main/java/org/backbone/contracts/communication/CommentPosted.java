package org.backbone.contracts.communication;

import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A comment was posted to a discussion (a reply when it has a parent). */
@EventType("org.backbone.communication.comment.posted.v1")
public record CommentPosted(
        UUID initiativeId,
        UUID threadId,
        UUID commentId,
        UUID parentCommentId,
        ObjectRef about,
        List<UUID> organisationIds) implements BackboneEvent {

    /** As written before the readers' organisations were added (optional, 2026-12). */
    public CommentPosted(UUID initiativeId, UUID threadId, UUID commentId, UUID parentCommentId, ObjectRef about) {
        this(initiativeId, threadId, commentId, parentCommentId, about, null);
    }

    @Override
    public String subject() {
        return String.valueOf(commentId);
    }
}
