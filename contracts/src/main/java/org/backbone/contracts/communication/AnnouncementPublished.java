package org.backbone.contracts.communication;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** An announcement was published to the initiative. */
@EventType("org.backbone.communication.announcement.published.v1")
public record AnnouncementPublished(
        UUID initiativeId,
        UUID announcementId,
        String title,
        String authorId) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(announcementId);
    }
}
