package org.backbone.contracts.communication;

/** How people meet. */
public enum MeetingKind {
    IN_PERSON,
    ONLINE,
    HYBRID
}
