package org.backbone.contracts.activity;

/** An activity's status, as IATI's activity status codes 1–5 name them. */
public enum ActivityStatus {
    PLANNED,
    ONGOING,
    SUSPENDED,
    COMPLETED,
    CANCELLED
}
