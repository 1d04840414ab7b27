package org.backbone.contracts.activity;

/** How an organisation takes part in an activity (IATI organisation roles). */
public enum ParticipationRole {
    FUNDING,
    ACCOUNTABLE,
    EXTENDING,
    IMPLEMENTING
}
