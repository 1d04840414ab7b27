package org.backbone.contracts.measurement;

/** Which way is progress for an indicator. */
public enum Direction {
    INCREASE,
    DECREASE,
    MAINTAIN
}
