package org.backbone.communication.domain.discussion;

/** OPEN: anyone who reads it comments; LOCKED: staff alone; RESOLVED: settled, staff alone (reopen to go on). */
public enum ThreadStatus {
    OPEN,
    LOCKED,
    RESOLVED
}
