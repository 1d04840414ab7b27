package org.backbone.communication;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in the tests: the real time, moved forward when a test must see a digest fall
 * due tomorrow. Only what plans by the clock (digests) sees it moved; the database keeps real time.
 */
public class MovableClock {

    private static volatile Duration ahead = Duration.ZERO;

    static void moveAhead(Duration by) {
        ahead = by;
    }

    static void reset() {
        ahead = Duration.ZERO;
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(ahead);
            }
        };
    }
}
