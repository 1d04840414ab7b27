package org.backbone.kit.access;

/** Where an organisation stands in an initiative, as far as access is concerned. */
public enum Standing {
    /** No such initiative (or not known to this service yet). */
    ABSENT,
    /** The initiative exists; the organisation (if any was asked about) is not a current member. */
    NOT_MEMBER,
    /** The initiative exists and the organisation currently belongs to it. */
    MEMBER
}
