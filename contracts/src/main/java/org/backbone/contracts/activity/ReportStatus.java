package org.backbone.contracts.activity;

/** Where a reach report stands: DUE until submitted, then reviewed by backbone staff. */
public enum ReportStatus {
    DUE, SUBMITTED, ACCEPTED, SENT_BACK
}
