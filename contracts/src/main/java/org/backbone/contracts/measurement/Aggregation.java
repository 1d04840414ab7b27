package org.backbone.contracts.measurement;

/** How partners' values combine into one figure. */
public enum Aggregation {
    SUM,
    AVERAGE,
    MIN,
    MAX,
    RATIO
}
