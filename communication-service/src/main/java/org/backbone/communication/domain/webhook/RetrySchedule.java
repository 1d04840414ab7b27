package org.backbone.communication.domain.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: after about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (the
 * Standard Webhooks reference schedule), each ±10 % so endpoints that failed together are not retried
 * together; never sooner than the endpoint's {@code Retry-After}. After the last retry it has failed.
 */
public final class RetrySchedule {

    public static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    /** A Retry-After longer than this is taken as this: an endpoint cannot park its messages for ever. */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(10);

    private RetrySchedule() {
    }

    /**
     * The wait before the next attempt after {@code attempts} failed ones, or empty when that was the last.
     *
     * @param retryAfter what the endpoint asked for, if anything
     */
    public static Optional<Duration> after(int attempts, Optional<Duration> retryAfter, RandomGenerator random) {
        if (attempts < 1 || attempts > DELAYS.size()) {
            return Optional.empty();
        }
        long base = DELAYS.get(attempts - 1).toMillis();
        long jittered = Math.round(base * (0.9 + 0.2 * random.nextDouble()));
        long asked = retryAfter.map(d -> Math.min(d.toMillis(), LONGEST_RETRY_AFTER.toMillis())).orElse(0L);
        return Optional.of(Duration.ofMillis(Math.max(jittered, asked)));
    }

    /** A {@code Retry-After} header's delay: delta-seconds, or an HTTP date relative to {@code nowMillis}. */
    public static Optional<Duration> retryAfter(String header, long nowMillis) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            long at = java.time.ZonedDateTime.parse(value, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant().toEpochMilli();
            return Optional.of(Duration.ofMillis(Math.max(0, at - nowMillis)));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
