package org.backbone.kit.events;

/**
 * An event that can never be processed as it is (bad payload, unknown reference): it goes to the
 * consumer's dead-letter topic with this message as the reason, and the consumer moves on.
 */
public class PermanentEventFailure extends RuntimeException {

    public PermanentEventFailure(String reason) {
        super(reason);
    }

    public PermanentEventFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
