package org.backbone.contracts.communication;

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
        ObjectRef about) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(commentId);
    }
}
