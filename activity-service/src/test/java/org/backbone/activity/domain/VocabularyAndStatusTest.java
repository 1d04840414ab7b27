package org.backbone.activity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.backbone.activity.domain.CodeTree.Node;
import org.junit.jupiter.api.Test;

class VocabularyAndStatusTest {

    @Test
    void aTreeKnowsLevelsLeavesAndWhatLiesWithinWhat() {
        CodeTree locations = Top15Plan.LOCATIONS;
        assertThat(locations.level("N")).contains(1);
        assertThat(locations.level("N-HAI-1")).contains(3);
        assertThat(locations.level("X")).isEmpty();
        assertThat(locations.leaves()).containsExactly("N-HAI-1", "N-KAR", "S-BS");
        assertThat(locations.isWithin("N-HAI-1", "N")).isTrue();
        assertThat(locations.isWithin("N", "N-HAI-1")).isFalse();
        assertThat(locations.related("N", "N-HAI-1")).isTrue();
        assertThat(locations.related("N-KAR", "N-HAI")).isFalse();
        assertThat(locations.atLevel(2, Set.of("N"))).containsExactly("N-HAI", "N-KAR");
    }

    @Test
    void aTreeRefusesDuplicatesUnknownParentsAndCycles() {
        assertThat(CodeTree.problems(List.of(new Node("A", null), new Node("A", null)))).containsExactly("A: appears twice");
        assertThat(CodeTree.problems(List.of(new Node("B", "Z")))).containsExactly("B: parent Z is not in the vocabulary");
        assertThat(CodeTree.problems(List.of(new Node("A", "B"), new Node("B", "A"))))
                .containsExactly("A: its parents form a cycle", "B: its parents form a cycle");
        assertThatThrownBy(() -> new CodeTree(List.of(new Node("B", "Z")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusesMoveAsIatisDo() {
        assertThat(ActivityStatus.PLANNED.next()).containsExactlyInAnyOrder(ActivityStatus.ONGOING, ActivityStatus.CANCELLED);
        assertThat(ActivityStatus.ONGOING.mayMoveTo(ActivityStatus.SUSPENDED)).isTrue();
        assertThat(ActivityStatus.SUSPENDED.mayMoveTo(ActivityStatus.ONGOING)).isTrue();
        assertThat(ActivityStatus.SUSPENDED.mayMoveTo(ActivityStatus.COMPLETED)).isTrue();
        assertThat(ActivityStatus.PLANNED.mayMoveTo(ActivityStatus.COMPLETED)).isFalse();
        assertThat(ActivityStatus.COMPLETED.next()).isEmpty();
        assertThat(ActivityStatus.CANCELLED.next()).isEmpty();
    }

    @Test
    void spansCountWholeDaysBothEndsIncluded() {
        Span one = new Span(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1));
        assertThat(one.days()).isEqualTo(1);
        assertThat(Top15Plan.YEAR.days()).isEqualTo(365);
        assertThat(Top15Plan.months(2026, 1, 2026, 3).overlapDays(Top15Plan.months(2026, 3, 2026, 4))).isEqualTo(31);
        assertThat(Top15Plan.months(2026, 1, 2026, 2).intersection(Top15Plan.months(2026, 3, 2026, 4))).isEmpty();
        assertThatThrownBy(() -> new Span(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
