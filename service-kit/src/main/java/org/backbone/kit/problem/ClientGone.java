package org.backbone.kit.problem;

import io.vertx.core.http.HttpClosedException;
import java.nio.channels.ClosedChannelException;

/**
 * Whether a failure only says that the caller closed its connection (it gave up, or its request was
 * cut off): logged as an error with a stack trace, every abandoned request looked like an incident.
 */
public final class ClientGone {

    private ClientGone() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpClosedException || t instanceof ClosedChannelException
                    || "Connection was closed".equals(t.getMessage())
                    || "Connection reset by peer".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
