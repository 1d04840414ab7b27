package org.backbone.kit.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads an RFC 3339 timestamp. The shape producers send almost always
 * ({@code 2026-11-27T19:40:31.123456Z}) is read digit by digit; anything else ({@code +01:00}
 * offsets, lower-case letters, leap seconds, 24:00) goes to {@link Instant#parse}, which decides.
 * On partner ingestion {@code Instant.parse}'s formatter machinery was a visible share of the event
 * loops' CPU (profile in bench/RESULTS.md's history).
 */
final class Rfc3339 {

    /** Nanoseconds in a unit of the fraction's last digit, by the number of digits (none: whole seconds). */
    private static final int[] NANOS_PER_UNIT = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private Rfc3339() {
    }

    /** @throws DateTimeException when the text is not an RFC 3339 timestamp */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length == 21 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z' || (length > 20 && text.charAt(19) != '.')) {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fractionDigits = Math.max(0, length - 21);
        int fraction = fractionDigits > 0 ? digits(text, 20, length - 1) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || fraction < 0 || hour == 24
                || second == 60) {
            return Instant.parse(text);
        }
        int nanos = fraction * NANOS_PER_UNIT[fractionDigits];
        // LocalDateTime.of checks every field's range (no 30 February, no minute 60), as Instant.parse does
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    }

    /** The decimal number in {@code text[from, to)}, or -1 if any of it is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
