package org.backbone.contracts.communication;

/** How minutes are approved: a quorum of the attending partners, or silent procedure (approved unless someone objects by the deadline). */
public enum ApprovalRule {
    QUORUM,
    SILENT_PROCEDURE
}
