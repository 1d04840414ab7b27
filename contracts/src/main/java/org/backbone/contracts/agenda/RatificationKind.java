package org.backbone.contracts.agenda;

/** How a proposed agenda version becomes ratified. */
public enum RatificationKind {
    UNANIMOUS,
    QUORUM
}
