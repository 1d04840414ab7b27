package org.backbone.contracts.activity;

/** Where an activity is in its life. */
public enum ActivityStatus {
    PLANNED,
    ACTIVE,
    PAUSED,
    COMPLETED,
    CANCELLED
}
