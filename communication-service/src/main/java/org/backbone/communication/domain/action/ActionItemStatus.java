package org.backbone.communication.domain.action;

import java.time.LocalDate;
import java.util.Optional;

/**
 * OPEN → IN_PROGRESS → DONE, or CANCELLED (staff). The assignee moves it forward, or back to OPEN;
 * DONE and CANCELLED are final. Overdue is not a status: it is derived from the due date.
 */
public enum ActionItemStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    CANCELLED;

    public boolean finished() {
        return this == DONE || this == CANCELLED;
    }

    /** Why the move from this status to {@code next} is refused, or empty when it is allowed. */
    public Optional<String> refusal(ActionItemStatus next, boolean staff) {
        if (finished()) {
            return Optional.of("the action item is " + name() + " already: it is final");
        }
        if (next == CANCELLED && !staff) {
            return Optional.of("only backbone staff cancel an action item");
        }
        return Optional.empty();
    }

    /** Overdue on {@code today}: not finished, and its due date has passed. */
    public boolean overdue(LocalDate dueOn, LocalDate today) {
        return !finished() && dueOn.isBefore(today);
    }
}
