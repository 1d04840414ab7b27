package org.backbone.communication.domain.meeting;

import java.util.Comparator;
import java.util.List;

/**
 * An item Backbone suggests for a meeting's agenda, from what needs the partners now, with the
 * object it is about and the minutes it usually takes. Kinds in the order they are suggested: what
 * is late first (the partners' own promises), then the data's warnings, then the 3W's findings.
 */
public record Suggestion(Kind kind, String title, String service, String type, String id, String detail) {

    public enum Kind {
        ACTION_ITEM_OVERDUE(5),
        DECISION_REVIEW_DUE(10),
        INDICATOR_OFF_TRACK(15),
        INDICATOR_AT_RISK(10),
        REPORT_OVERDUE(5),
        GAP(10),
        OVERLAP(10);

        private final int minutes;

        Kind(int minutes) {
            this.minutes = minutes;
        }

        public int minutes() {
            return minutes;
        }
    }

    /**
     * How a finding's kind is suggested, if at all: an overlap when partners may duplicate each other,
     * a gap when a place and group lack (real) coverage. Upkeep of the 3W's data — stale reports, an
     * unallocated target, an orphaned activity, a partner that left — is staff's work, not the partners'
     * meeting's: not suggested.
     */
    public static java.util.Optional<Kind> ofFinding(String findingKind) {
        return switch (findingKind) {
            case "DUPLICATION_RISK", "DUPLICATE_RECORD", "OVER_COMMITTED" -> java.util.Optional.of(Kind.OVERLAP);
            case "UNCOVERED", "PLANNED_ONLY", "NOMINAL_ONLY" -> java.util.Optional.of(Kind.GAP);
            default -> java.util.Optional.empty();
        };
    }

    /** The suggestions in the order of their kinds, each kind's in the order given, at most {@code max}. */
    public static List<Suggestion> ordered(List<Suggestion> all, int max) {
        return all.stream().sorted(Comparator.comparing(Suggestion::kind)).limit(max).toList();
    }
}
