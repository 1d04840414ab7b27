package org.backbone.communication.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.ClosedChannelException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LeftStreamsTest {

    private final LeftStreams filter = new LeftStreams();

    private static LogRecord record(String logger, Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, "Exception in SSE server handling, impossible to send it to client");
        record.setLoggerName(logger);
        record.setThrown(thrown);
        return record;
    }

    @Test
    void aStreamWhoseClientHasGoneIsNotLogged() {
        // Netty's own is a StacklessClosedChannelException, one of these
        assertThat(filter.isLoggable(record(LeftStreams.STREAMS, new ClosedChannelException()))).isFalse();
    }

    @Test
    void anyOtherFailureOfAStreamAndAClosedChannelElsewhereAreStillLogged() {
        assertThat(filter.isLoggable(record(LeftStreams.STREAMS, new IllegalStateException("a bug")))).isTrue();
        assertThat(filter.isLoggable(record(LeftStreams.STREAMS, null))).isTrue();
        assertThat(filter.isLoggable(record("org.backbone.communication.service.WebhookDispatcher",
                new ClosedChannelException()))).isTrue();
    }
}
