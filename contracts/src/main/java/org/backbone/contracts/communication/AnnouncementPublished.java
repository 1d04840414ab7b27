package org.backbone.contracts.communication;

import java.time.Instant;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** Staff published an announcement to the initiative. */
@EventType("org.backbone.communication.announcement.published.v1")
public record AnnouncementPublished(
        UUID initiativeId,
        UUID announcementId,
        String title,
        Audience audience,
        Instant pinnedUntil,
        boolean acknowledgementRequested) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(announcementId);
    }
}
