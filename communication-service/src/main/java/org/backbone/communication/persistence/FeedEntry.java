package org.backbone.communication.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One stored feed entry; {@code organisations} empty means every reader of the initiative sees it. */
public record FeedEntry(long seq, UUID initiativeId, OffsetDateTime occurredAt, String actor, String verb,
        String objectService, String objectType, String objectId, String title, List<String> params,
        Set<UUID> organisations) {

    /** The same entry under the number the feed gave it. */
    public FeedEntry numbered(long number) {
        return new FeedEntry(number, initiativeId, occurredAt, actor, verb, objectService, objectType, objectId, title,
                params, organisations);
    }

    /** Whether a reader of the initiative sees it: staff everything, a partner also its own organisation's entries. */
    public boolean visibleTo(boolean staff, UUID organisation) {
        return organisations.isEmpty() || staff || organisation != null && organisations.contains(organisation);
    }
}
