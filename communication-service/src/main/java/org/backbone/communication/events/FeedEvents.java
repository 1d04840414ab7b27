package org.backbone.communication.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.backbone.communication.service.FeedService;
import org.backbone.kit.agenda.AgendaProjector;
import org.backbone.kit.config.KitConfig;
import org.backbone.kit.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads every service's topic for the feed through the inbox (its own consumer name, apart from the
 * agenda projection's: both read the agenda topic): one entry per event, once; a payload that breaks
 * its schema goes to the dead-letter topic with its reason and the events behind it go on. This replica's
 * streams get the entry from here once it is committed; other replicas' streams through the database.
 */
@ApplicationScoped
public class FeedEvents {

    private final Inbox inbox;
    private final FeedService feed;
    private final AgendaProjector projector;
    private final String consumer;

    FeedEvents(Inbox inbox, FeedService feed, AgendaProjector projector, KitConfig config) {
        this.inbox = inbox;
        this.feed = feed;
        this.projector = projector;
        this.consumer = config.service() + "-feed";
    }

    @Incoming("feed-events")
    Uni<Void> consume(Message<byte[]> message) {
        // who may read an event (webhooks) follows the memberships: the projection holds this event first;
        // once committed, the entry goes straight to this replica's streams
        return inbox.process(consumer, message, event -> projector.projectFirst(event).chain(() -> feed.record(event)),
                feed::committed);
    }
}
