package org.backbone.communication.domain.meeting;

import java.time.Instant;
import java.util.Optional;
import org.backbone.contracts.communication.ApprovalRule;

/**
 * When circulated minutes are approved, by the rule the initiative chose. QUORUM: once more than
 * half of the attending partner organisations approve (any time before the deadline). SILENT_PROCEDURE:
 * when the deadline passes and nobody objected. Either way, one objection before the deadline sends
 * them back to DRAFT; nothing is answered after it.
 */
public final class MinutesApproval {

    private MinutesApproval() {
    }

    /** How many approvals a quorum of {@code attending} organisations needs: more than half. */
    public static int quorum(int attending) {
        return attending / 2 + 1;
    }

    /** Why an attendee may not answer (amend, approve or object) now; empty when they may. */
    public static Optional<String> answerRefusal(MinutesStatus status, Instant until, Instant now) {
        if (status != MinutesStatus.CIRCULATED) {
            return Optional.of("the minutes are " + status.name() + ": attendees answer only while they are CIRCULATED");
        }
        if (!now.isBefore(until)) {
            return Optional.of("the window for answers closed at " + until);
        }
        return Optional.empty();
    }

    /** Whether approvals so far approve the minutes under QUORUM (SILENT_PROCEDURE waits for the deadline). */
    public static boolean approvedByAnswers(ApprovalRule rule, int attending, int approvals) {
        return rule == ApprovalRule.QUORUM && attending > 0 && approvals >= quorum(attending);
    }

    /** Whether, the deadline having passed without objection, the minutes are approved now. */
    public static boolean approvedBySilence(ApprovalRule rule, Instant until, Instant now) {
        return rule == ApprovalRule.SILENT_PROCEDURE && !now.isBefore(until);
    }
}
