package org.backbone.communication.domain.webhook;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What an attempt's answer means: a 2xx delivered it; 410 Gone says the endpoint is no more (disable
 * it at once); anything else — another status, a redirect (never followed), no answer — is a failure
 * retried on the schedule until the schedule ends.
 *
 * @param retryIn the wait before the next attempt when it is retried
 */
public record DeliveryOutcome(Kind kind, Optional<Duration> retryIn) {

    public enum Kind { DELIVERED, RETRY, FAILED, GONE }

    /**
     * @param status the answer's status, or null when there was none
     * @param attempts attempts made so far, this one included
     */
    public static DeliveryOutcome of(Integer status, int attempts, Optional<Duration> retryAfter, RandomGenerator random) {
        if (status != null && status >= 200 && status < 300) {
            return new DeliveryOutcome(Kind.DELIVERED, Optional.empty());
        }
        if (status != null && status == 410) {
            return new DeliveryOutcome(Kind.GONE, Optional.empty());
        }
        Optional<Duration> next = RetrySchedule.after(attempts, retryAfter, random);
        return new DeliveryOutcome(next.isPresent() ? Kind.RETRY : Kind.FAILED, next);
    }
}
