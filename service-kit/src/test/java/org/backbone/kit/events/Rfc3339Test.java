package org.backbone.kit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Rfc3339Test {

    @Test
    void readsEveryPrecisionAsInstantParseDoes() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    random.nextInt(1_000_000_000));
            for (ChronoUnit unit : new ChronoUnit[] {ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS, ChronoUnit.NANOS}) {
                String text = DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(unit));
                assertEquals(Instant.parse(text), Rfc3339.parse(text), text);
            }
        }
    }

    @Test
    void readsTheShapesLeftToInstantParse() {
        for (String text : new String[] {"2026-11-27T20:40:31.5+01:00", "2016-12-31T23:59:60Z", "2026-11-27T24:00:00Z",
                "2026-11-27T19:40:31.1234Z", "2026-11-27T19:40:31.Z",
                "+12026-11-27T19:40:31Z"}) {
            assertEquals(Instant.parse(text), Rfc3339.parse(text), text);
        }
    }

    @Test
    void refusesWhatInstantParseRefuses() {
        for (String text : new String[] {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-27T24:00:01Z",
                "2026-11-27T19:61:00Z", "2026-11-27T19:40:31.1234567890Z", "2026-1a-27T19:40:31Z",
                "2026-11-27 19:40:31Z", "2026-11-27T19:40:31", "yesterday", "2026-11-27T19:40:3-Z"}) {
            assertThrows(DateTimeException.class, () -> Instant.parse(text), "Instant.parse accepts " + text);
            assertThrows(DateTimeException.class, () -> Rfc3339.parse(text), text);
        }
    }
}
