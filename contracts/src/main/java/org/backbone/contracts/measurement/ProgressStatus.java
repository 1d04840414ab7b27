package org.backbone.contracts.measurement;

/** Where an indicator stands against its target. */
public enum ProgressStatus {
    ON_TRACK,
    AT_RISK,
    OFF_TRACK,
    ACHIEVED,
    NO_DATA
}
