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

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backbone.activity.domain.Assessment.Area;
import org.backbone.activity.domain.Assessment.Finding;
import org.backbone.contracts.activity.FindingKind;
import org.junit.jupiter.api.Test;

class AssessmentTest {

    private final Coverage.Activity haifaClub = activity(1, ATID, "club", MATHS, in("N-HAI-1"), "girls-10-12", YEAR,
            ActivityStatus.ONGOING);
    private final Coverage.Activity haifaClubToo = activity(2, NEGEV, "club", MATHS, in("N-HAI"), "pupils-10-12", YEAR,
            ActivityStatus.PLANNED);
    private final Coverage.Activity northTraining = activity(3, NEGEV, "training", TEACHING, in("N"), "teachers", YEAR,
            ActivityStatus.ONGOING);

    @Test
    void aSchoolCountsInItsMunicipalityAndARegionInEachOfItsMunicipalities() {
        assertThat(Assessment.areas(PLAN, haifaClub)).containsExactly(new Area(MATHS, "N-HAI"));
        assertThat(Assessment.areas(PLAN, northTraining))
                .containsExactlyInAnyOrder(new Area(TEACHING, "N-HAI"), new Area(TEACHING, "N-KAR"));
    }

    @Test
    void aParentGoalNamesNoArea() {
        Coverage.Activity forRoot = activity(4, ATID, "club", Top15Plan.ROOT, in("N-HAI"), "pupils", YEAR,
                ActivityStatus.ONGOING);
        assertThat(Assessment.areas(PLAN, forRoot)).isEmpty();
    }

    @Test
    void findsGapsAndOverlapsOfTheWorkedExample() {
        List<Coverage.Activity> all = List.of(haifaClub, haifaClubToo, northTraining);
        List<Finding> findings = Assessment.coverage(PLAN, YEAR, Assessment.allAreas(PLAN), all,
                Assessment.namedGroups(PLAN, all));
        assertThat(findings).filteredOn(f -> f.kind() == FindingKind.DUPLICATION_RISK).singleElement()
                .satisfies(f -> assertThat(f.organisations()).containsExactlyInAnyOrder(ATID, NEGEV));
        // maths names girls 10-12 and pupils 10-12: Karmiel and Be'er Sheva are uncovered for both
        assertThat(findings).filteredOn(f -> f.kind() == FindingKind.UNCOVERED).extracting(f -> f.cell().location())
                .containsOnly("N-KAR", "S-BS");
        // teachers in the north are covered only nominally by a region-wide training
        assertThat(findings).filteredOn(f -> f.kind() == FindingKind.NOMINAL_ONLY)
                .extracting(f -> f.cell().location()).containsExactlyInAnyOrder("N-HAI", "N-KAR");
    }

    @Test
    void anAssessmentOfTheAreasAChangeTouchesAgreesWithAFullOne() {
        List<Coverage.Activity> before = List.of(haifaClub, northTraining);
        List<Coverage.Activity> after = List.of(haifaClub, haifaClubToo, northTraining);
        Set<Area> touched = new HashSet<>(Assessment.areas(PLAN, haifaClubToo));
        List<Finding> full = Assessment.coverage(PLAN, YEAR, Assessment.allAreas(PLAN), after,
                Assessment.namedGroups(PLAN, after));
        List<Finding> untouched = Assessment.coverage(PLAN, YEAR, Assessment.allAreas(PLAN), before,
                Assessment.namedGroups(PLAN, before)).stream()
                .filter(f -> !touched.contains(new Area(f.cell().goal(), f.cell().location()))).toList();
        List<Finding> incremental = Assessment.coverage(PLAN, YEAR, touched, after, Assessment.namedGroups(PLAN, after));
        // the new activity names a new group for maths, so every maths area changes: the caller must widen
        assertThat(Assessment.namedGroups(PLAN, after)).isNotEqualTo(Assessment.namedGroups(PLAN, before));
        Set<Area> widened = new HashSet<>(touched);
        Assessment.allAreas(PLAN).stream().filter(a -> a.goal().equals(MATHS)).forEach(widened::add);
        List<Finding> widenedIncremental = Assessment.coverage(PLAN, YEAR, widened, after,
                Assessment.namedGroups(PLAN, after));
        List<Finding> rest = untouched.stream().filter(f -> !widened.contains(new Area(f.cell().goal(), f.cell().location())))
                .toList();
        assertThat(incremental).isNotEmpty();
        assertThat(new HashSet<>(concat(rest, widenedIncremental))).isEqualTo(new HashSet<>(full));
    }

    private static List<Finding> concat(List<Finding> a, List<Finding> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
