package org.backbone.communication.api;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.backbone.communication.domain.FeedSummaries;
import org.backbone.communication.persistence.FeedEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A feed entry as readers get it, its summary in their language. */
@Schema(name = "FeedEntry")
public record FeedView(
        @Schema(description = "Position in the feed: a stream's event id, and what Last-Event-ID resumes after") long seq,
        OffsetDateTime time,
        UUID initiativeId,
        @Schema(description = "Who caused it: a user's or partner system's subject, or `system`") String actor,
        @Schema(description = "What happened, e.g. `activity.activity.registered`", examples = "agenda.partner.joined") String verb,
        FeedObject object,
        @Schema(description = "One line for people, in the language of Accept-Language (English or Hebrew)") String summary) {

    /** What an entry is about. */
    public record FeedObject(String service, String type, String id, String title) {
    }

    static FeedView of(FeedEntry e, Locale locale) {
        return new FeedView(e.seq(), e.occurredAt(), e.initiativeId(), e.actor(), e.verb(),
                new FeedObject(e.objectService(), e.objectType(), e.objectId(), e.title()),
                FeedSummaries.render(e.verb(), e.title() != null ? e.title() : e.objectId(), e.params(), locale));
    }
}
