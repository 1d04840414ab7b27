package org.backbone.communication.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.backbone.communication.persistence.NotificationTail;
import org.jboss.logging.Logger;

/**
 * Tells this replica's notification streams when their person has something new: one thread listens for
 * the NOTIFY each commit of in-app notifications sends (naming whom they are for, whichever replica wrote
 * them) and wakes only that person's streams. An idle stream costs no query; after the listening
 * connection breaks, every stream is woken once, since what was told meanwhile is lost.
 */
@ApplicationScoped
public class NotificationHub {

    private static final Logger LOG = Logger.getLogger(NotificationHub.class);
    /** How long one wait for NOTIFYs lasts; it returns as soon as one comes. */
    private static final int WAIT_MILLIS = 5_000;

    private final NotificationTail tail;
    /** By recipient; each told (on the hub's thread, so it must only schedule its work) when theirs arrive. */
    private final Map<String, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    private volatile boolean running;

    NotificationHub(NotificationTail tail) {
        this.tail = tail;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        HubThreads.start("notification-hub", this::follow);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    /** Runs {@code listener} whenever {@code recipient} may have new notifications. Returns what stops it. */
    public Runnable listen(String recipient, Runnable listener) {
        listeners.computeIfAbsent(recipient, r -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(recipient, (r, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    private void follow() {
        while (running) {
            try {
                if (!tail.listening()) {
                    tail.listen();
                    // whatever was told while nobody listened is lost: every stream looks once
                    listeners.values().forEach(this::tell);
                }
                for (String recipient : Set.copyOf(tail.awaitRecipients(WAIT_MILLIS))) {
                    Set<Runnable> theirs = listeners.get(recipient);
                    if (theirs != null) {
                        tell(theirs);
                    }
                }
            } catch (Exception e) {
                tail.close();
                if (!HubThreads.rest("listening for notifications", e)) {
                    running = false;
                }
            }
        }
        tail.close();
    }

    private void tell(Set<Runnable> theirs) {
        for (Runnable listener : List.copyOf(theirs)) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warnf("a notification listener failed: %s", e.toString());
            }
        }
    }
}
