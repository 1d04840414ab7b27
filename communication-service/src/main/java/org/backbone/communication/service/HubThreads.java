package org.backbone.communication.service;

import java.sql.SQLException;
import org.backbone.kit.persistence.DatabaseFailures;
import org.jboss.logging.Logger;

/** What the hubs' threads share: each a daemon that follows the database and starts over after a failure. */
final class HubThreads {

    private static final Logger LOG = Logger.getLogger(HubThreads.class);
    /** After a failure that can pass (the connection lost, the server restarting). */
    static final long PASSING_REST_MILLIS = 1_000;
    /** After one that cannot (a bug, or data the database refuses): loud, and not every second. */
    static final long LASTING_REST_MILLIS = 30_000;

    private HubThreads() {
    }

    /** Starts {@code loop} on a daemon thread called {@code name}: it must not hold up the JVM's exit. */
    static void start(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Whether a failure of the hub's loop can pass when tried again: a database failure other than refused data.
     * Anything else fails the same way every time; starting over is still all a hub can do (it applies nothing
     * that could be set aside), but it is logged as an error with its stack, for someone to mend.
     */
    static boolean canPass(Exception failure) {
        return failure instanceof SQLException && !DatabaseFailures.isDataRefused(failure);
    }

    /**
     * Logs {@code failure} of {@code what} and rests before the loop starts over: a second when it can pass,
     * longer when it cannot. False when interrupted, and then the thread should end.
     */
    static boolean rest(String what, Exception failure) {
        boolean passing = canPass(failure);
        if (passing) {
            LOG.warnf("%s: %s (starting over in a second)", what, failure.toString());
        } else {
            LOG.errorf(failure, "%s failed in a way that will not pass by itself; starting over in %d s", what,
                    LASTING_REST_MILLIS / 1000);
        }
        try {
            Thread.sleep(passing ? PASSING_REST_MILLIS : LASTING_REST_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
