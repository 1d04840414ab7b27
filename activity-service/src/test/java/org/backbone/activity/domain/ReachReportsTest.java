package org.backbone.activity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.backbone.activity.domain.ReachReports.Line;
import org.backbone.activity.domain.ReachReports.Subject;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.domain.Period;
import org.junit.jupiter.api.Test;

class ReachReportsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 2, 15);
    private static final Subject RUNNING = new Subject(ActivityStatus.ONGOING, LocalDate.of(2025, 9, 1), null,
            Set.of("pupils-10-12"), Set.of("N-HAI"));

    private static List<FieldProblem> problems(String period, Subject subject, Line... lines) {
        return ReachReports.problems(period, List.of(lines), subject, Top15Plan.GROUPS, Top15Plan.LOCATIONS, TODAY);
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    @Test
    void aReportOfAGroupInsideTheServedOneInAPlaceInsideTheActivitysIsTaken() {
        assertThat(problems("2025Q4", RUNNING, new Line("girls-10-12", "N-HAI-1", 40),
                new Line("pupils-10-12", "N-HAI", 120))).isEmpty();
    }

    @Test
    void aPlannedActivityHasNothingToReportAndSaysSoAsAConflict() {
        Subject planned = new Subject(ActivityStatus.PLANNED, null, null, Set.of("pupils"), Set.of("N"));
        List<FieldProblem> problems = problems("2025Q4", planned, new Line("pupils", "N", 1));
        assertThat(problems).extracting(FieldProblem::field, FieldProblem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("status", FieldProblem.Kind.CONFLICT));
    }

    @Test
    void periodsMustBeQuartersThatHaveBegunAndThatTheActivityRanIn() {
        assertThat(fields(problems("2025Sep", RUNNING))).containsExactly("period");
        assertThat(fields(problems("2026Q2", RUNNING))).containsExactly("period");
        assertThat(fields(problems("2025Q2", RUNNING))).containsExactly("period");
        Subject ended = new Subject(ActivityStatus.COMPLETED, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30),
                Set.of("pupils-10-12"), Set.of("N-HAI"));
        assertThat(fields(problems("2025Q4", ended))).containsExactly("period");
        assertThat(problems("2025Q3", ended)).isEmpty();
    }

    @Test
    void linesOutsideTheActivitysGroupsOrPlacesOrRangeOrRepeatedAreNamed() {
        assertThat(fields(problems("2025Q4", RUNNING,
                new Line("teachers", "N-HAI", 1),
                new Line("pupils-10-12", "N-KAR", 1),
                new Line("nobody", "nowhere", 1),
                new Line("pupils", "N-HAI", ReachReports.MAX_REACHED + 1),
                new Line("pupils", "N-HAI", -1))))
                .containsExactly("lines[0].targetGroup", "lines[1].location", "lines[2].targetGroup",
                        "lines[2].location", "lines[3].reached", "lines[4].reached", "lines[4]");
    }

    @Test
    void quartersAreDueOnceTheyEndFromTheActualStartToTheActualEnd() {
        assertThat(ReachReports.due(LocalDate.of(2025, 8, 20), null, TODAY)).extracting(Period::code)
                .containsExactly("2025Q3", "2025Q4");
        assertThat(ReachReports.due(LocalDate.of(2025, 8, 20), LocalDate.of(2025, 10, 3), TODAY))
                .extracting(Period::code).containsExactly("2025Q3", "2025Q4");
        assertThat(ReachReports.due(LocalDate.of(2026, 1, 5), null, TODAY)).isEmpty();
        assertThat(ReachReports.due(null, null, TODAY)).isEmpty();
    }

    @Test
    void onlyTheLatestUnreportedQuartersInARowCount() {
        List<Period> due = ReachReports.due(LocalDate.of(2025, 1, 1), null, TODAY);
        assertThat(ReachReports.unreportedInARow(due, Set.of())).isEqualTo(4);
        assertThat(ReachReports.unreportedInARow(due, Set.of("2025Q3"))).isEqualTo(1);
        assertThat(ReachReports.unreportedInARow(due, Set.of("2025Q4"))).isZero();
    }
}
