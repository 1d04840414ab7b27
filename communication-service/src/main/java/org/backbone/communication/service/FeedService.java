package org.backbone.communication.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.backbone.communication.domain.FeedItem;
import org.backbone.communication.persistence.FeedEntries;
import org.backbone.communication.persistence.FeedEntry;
import org.backbone.communication.persistence.WebhookEndpoints;
import org.backbone.kit.access.InitiativeAccess;
import java.util.Optional;
import org.backbone.contracts.BackboneEvent;
import org.backbone.kit.events.PermanentEventFailure;
import org.backbone.kit.events.ReceivedEvent;
import org.backbone.kit.paging.Cursor;
import org.backbone.kit.paging.Page;
import org.backbone.kit.security.Caller;

/**
 * The initiative's feed: one entry per event of any service, read as a page or followed as a stream.
 * Whoever reads it sees only entries of initiatives they may read, and of those only what they could
 * read through the API: a partner's own submissions are for the backbone and that partner.
 */
@ApplicationScoped
public class FeedService {

    /** A stream resuming further back than this many entries of its initiative is told to refetch instead. */
    static final int MAX_REPLAY = 1_000;
    static final Duration HEARTBEAT = Duration.ofSeconds(20);

    private final FeedEntries entries;
    private final FeedHub hub;
    private final InitiativeAccess access;
    private final WebhookService webhooks;
    private final Vertx vertx;

    FeedService(FeedEntries entries, FeedHub hub, InitiativeAccess access, WebhookService webhooks, Vertx vertx) {
        this.vertx = vertx;
        this.webhooks = webhooks;
        this.entries = entries;
        this.hub = hub;
        this.access = access;
    }

    /**
     * Records a poll's events in the inbox's transaction, in the order given: queues each for the webhook
     * endpoints that want it and writes its feed entry, a few statements for all of them. Events of no
     * initiative have neither. The entries go last: their write holds the feed's ordering lock until the
     * commit. An event the feed cannot describe is handed to {@code reject} and nothing of it is written.
     * Emits the entries written, in order.
     */
    public Uni<List<FeedEntry>> record(List<ReceivedEvent> events, BiConsumer<ReceivedEvent, String> reject) {
        List<WebhookEndpoints.Queued> queued = new ArrayList<>();
        List<FeedEntries.Append> appends = new ArrayList<>();
        for (ReceivedEvent event : events) {
            Optional<FeedItem> item;
            BackboneEvent payload;
            try {
                payload = event.catalogued().orElse(null);
                item = payload == null ? Optional.empty() : itemOf(payload);
            } catch (PermanentEventFailure e) {
                reject.accept(event, e.getMessage());
                continue;
            }
            if (item.isEmpty()) {
                continue;
            }
            queued.add(WebhookService.queued(event, payload.initiativeId(), item.get()));
            appends.add(new FeedEntries.Append(event.id(), payload.initiativeId(), event.timeOrNow(), event.actorOrSystem(),
                    item.get()));
        }
        return webhooks.enqueue(queued).chain(() -> entries.append(appends));
    }

    /**
     * The feed's item for a payload that passed its schema. Describing it is plain code over that payload:
     * if it fails, it fails on every redelivery, so the event is dead-lettered rather than retried (a retry
     * would hold the partition, and every event behind it, for ever).
     */
    static Optional<FeedItem> itemOf(BackboneEvent payload) {
        try {
            return FeedItem.of(payload);
        } catch (RuntimeException e) {
            throw new PermanentEventFailure("the feed cannot describe this event: " + e, e);
        }
    }

    /** After the commit of {@link #record}: this replica's streams get the entries, in order, without waiting for the database. */
    public void committed(List<FeedEntry> entries) {
        entries.forEach(hub::committed);
    }

    /** Completes when the caller may read the initiative; fails with 404 otherwise. */
    @WithSession
    public Uni<Void> readable(Caller caller, UUID initiative) {
        return access.readable(caller, initiative);
    }

    @WithSession
    public Uni<Page<FeedEntry>> page(Caller caller, UUID initiative, FeedEntries.Filter filter, int limit, String cursor) {
        Long before = cursor == null ? null : Cursor.number(Cursor.decode(cursor, 1).get(0));
        return access.readable(caller, initiative)
                .chain(() -> entries.page(initiative, caller.isAdmin(), caller.partnerId().orElse(null), filter, before,
                        limit + 1))
                .map(rows -> Cursor.page(rows, limit, e -> Cursor.encode(Long.toString(e.seq()))));
    }

    /** What a stream sends: an entry, a reset (refetch, then follow from {@code seq}), or a heartbeat. */
    public sealed interface Streamed {
        record Entry(FeedEntry entry) implements Streamed {
        }

        record Reset(long seq) implements Streamed {
        }

        record Heartbeat() implements Streamed {
        }
    }

    /**
     * The initiative's entries after {@code lastSeen} (from the database), then live ones as they
     * commit, with no gap and no repeat between the two; from now on when {@code lastSeen} is null.
     * Fails with 404 before the first item when the caller may not read the initiative. Each item is
     * {@code render}ed as it is sent (a plain call: a Mutiny {@code map} per stream would propagate the
     * request's context around every item, which was a tenth of the service's CPU with 500 streams).
     */
    public <T> Uni<Multi<T>> follow(Caller caller, UUID initiative, Long lastSeen, Function<Streamed, T> render) {
        boolean staff = caller.isAdmin();
        UUID organisation = caller.partnerId().orElse(null);
        return Panache.withSession(() -> access.readable(caller, initiative)
                .chain(() -> lastSeen == null
                        ? Uni.createFrom().item(new FeedEntries.Replay(List.of(), hub.newest()))
                        : entries.after(initiative, lastSeen, MAX_REPLAY + 1)))
                .map(replay -> {
                    List<T> first = new ArrayList<>();
                    if (replay.entries().size() > MAX_REPLAY) {
                        first.add(render.apply(new Streamed.Reset(replay.newest())));
                    } else {
                        replay.entries().stream().filter(e -> e.visibleTo(staff, organisation))
                                .forEach(e -> first.add(render.apply(new Streamed.Entry(e))));
                    }
                    // everything up to here has been considered: live entries start after it, on this request's event loop
                    Context context = Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext();
                    Multi<T> live = Multi.createFrom().emitter(emitter -> LiveFeed.follow(hub, initiative, context, emitter,
                            e -> e.visibleTo(staff, organisation), render,
                            replay.newest(), HEARTBEAT));
                    return Multi.createBy().concatenating().streams(Multi.createFrom().iterable(first), live);
                });
    }

}
