package org.backbone.contracts.activity;

/** What activity-service found in the 3W (see the activity-service README for each rule). */
public enum FindingKind {
    UNCOVERED,
    PLANNED_ONLY,
    NOMINAL_ONLY,
    DUPLICATION_RISK,
    DUPLICATE_RECORD,
    UNALLOCATED_TARGET,
    OVER_COMMITTED,
    ORPHANED,
    STALE,
    PARTNER_LEFT
}
