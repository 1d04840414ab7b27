package org.backbone.contracts.agenda;

/** A partner's decision on a proposed agenda version. */
public enum Decision {
    ENDORSE,
    OBJECT
}
