package org.backbone.communication.service;

import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import org.backbone.communication.persistence.FeedEntry;
import org.backbone.communication.service.FeedService.Streamed;

/**
 * One stream's live part. The hub only wakes it; it then takes what is new for its reader on the stream's
 * own event loop, as far as the client has asked for: no worker thread and no queue per stream, and one
 * wake-up per stream however many entries arrived. A stream that falls so far behind that the hub no
 * longer keeps what it has not sent gets a reset.
 */
final class LiveFeed<T> {

    private final FeedHub hub;
    private final UUID initiative;
    private final Context context;
    private final MultiEmitter<? super T> emitter;
    private final Predicate<FeedEntry> wanted;
    private final Function<Streamed, T> render;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Every number up to this one has been sent or passed over. Touched on {@link #context} only. */
    private long considered;
    private boolean heartbeatDue;
    private boolean draining;
    private boolean again;
    /** The stream's event-loop thread: a request made on it (the client's last write done) is served at once. */
    private Thread loop;
    private Runnable unlisten;
    private long timer = -1;

    private LiveFeed(FeedHub hub, UUID initiative, Context context, MultiEmitter<? super T> emitter,
            Predicate<FeedEntry> wanted, Function<Streamed, T> render, long considered) {
        this.initiative = initiative;
        this.render = render;
        this.hub = hub;
        this.context = context;
        this.emitter = emitter;
        this.wanted = wanted;
        this.considered = considered;
    }

    /**
     * Follows the hub after {@code considered} for {@code emitter} on {@code context}: the entries of
     * {@code initiative} that are {@code wanted}, each {@code render}ed, and a heartbeat every {@code heartbeat}.
     */
    static <T> void follow(FeedHub hub, UUID initiative, Context context, MultiEmitter<? super T> emitter,
            Predicate<FeedEntry> wanted, Function<Streamed, T> render, long considered, Duration heartbeat) {
        Predicate<FeedEntry> ofInitiative = e -> e.initiativeId().equals(initiative);
        LiveFeed<T> live = new LiveFeed<>(hub, initiative, context, emitter, ofInitiative.and(wanted), render, considered);
        context.runOnContext(v -> live.start(heartbeat));
    }

    private void start(Duration heartbeat) {
        if (emitter.isCancelled()) {
            return;
        }
        loop = Thread.currentThread();
        unlisten = hub.listen(initiative, this::wake);
        timer = context.owner().setPeriodic(heartbeat.toMillis(), id -> {
            heartbeatDue = true;
            wake();
        });
        emitter.onTermination(() -> context.runOnContext(v -> stop()));
        if (emitter.isCancelled()) {
            // the client left while this stream was starting: it must not stay a listener
            stop();
            return;
        }
        emitter.onRequest(n -> {
            if (Thread.currentThread() == loop) {
                drain();
            } else {
                wake();
            }
        });
        // entries may have arrived between the replay and listening
        drain();
    }

    private void stop() {
        if (unlisten != null) {
            unlisten.run();
        }
        if (timer >= 0) {
            context.owner().cancelTimer(timer);
        }
    }

    /** From any thread: drain once on the stream's event loop, however often it is called meanwhile. */
    private void wake() {
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> {
                scheduled.set(false);
                drain();
            });
        }
    }

    /** On the stream's event loop. Emitting may request more at once, which lands here again: looped, not nested. */
    private void drain() {
        if (draining) {
            again = true;
            return;
        }
        draining = true;
        try {
            do {
                again = false;
                drainOnce();
            } while (again);
        } finally {
            draining = false;
        }
    }

    private void drainOnce() {
        if (emitter.isCancelled()) {
            return;
        }
        if (heartbeatDue && emitter.requested() > 0) {
            heartbeatDue = false;
            emitter.emit(render.apply(new Streamed.Heartbeat()));
        }
        FeedHub.Since since = hub.since(considered);
        if (since.missed()) {
            if (emitter.requested() > 0) {
                considered = since.upTo();
                emitter.emit(render.apply(new Streamed.Reset(since.upTo())));
            }
            return;
        }
        for (FeedEntry entry : since.entries()) {
            boolean send = wanted.test(entry);
            if (send && emitter.requested() <= 0) {
                // the rest stays in the hub until the client asks for more (onRequest wakes us)
                return;
            }
            considered = entry.seq();
            if (send) {
                emitter.emit(render.apply(new Streamed.Entry(entry)));
            }
        }
        considered = Math.max(considered, since.upTo());
    }
}
