package org.backbone.communication.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.backbone.communication.domain.action.ActionItemStatus;
import org.junit.jupiter.api.Test;

class ActionItemStatusTest {

    private static final LocalDate DUE = LocalDate.parse("2026-12-10");

    @Test
    void assigneesMoveItAlongStaffAloneCancelAndFinishedIsFinal() {
        assertThat(ActionItemStatus.OPEN.refusal(ActionItemStatus.IN_PROGRESS, false)).isEmpty();
        assertThat(ActionItemStatus.IN_PROGRESS.refusal(ActionItemStatus.OPEN, false)).isEmpty();
        assertThat(ActionItemStatus.IN_PROGRESS.refusal(ActionItemStatus.DONE, false)).isEmpty();
        assertThat(ActionItemStatus.OPEN.refusal(ActionItemStatus.CANCELLED, false)).contains(
                "only backbone staff cancel an action item");
        assertThat(ActionItemStatus.OPEN.refusal(ActionItemStatus.CANCELLED, true)).isEmpty();
        assertThat(ActionItemStatus.DONE.refusal(ActionItemStatus.OPEN, true)).isPresent();
        assertThat(ActionItemStatus.CANCELLED.refusal(ActionItemStatus.IN_PROGRESS, true)).isPresent();
    }

    @Test
    void overdueIsUnfinishedAfterItsDueDay() {
        assertThat(ActionItemStatus.OPEN.overdue(DUE, DUE)).isFalse();
        assertThat(ActionItemStatus.OPEN.overdue(DUE, DUE.plusDays(1))).isTrue();
        assertThat(ActionItemStatus.IN_PROGRESS.overdue(DUE, DUE.plusDays(1))).isTrue();
        assertThat(ActionItemStatus.DONE.overdue(DUE, DUE.plusDays(30))).isFalse();
        assertThat(ActionItemStatus.CANCELLED.overdue(DUE, DUE.plusDays(30))).isFalse();
    }
}
