package org.backbone.communication.domain.meeting;

import java.time.Instant;
import java.util.Optional;

/**
 * SCHEDULED → HELD (once it has begun) → CLOSED (its minutes published, or staff close it), or
 * SCHEDULED → CANCELLED. Only a SCHEDULED meeting is changed, registered for or cancelled.
 */
public enum MeetingStatus {
    SCHEDULED,
    HELD,
    CLOSED,
    CANCELLED;

    /** Why staff may not move a meeting from this status to {@code next} at {@code now}; empty when they may. */
    public Optional<String> refusal(MeetingStatus next, Instant startsAt, Instant now) {
        return switch (next) {
            case HELD -> this != SCHEDULED ? Optional.of("the meeting is " + name() + ": only a SCHEDULED meeting is held")
                    : now.isBefore(startsAt) ? Optional.of("the meeting has not begun: it starts at " + startsAt)
                    : Optional.empty();
            case CLOSED -> this != HELD ? Optional.of("the meeting is " + name() + ": only a HELD meeting is closed")
                    : Optional.empty();
            case CANCELLED -> this != SCHEDULED ? Optional.of("the meeting is " + name() + ": only a SCHEDULED meeting is cancelled")
                    : Optional.empty();
            case SCHEDULED -> Optional.of("a meeting is SCHEDULED only when it is created");
        };
    }

    /** Why the meeting's details, agenda or registrations cannot change now; empty when they can. */
    public Optional<String> unchangeable() {
        return this == SCHEDULED ? Optional.empty()
                : Optional.of("the meeting is " + name() + ": only a SCHEDULED meeting changes");
    }
}
