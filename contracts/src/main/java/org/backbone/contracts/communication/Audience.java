package org.backbone.contracts.communication;

/** Who an announcement is for. */
public enum Audience {
    EVERYONE,
    PARTNERS,
    STAFF
}
