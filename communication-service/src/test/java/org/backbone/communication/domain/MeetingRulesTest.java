package org.backbone.communication.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;
import org.backbone.communication.domain.meeting.Invitation;
import org.backbone.communication.domain.meeting.MeetingStatus;
import org.backbone.communication.domain.meeting.MeetingTimes;
import org.backbone.communication.domain.meeting.MinutesApproval;
import org.backbone.communication.domain.meeting.MinutesHash;
import org.backbone.communication.domain.meeting.MinutesStatus;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.Sector;
import org.backbone.contracts.communication.ApprovalRule;
import org.backbone.kit.domain.FieldProblem;
import org.junit.jupiter.api.Test;

class MeetingRulesTest {

    private static final Instant START = Instant.parse("2026-12-10T08:00:00Z");

    @Test
    void aMeetingIsHeldOnlyOnceBegunAndCancelledOnlyWhileScheduled() {
        assertThat(MeetingStatus.SCHEDULED.refusal(MeetingStatus.HELD, START, START.minusSeconds(1))).get().asString()
                .contains("has not begun");
        assertThat(MeetingStatus.SCHEDULED.refusal(MeetingStatus.HELD, START, START)).isEmpty();
        assertThat(MeetingStatus.HELD.refusal(MeetingStatus.CANCELLED, START, START)).isPresent();
        assertThat(MeetingStatus.SCHEDULED.refusal(MeetingStatus.CLOSED, START, START)).isPresent();
        assertThat(MeetingStatus.HELD.refusal(MeetingStatus.CLOSED, START, START)).isEmpty();
        assertThat(MeetingStatus.CANCELLED.unchangeable()).isPresent();
        assertThat(MeetingStatus.SCHEDULED.unchangeable()).isEmpty();
    }

    @Test
    void anInvitationReachesTheNamedTheRolesAndTheSectorsOrEveryone() {
        UUID named = UUID.randomUUID();
        Invitation invitation = new Invitation(false, Set.of(named), Set.of(PartnerRole.FOUNDING), Set.of(Sector.GOVERNMENT));
        assertThat(invitation.invites(named, PartnerRole.SUPPORTING, Sector.BUSINESS)).isTrue();
        assertThat(invitation.invites(UUID.randomUUID(), PartnerRole.FOUNDING, Sector.BUSINESS)).isTrue();
        assertThat(invitation.invites(UUID.randomUUID(), PartnerRole.CORE, Sector.GOVERNMENT)).isTrue();
        assertThat(invitation.invites(UUID.randomUUID(), PartnerRole.CORE, Sector.BUSINESS)).isFalse();
        assertThat(invitation.invites(UUID.randomUUID(), null, null)).isFalse();
        assertThat(new Invitation(true, null, null, null).invites(UUID.randomUUID(), null, null)).isTrue();
        assertThat(new Invitation(false, null, null, null).invites(UUID.randomUUID(), PartnerRole.CORE, Sector.BUSINESS)).isFalse();
    }

    @Test
    void timesEndAfterTheyStartWithinADayInAPlacesZone() {
        LocalDateTime ten = LocalDateTime.parse("2026-12-10T10:00");
        assertThat(new MeetingTimes(ten, ten.plusHours(2), "Asia/Jerusalem").problems()).isEmpty();
        assertThat(new MeetingTimes(ten, ten, "Asia/Jerusalem").problems()).extracting(FieldProblem::field).containsExactly("endsAt");
        assertThat(new MeetingTimes(ten, ten.plusHours(25), "Asia/Jerusalem").problems()).extracting(FieldProblem::field)
                .containsExactly("endsAt");
        assertThat(new MeetingTimes(ten, ten.plusHours(1), "+02:00").problems()).extracting(FieldProblem::field)
                .containsExactly("timeZone");
        assertThat(new MeetingTimes(ten, ten.plusHours(1), "Mars/Olympus").problems()).extracting(FieldProblem::field)
                .containsExactly("timeZone");
        // 10:00 in Jerusalem in winter is 08:00 UTC
        assertThat(new MeetingTimes(ten, ten.plusHours(1), "Asia/Jerusalem").start().toInstant()).isEqualTo(START);
    }

    @Test
    void aQuorumIsMoreThanHalfOfThoseWhoAttended() {
        assertThat(MinutesApproval.quorum(1)).isEqualTo(1);
        assertThat(MinutesApproval.quorum(2)).isEqualTo(2);
        assertThat(MinutesApproval.quorum(3)).isEqualTo(2);
        assertThat(MinutesApproval.quorum(4)).isEqualTo(3);
        assertThat(MinutesApproval.approvedByAnswers(ApprovalRule.QUORUM, 3, 2)).isTrue();
        assertThat(MinutesApproval.approvedByAnswers(ApprovalRule.QUORUM, 3, 1)).isFalse();
        assertThat(MinutesApproval.approvedByAnswers(ApprovalRule.SILENT_PROCEDURE, 3, 3)).isFalse();
        assertThat(MinutesApproval.approvedByAnswers(ApprovalRule.QUORUM, 0, 0)).isFalse();
    }

    @Test
    void silenceApprovesOnlyUnderSilentProcedureAndOnlyOnceTheWindowClosed() {
        assertThat(MinutesApproval.approvedBySilence(ApprovalRule.SILENT_PROCEDURE, START, START)).isTrue();
        assertThat(MinutesApproval.approvedBySilence(ApprovalRule.SILENT_PROCEDURE, START, START.minusSeconds(1))).isFalse();
        assertThat(MinutesApproval.approvedBySilence(ApprovalRule.QUORUM, START, START.plusSeconds(1))).isFalse();
    }

    @Test
    void attendeesAnswerOnlyCirculatedMinutesBeforeTheDeadline() {
        assertThat(MinutesApproval.answerRefusal(MinutesStatus.CIRCULATED, START, START.minusSeconds(1))).isEmpty();
        assertThat(MinutesApproval.answerRefusal(MinutesStatus.CIRCULATED, START, START)).get().asString().contains("closed");
        assertThat(MinutesApproval.answerRefusal(MinutesStatus.PUBLISHED, START, START.minusSeconds(1))).isPresent();
        assertThat(MinutesApproval.answerRefusal(MinutesStatus.DRAFT, START, START.minusSeconds(1))).isPresent();
    }

    @Test
    void theHashChangesWithTheTextTheRevisionAndTheMeeting() {
        UUID meeting = UUID.randomUUID();
        String hash = MinutesHash.of(meeting, 1, "We agreed.");
        assertThat(hash).startsWith("sha256:").hasSize("sha256:".length() + 64).isEqualTo(MinutesHash.of(meeting, 1, "We agreed."));
        assertThat(MinutesHash.of(meeting, 1, "We agreed!")).isNotEqualTo(hash);
        assertThat(MinutesHash.of(meeting, 2, "We agreed.")).isNotEqualTo(hash);
        assertThat(MinutesHash.of(UUID.randomUUID(), 1, "We agreed.")).isNotEqualTo(hash);
    }
}
