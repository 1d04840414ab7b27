package org.backbone.communication.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.backbone.communication.domain.meeting.Suggestion;
import org.backbone.communication.domain.meeting.Suggestion.Kind;
import org.junit.jupiter.api.Test;

class SuggestionTest {

    private static Suggestion of(Kind kind, String title) {
        return new Suggestion(kind, title, "s", "t", title, "");
    }

    @Test
    void whatIsLateComesFirstThenTheDataThenTheFindingsEachInTheOrderGiven() {
        List<Suggestion> ordered = Suggestion.ordered(List.of(of(Kind.GAP, "g1"), of(Kind.INDICATOR_AT_RISK, "i1"),
                of(Kind.ACTION_ITEM_OVERDUE, "a1"), of(Kind.GAP, "g2"), of(Kind.INDICATOR_OFF_TRACK, "i2")), 10);
        assertThat(ordered).extracting(Suggestion::title).containsExactly("a1", "i2", "i1", "g1", "g2");
        assertThat(Suggestion.ordered(ordered, 2)).extracting(Suggestion::title).containsExactly("a1", "i2");
    }

    @Test
    void duplicationAndOverCommitmentAreOverlapsTheRestGaps() {
        assertThat(Suggestion.ofFinding("DUPLICATION_RISK")).contains(Kind.OVERLAP);
        assertThat(Suggestion.ofFinding("OVER_COMMITTED")).contains(Kind.OVERLAP);
        assertThat(Suggestion.ofFinding("UNCOVERED")).contains(Kind.GAP);
        assertThat(Suggestion.ofFinding("PLANNED_ONLY")).contains(Kind.GAP);
        assertThat(Suggestion.ofFinding("STALE")).isEmpty();
        assertThat(Suggestion.ofFinding("UNALLOCATED_TARGET")).isEmpty();
    }
}
