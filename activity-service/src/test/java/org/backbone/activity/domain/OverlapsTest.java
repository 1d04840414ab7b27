package org.backbone.activity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backbone.activity.domain.Top15Plan.ATID;
import static org.backbone.activity.domain.Top15Plan.MATHS;
import static org.backbone.activity.domain.Top15Plan.NEGEV;
import static org.backbone.activity.domain.Top15Plan.PLAN;
import static org.backbone.activity.domain.Top15Plan.YEAR;
import static org.backbone.activity.domain.Top15Plan.activity;
import static org.backbone.activity.domain.Top15Plan.in;
import static org.backbone.activity.domain.Top15Plan.months;

import java.util.List;
import org.backbone.activity.domain.Coverage.Activity;
import org.backbone.activity.domain.Coverage.Cell;
import org.backbone.activity.domain.Overlaps.Kind;
import org.backbone.activity.domain.Overlaps.Overlap;
import org.junit.jupiter.api.Test;

class OverlapsTest {

    private static final Cell CELL = new Cell(MATHS, "N-HAI", "pupils-10-12");

    @Test
    void twoPartnersRunningTheSameKindOfActivityForTheSamePupilsAtTheSameTimeRiskDuplication() {
        Activity atid = activity(1, ATID, "after-school-club", MATHS, in("N-HAI"), "pupils-10-12", YEAR, ActivityStatus.ONGOING);
        Activity negev = activity(2, NEGEV, "after-school-club", MATHS, in("N-HAI"), "pupils-10-12", YEAR,
                ActivityStatus.PLANNED);
        assertThat(overlaps(atid, negev)).containsExactly(new Overlap(Kind.DUPLICATION_RISK, CELL, atid.id(), negev.id(), 100));
    }

    @Test
    void theScoreFallsWithLessSharedTimeFewerSharedGroupsAndOtherSites() {
        Activity atid = new Activity(new java.util.UUID(0, 1), ATID, "club", java.util.Set.of(MATHS),
                List.of(in("N-HAI")), java.util.Set.of("girls-10-12", "teachers"), YEAR, ActivityStatus.ONGOING);
        Activity negev = activity(2, NEGEV, "club", MATHS, in("N-HAI-1"), "pupils-10-12", months(2026, 3, 2026, 8),
                ActivityStatus.ONGOING);
        // groups: half of Atid's overlap, all of Negev's (0.75); time: all of the shorter span (1.0); other sites (10)
        assertThat(overlaps(atid, negev)).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(Kind.DUPLICATION_RISK);
            assertThat(o.score()).isEqualTo(30 + 40 + 10);
        });
    }

    @Test
    void differentTypesInOneCellReinforceEachOtherAndAreNeverFlagged() {
        assertThat(overlaps(activity(1, ATID, "teacher-training", MATHS, in("N-HAI"), "pupils-10-12", YEAR,
                ActivityStatus.ONGOING), activity(2, NEGEV, "internship", MATHS, in("N-HAI"), "pupils-10-12", YEAR,
                ActivityStatus.ONGOING))).isEmpty();
    }

    @Test
    void onlyOngoingAndPlannedActivitiesThatFullyCoverTheCellCount() {
        Activity atid = activity(1, ATID, "club", MATHS, in("N-HAI"), "pupils-10-12", YEAR, ActivityStatus.ONGOING);
        assertThat(overlaps(atid, activity(2, NEGEV, "club", MATHS, in("N-HAI"), "pupils-10-12", YEAR,
                ActivityStatus.SUSPENDED))).isEmpty();
        assertThat(overlaps(atid, activity(3, NEGEV, "club", MATHS, in("N-HAI"), "pupils-10-12", YEAR,
                ActivityStatus.COMPLETED))).isEmpty();
        // a region-wide activity covers the municipality only nominally
        assertThat(overlaps(atid, activity(4, NEGEV, "club", MATHS, in("N"), "pupils-10-12", YEAR,
                ActivityStatus.ONGOING))).isEmpty();
    }

    @Test
    void theyMustRunTogetherForAQuarterOfTheShorterSpanInsideThePeriod() {
        Activity autumn = activity(1, ATID, "club", MATHS, in("N-HAI"), "pupils-10-12", months(2025, 9, 2026, 2),
                ActivityStatus.ONGOING);
        Activity spring = activity(2, NEGEV, "club", MATHS, in("N-HAI"), "pupils-10-12", months(2026, 2, 2026, 8),
                ActivityStatus.PLANNED);
        Activity wide = activity(3, NEGEV, "club", MATHS, in("N-HAI"), "pupils-10-12", months(2025, 12, 2026, 8),
                ActivityStatus.PLANNED);
        // autumn and spring share February only (28 of 181 days); autumn and wide share December to February
        assertThat(overlaps(autumn, spring)).isEmpty();
        assertThat(overlaps(autumn, wide)).extracting(Overlap::second).containsExactly(wide.id());
    }

    @Test
    void theSamePartnerTwiceWithTheSamePlaceAndDatesIsADuplicateRecord() {
        Activity first = activity(1, ATID, "club", MATHS, in("N-HAI"), "pupils-10-12", YEAR, ActivityStatus.ONGOING);
        Activity again = activity(2, ATID, "club", MATHS, in("N-HAI"), "pupils-10-12", YEAR, ActivityStatus.PLANNED);
        Activity later = activity(3, ATID, "club", MATHS, in("N-HAI"), "pupils-10-12", months(2026, 1, 2026, 8),
                ActivityStatus.PLANNED);
        assertThat(overlaps(first, again, later))
                .containsExactly(new Overlap(Kind.DUPLICATE_RECORD, CELL, first.id(), again.id(), 100));
    }

    private static List<Overlap> overlaps(Activity... activities) {
        return Overlaps.in(PLAN, CELL, YEAR, List.of(activities));
    }
}
