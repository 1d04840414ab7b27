package org.backbone.contracts.measurement;

/** How often an indicator is reported. */
public enum Periodicity {
    YEARLY,
    SCHOOL_YEAR,
    QUARTERLY,
    MONTHLY,
    WEEKLY
}
