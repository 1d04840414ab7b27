package org.backbone.contracts.measurement;

/** What kind of number an indicator holds. */
public enum ValueType {
    NUMBER,
    INTEGER,
    PERCENT,
    CURRENCY
}
