package org.backbone.contracts.measurement;

/** How a batch of values reached the platform. */
public enum SubmissionChannel {
    REST,
    CSV,
    KAFKA,
    HTTP_EVENTS
}
