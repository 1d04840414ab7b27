package org.backbone.contracts.agenda;

/** How far ahead a goal looks. */
public enum Horizon {
    LONG_TERM,
    INTERMEDIATE,
    SHORT_TERM
}
