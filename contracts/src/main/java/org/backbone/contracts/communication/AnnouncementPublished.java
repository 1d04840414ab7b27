package org.backbone.contracts.communication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/**
 * Staff published an announcement to the initiative. {@code organisationIds} (added to v1 later,
 * optional): for a PARTNERS announcement, the partner organisations it was for when it was published
 * (every current partner, or those of the roles and sectors staff chose).
 */
@EventType("org.backbone.communication.announcement.published.v1")
public record AnnouncementPublished(
        UUID initiativeId,
        UUID announcementId,
        String title,
        Audience audience,
        Instant pinnedUntil,
        boolean acknowledgementRequested,
        List<UUID> organisationIds) implements BackboneEvent {

    /** As written before the audience's organisations were added (optional, 2026-12). */
    public AnnouncementPublished(UUID initiativeId, UUID announcementId, String title, Audience audience,
            Instant pinnedUntil, boolean acknowledgementRequested) {
        this(initiativeId, announcementId, title, audience, pinnedUntil, acknowledgementRequested, null);
    }

    @Override
    public String subject() {
        return String.valueOf(announcementId);
    }
}
