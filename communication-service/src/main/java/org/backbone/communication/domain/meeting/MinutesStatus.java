package org.backbone.communication.domain.meeting;

/**
 * DRAFT (the organiser writes) → CIRCULATED (attendees amend, approve or object until a deadline)
 * → APPROVED → PUBLISHED (immutable, hashed; corrected only by errata). An objection sends them back
 * to DRAFT with its reason.
 */
public enum MinutesStatus {
    DRAFT,
    CIRCULATED,
    APPROVED,
    PUBLISHED
}
