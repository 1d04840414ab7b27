package org.backbone.communication.api;

import org.backbone.kit.problem.ProblemException;

/** The {@code Last-Event-ID} a reconnecting event stream sends: the seq of the last event it has. */
final class LastEventId {

    private LastEventId() {
    }

    /** The seq, null when the header is absent or blank; 422 when it is not a whole number, 0 or more. */
    static Long parse(String header, String of) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seq = Long.parseLong(header.trim());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("Last-Event-ID", "must be the seq of " + of + " (a whole number, 0 or more)");
    }
}
