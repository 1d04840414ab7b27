package org.backbone.communication.config;

import io.quarkus.logging.LoggingFilter;
import java.nio.channels.ClosedChannelException;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Keeps out of the log RESTEasy's error for a stream whose client has gone ({@code quarkus.log.console.filter}).
 * A reader closing a tab, a proxy recycling a connection: every stream ends that way, and a load test's end
 * logged almost two thousand such errors with nothing to mend. Any other failure of a stream is still an error.
 */
@LoggingFilter(name = "left-streams")
public final class LeftStreams implements Filter {

    /** Where RESTEasy Reactive reports a stream's failures. */
    static final String STREAMS = "org.jboss.resteasy.reactive.server.handlers.PublisherResponseHandler";

    @Override
    public boolean isLoggable(LogRecord record) {
        return !(STREAMS.equals(record.getLoggerName()) && record.getThrown() instanceof ClosedChannelException);
    }
}
