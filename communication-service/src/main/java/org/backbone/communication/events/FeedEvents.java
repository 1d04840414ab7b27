package org.backbone.communication.events;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.backbone.communication.persistence.FeedEntry;
import org.backbone.communication.service.FeedService;
import org.backbone.kit.agenda.AgendaProjector;
import org.backbone.kit.config.KitConfig;
import org.backbone.kit.events.ReceivedEvent;
import org.backbone.kit.inbox.BatchInbox;
import org.backbone.kit.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Reads every service's topic for the feed through the kit's batch inbox (its own consumer name, apart
 * from the agenda projection's: both read the agenda topic): what one poll returned is recorded in one
 * transaction, one entry per event, once. A payload that breaks its schema goes to
 * {@value #DEAD_LETTERS} with its reason and the events behind it go on. This replica's streams get the
 * entries from here once they are committed; other replicas' streams through the database.
 */
@ApplicationScoped
public class FeedEvents {

    /** One channel reads four topics: its dead letters share one topic, named for the feed. */
    static final String DEAD_LETTERS = "backbone.feed.dlq.communication";

    private final BatchInbox<ReceivedEvent, FeedEntry> inbox;

    FeedEvents(Inbox inbox, FeedService feed, AgendaProjector projector, KitConfig config,
            @Channel("feed-dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<byte[]> deadLetters) {
        this.inbox = inbox.batch(config.service() + "-feed", BatchInbox.events(), (fresh, reject) -> {
            // in the order read: the feed's numbers follow it within a partition. Who may read an event (webhooks)
            // follows the memberships, so an event that changes them is projected before it and the events after
            // it are recorded: the poll is recorded in runs, each starting at such an event
            List<FeedEntry> written = new ArrayList<>();
            Uni<Void> recorded = Uni.createFrom().voidItem();
            int from = 0;
            for (int i = 1; i <= fresh.size(); i++) {
                if (i == fresh.size() || projector.projectsFirst(fresh.get(i))) {
                    List<ReceivedEvent> run = fresh.subList(from, i);
                    recorded = recorded.chain(() -> projector.projectFirst(run.get(0)))
                            .chain(() -> feed.record(run, reject)).invoke(written::addAll).replaceWithVoid();
                    from = i;
                }
            }
            return recorded.replaceWith(written);
        }, feed::committed, deadLetters, record -> DEAD_LETTERS);
    }

    @Incoming("feed-events")
    Uni<Void> consume(Message<List<byte[]>> batch) {
        return inbox.process(batch);
    }
}
