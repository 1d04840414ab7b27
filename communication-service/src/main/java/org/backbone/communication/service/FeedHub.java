package org.backbone.communication.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.backbone.communication.persistence.FeedEntry;
import org.backbone.communication.persistence.FeedTail;
import org.jboss.logging.Logger;

/**
 * This replica's view of the end of the feed: one thread follows the table (woken by NOTIFY, with a
 * poll each second as a safety net), keeps the newest entries of every initiative in memory, and
 * tells the streams when there are more. A stream takes from here what it has not sent yet, so ten
 * thousand streams cost one reader of the database, not ten thousand.
 */
@ApplicationScoped
public class FeedHub {

    private static final Logger LOG = Logger.getLogger(FeedHub.class);
    /** How many of the newest entries stay in memory: a stream further behind than these is reset. */
    static final int KEPT = 20_000;

    private final FeedTail tail;
    /** Told (on the hub's thread, so they must only schedule their work) when entries they may want arrive. */
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    /** The initiatives of the entries kept since the listeners were last told. */
    private Set<UUID> arrivedFor = new HashSet<>();
    private final FeedEntry[] ring = new FeedEntry[KEPT];
    private long newest;
    private long oldestKept = 1;
    private volatile boolean running;
    private final AtomicBoolean telling = new AtomicBoolean();
    private final Executor teller = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "feed-teller");
        thread.setDaemon(true);
        return thread;
    });
    /** Set once the reader knows where the table ends: before that, nothing is kept. */
    private boolean following;

    FeedHub(FeedTail tail) {
        this.tail = tail;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        HubThreads.start("feed-hub", this::follow);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    /** The newest number this replica has read. */
    public synchronized long newest() {
        return newest;
    }

    /** One that listens: for the entries of one initiative, or of every one ({@code initiative} null). */
    private static final class Listener {
        final UUID initiative;
        final Runnable wake;
        /** The newest number when it was last told. */
        volatile long toldAt;

        Listener(UUID initiative, Runnable wake, long toldAt) {
            this.initiative = initiative;
            this.wake = wake;
            this.toldAt = toldAt;
        }
    }

    /**
     * Runs {@code listener} whenever entries arrive, on the hub's thread: it should only schedule its work
     * (a stream on its own event loop). Returns what stops it.
     */
    public Runnable listen(Runnable listener) {
        return listen(null, listener);
    }

    /**
     * Runs {@code listener} when entries of {@code initiative} arrive (and now and then when only others do, see
     * {@link #tell()}), on the hub's thread. With 500 streams over 8 initiatives, waking every stream for every
     * entry made the 62 that wanted it wait behind the 438 that did not. Returns what stops it.
     */
    public Runnable listen(UUID initiative, Runnable listener) {
        Listener l = new Listener(initiative, listener, newest());
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    /** What a stream that has considered everything up to {@code after} gets next. */
    public record Since(boolean missed, List<FeedEntry> entries, long upTo) {
    }

    /** The kept entries after {@code after}; {@code missed} when some of them are no longer kept. */
    public synchronized Since since(long after) {
        if (after >= newest) {
            return new Since(false, List.of(), Math.max(after, newest));
        }
        if (after + 1 < oldestKept) {
            return new Since(true, List.of(), newest);
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (long seq = after + 1; seq <= newest; seq++) {
            FeedEntry entry = ring[(int) (seq % KEPT)];
            if (entry != null && entry.seq() == seq) {
                entries.add(entry);
            }
        }
        return new Since(false, entries, newest);
    }

    private void follow() {
        boolean started = false;
        while (running) {
            try {
                if (!started) {
                    // streams start at the end: what is older they read from the database
                    startAt(tail.newest());
                    started = true;
                }
                List<FeedEntry> read;
                do {
                    read = tail.after(newest(), 1000);
                    if (!read.isEmpty()) {
                        arrived(read);
                    }
                } while (read.size() == 1000 && running);
                tail.await(1000);
            } catch (Exception e) {
                tail.close();
                if (!HubThreads.rest("following the feed", e)) {
                    running = false;
                }
            }
        }
        tail.close();
    }

    /** Keeps {@code entries} (the next ones, in order) and tells the listeners. */
    void arrived(List<FeedEntry> entries) {
        keep(entries);
        tell();
    }

    /**
     * An entry this replica has just committed. Entries commit in the order of their numbers (FeedEntries'
     * lock), so when it is the number after the newest kept, nothing before it is missing: it is kept and told
     * at once, without waiting for the NOTIFY and the read. Otherwise (another replica's entry in between, or
     * a number a rolled-back transaction drew) the reader brings it, as it brings every entry.
     */
    public void committed(FeedEntry entry) {
        boolean next;
        synchronized (this) {
            next = following && entry.seq() == newest + 1;
            if (next) {
                keep(List.of(entry));
            }
        }
        if (next) {
            tellSoon();
        }
    }

    /**
     * Tells the listeners on the hub's own teller thread, not the committing consumer's: waking hundreds of
     * streams would otherwise hold up the consumer's next record. Calls while one is pending fold into it.
     */
    private void tellSoon() {
        if (telling.compareAndSet(false, true)) {
            teller.execute(() -> {
                telling.set(false);
                tell();
            });
        }
    }

    /** The reader found the table's end at {@code seq}: entries after it are kept from now on. */
    synchronized void startAt(long seq) {
        newest = seq;
        oldestKept = seq + 1;
        following = true;
    }

    /** How many listen now. */
    int listening() {
        return listeners.size();
    }

    /**
     * Wakes the listeners of the initiatives that have new entries. One of a quiet initiative is woken as well
     * once half of what is kept has arrived since it was last told: it then moves past what the others added
     * before that falls out of memory, where it would be told to refetch although it missed nothing.
     */
    private void tell() {
        Set<UUID> arrived;
        long upTo;
        synchronized (this) {
            arrived = arrivedFor;
            arrivedFor = new HashSet<>();
            upTo = newest;
        }
        if (arrived.isEmpty()) {
            return;
        }
        for (Listener listener : listeners) {
            if (listener.initiative == null || arrived.contains(listener.initiative) || upTo - listener.toldAt > KEPT / 2) {
                listener.toldAt = upTo;
                try {
                    listener.wake.run();
                } catch (RuntimeException e) {
                    LOG.warnf("a feed listener failed: %s", e.toString());
                }
            }
        }
    }

    private synchronized void keep(List<FeedEntry> entries) {
        for (FeedEntry entry : entries) {
            if (entry.seq() <= newest) {
                continue; // read from the table after this replica kept it on its commit
            }
            ring[(int) (entry.seq() % KEPT)] = entry;
            arrivedFor.add(entry.initiativeId());
            // numbers may skip (a rolled-back draw): what falls out of the window is no longer kept
            newest = entry.seq();
            oldestKept = Math.max(oldestKept, newest - KEPT + 1);
        }
    }
}
