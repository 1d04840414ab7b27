package org.backbone.contracts.measurement;

/** Who sees partners' individual values. */
public enum Visibility {
    SHARED,
    BACKBONE_ONLY
}
