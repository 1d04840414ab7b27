package org.backbone.kit.access;

/** Which initiatives a caller may list. */
public enum Scope {
    /** Every initiative: backbone staff and observers. */
    ALL,
    /** Those the caller's organisation currently belongs to: partner members and partner systems. */
    MEMBER_OF,
    /** None: a caller with neither role sees an empty list. */
    NONE
}
