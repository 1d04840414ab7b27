package org.backbone.activity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backbone.activity.domain.Top15Plan.ATID;
import static org.backbone.activity.domain.Top15Plan.MATHS;
import static org.backbone.activity.domain.Top15Plan.NEGEV;
import static org.backbone.activity.domain.Top15Plan.PLAN;
import static org.backbone.activity.domain.Top15Plan.TEACHING;
import static org.backbone.activity.domain.Top15Plan.YEAR;
import static org.backbone.activity.domain.Top15Plan.activity;
import static org.backbone.activity.domain.Top15Plan.in;
import static org.backbone.activity.domain.Top15Plan.months;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backbone.activity.domain.Coverage.Activity;
import org.backbone.activity.domain.Coverage.Cell;
import org.backbone.activity.domain.Coverage.Cover;
import org.backbone.activity.domain.Coverage.Gap;
import org.backbone.activity.domain.Coverage.Place;
import org.junit.jupiter.api.Test;

class CoverageTest {

    private static final Cell MATHS_HAIFA_GIRLS = new Cell(MATHS, "N-HAI", "girls-10-12");

    @Test
    void cellsAreLeafGoalsTimesCoverageLevelLocationsTimesTheGroupsEachGoalNames() {
        List<Cell> cells = Coverage.cells(PLAN, Map.of(MATHS, Set.of("pupils-10-12")));
        // maths names one group; teaching names none, so it takes every leaf group (girls 10-12, teachers)
        assertThat(cells).hasSize(3 + 3 * 2)
                .contains(new Cell(MATHS, "N-KAR", "pupils-10-12"), new Cell(TEACHING, "S-BS", "teachers"))
                .noneMatch(c -> c.location().equals("N") || c.location().equals("N-HAI-1"));
    }

    @Test
    void boundariesKeepTheCellsInsideThem() {
        Coverage.Plan south = new Coverage.Plan(Set.of(MATHS), Map.of(), Top15Plan.LOCATIONS, 2, Set.of("S"), Top15Plan.GROUPS);
        assertThat(Coverage.cells(south, Map.of(MATHS, Set.of("pupils")))).containsExactly(new Cell(MATHS, "S-BS", "pupils"));
    }

    @Test
    void aPlaceInsideTheCellCoversItAndACoarserOneOnlyNominallyUnlessItCoversTheWholeArea() {
        assertThat(cover(in("N-HAI"))).isEqualTo(Cover.FULL);
        assertThat(cover(in("N-HAI-1"))).isEqualTo(Cover.FULL);
        assertThat(cover(in("N"))).isEqualTo(Cover.NOMINAL);
        assertThat(cover(new Place("N", true))).isEqualTo(Cover.FULL);
        assertThat(cover(in("N-KAR"))).isEqualTo(Cover.NONE);
        assertThat(cover(in("S"))).isEqualTo(Cover.NONE);
    }

    @Test
    void targetGroupsCoverWhenOneLiesWithinTheOther() {
        assertThat(Coverage.cover(PLAN, withGroup("pupils"), MATHS_HAIFA_GIRLS, YEAR)).isEqualTo(Cover.FULL);
        assertThat(Coverage.cover(PLAN, withGroup("girls-10-12"), new Cell(MATHS, "N-HAI", "pupils-10-12"), YEAR))
                .isEqualTo(Cover.FULL);
        assertThat(Coverage.cover(PLAN, withGroup("teachers"), MATHS_HAIFA_GIRLS, YEAR)).isEqualTo(Cover.NONE);
    }

    @Test
    void anActivityCoversOnlyItsGoalsAndTheGoalsBelowThem() {
        Activity forRoot = new Activity(new java.util.UUID(0, 9), ATID, "club", Set.of(Top15Plan.ROOT), List.of(in("N-HAI")),
                Set.of("girls-10-12"), YEAR, ActivityStatus.ONGOING);
        // serving the root is not serving each goal below it: the leaf cell needs an activity for that goal
        assertThat(Coverage.cover(PLAN, forRoot, MATHS_HAIFA_GIRLS, YEAR)).isEqualTo(Cover.NONE);
        assertThat(Coverage.cover(PLAN, activity(1, ATID, "club", TEACHING, in("N-HAI"), "girls-10-12", YEAR,
                ActivityStatus.ONGOING), MATHS_HAIFA_GIRLS, YEAR)).isEqualTo(Cover.NONE);
    }

    @Test
    void theSpanMustShareAtLeastAQuarterOfThePeriod() {
        // the year has 365 days: a quarter is 91.25, so 92 days cover and 91 do not
        Span july = new Span(java.time.LocalDate.of(2026, 6, 1), java.time.LocalDate.of(2026, 8, 31));
        Span shorter = new Span(java.time.LocalDate.of(2026, 6, 2), java.time.LocalDate.of(2026, 8, 31));
        assertThat(july.days()).isEqualTo(92);
        assertThat(Coverage.cover(PLAN, withSpan(july), MATHS_HAIFA_GIRLS, YEAR)).isEqualTo(Cover.FULL);
        assertThat(Coverage.cover(PLAN, withSpan(shorter), MATHS_HAIFA_GIRLS, YEAR)).isEqualTo(Cover.NONE);
        assertThat(Coverage.cover(PLAN, withSpan(months(2024, 9, 2025, 8)), MATHS_HAIFA_GIRLS, YEAR)).isEqualTo(Cover.NONE);
    }

    @Test
    void aCancelledActivityCoversNothing() {
        assertThat(Coverage.cover(PLAN, activity(1, ATID, "club", MATHS, in("N-HAI"), "girls-10-12", YEAR,
                ActivityStatus.CANCELLED), MATHS_HAIFA_GIRLS, YEAR)).isEqualTo(Cover.NONE);
    }

    @Test
    void gapsAreNamedByTheBestCoverTheCellHas() {
        Activity ongoing = activity(1, ATID, "club", MATHS, in("N-HAI"), "girls-10-12", YEAR, ActivityStatus.ONGOING);
        Activity completed = activity(2, ATID, "club", MATHS, in("N-HAI"), "girls-10-12", YEAR, ActivityStatus.COMPLETED);
        Activity planned = activity(3, NEGEV, "club", MATHS, in("N-HAI"), "girls-10-12", YEAR, ActivityStatus.PLANNED);
        Activity suspended = activity(4, NEGEV, "club", MATHS, in("N-HAI"), "girls-10-12", YEAR, ActivityStatus.SUSPENDED);
        Activity nominal = activity(5, NEGEV, "club", MATHS, in("N"), "girls-10-12", YEAR, ActivityStatus.ONGOING);
        Activity elsewhere = activity(6, NEGEV, "club", MATHS, in("S-BS"), "girls-10-12", YEAR, ActivityStatus.ONGOING);

        assertThat(gap(ongoing, planned, nominal)).isEmpty();
        assertThat(gap(completed)).isEmpty();
        assertThat(gap(planned, nominal)).contains(Gap.PLANNED_ONLY);
        assertThat(gap(suspended)).contains(Gap.PLANNED_ONLY);
        assertThat(gap(nominal, elsewhere)).contains(Gap.NOMINAL_ONLY);
        assertThat(gap(elsewhere)).contains(Gap.UNCOVERED);
        assertThat(gap()).contains(Gap.UNCOVERED);
    }

    private static java.util.Optional<Gap> gap(Activity... activities) {
        return Coverage.gap(PLAN, MATHS_HAIFA_GIRLS, YEAR, List.of(activities));
    }

    private static Cover cover(Place place) {
        return Coverage.cover(PLAN, activity(1, ATID, "club", MATHS, place, "girls-10-12", YEAR, ActivityStatus.ONGOING),
                MATHS_HAIFA_GIRLS, YEAR);
    }

    private static Activity withGroup(String group) {
        return activity(1, ATID, "club", MATHS, in("N-HAI"), group, YEAR, ActivityStatus.ONGOING);
    }

    private static Activity withSpan(Span span) {
        return activity(1, ATID, "club", MATHS, in("N-HAI"), "girls-10-12", span, ActivityStatus.ONGOING);
    }
}
