package org.backbone.activity.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.backbone.activity.domain.ReachReports;
import org.backbone.activity.domain.VocabularyKind;
import org.backbone.activity.persistence.ActivityEntity;
import org.backbone.activity.persistence.ReachReportEntity;
import org.backbone.activity.persistence.Vocabularies;
import org.backbone.contracts.activity.ReachLine;
import org.backbone.contracts.activity.ReportReviewed;
import org.backbone.contracts.activity.ReportStatus;
import org.backbone.contracts.activity.ReportSubmitted;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.http.ETags;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;

/**
 * Reach reports of activities: everyone who reads the activity reads its reports; staff and the
 * partners responsible for the activity submit them; staff accept them or send them back. A report
 * changes the activity's STALE finding in the same transaction.
 */
@ApplicationScoped
public class ReportService {

    private final InitiativeAccess access;
    private final Vocabularies vocabularies;
    private final Outbox outbox;
    private final Assessor assessor;

    ReportService(InitiativeAccess access, Vocabularies vocabularies, Outbox outbox, Assessor assessor) {
        this.access = access;
        this.vocabularies = vocabularies;
        this.outbox = outbox;
        this.assessor = assessor;
    }

    /** A quarter of an activity: its report, or null while it is DUE. */
    public record Quarter(String period, ReportStatus status, ReachReportEntity report) {
    }

    /** What the activity has reported, and the quarters due without a report, latest first. */
    @WithSession
    public Uni<List<Quarter>> list(Caller caller, UUID initiative, UUID activity) {
        return access.readable(caller, initiative).chain(() -> ActivityService.find(initiative, activity))
                .chain(a -> ReachReportEntity.<ReachReportEntity>list("activityId", activity).map(reports -> {
                    Map<String, ReachReportEntity> byPeriod = reports.stream()
                            .collect(Collectors.toMap(r -> r.period, Function.identity()));
                    List<Quarter> quarters = new ArrayList<>();
                    reports.forEach(r -> quarters.add(new Quarter(r.period, ReportStatus.valueOf(r.status.name()), r)));
                    ReachReports.due(a.actualStart, a.actualEnd, LocalDate.now(ZoneOffset.UTC)).stream()
                            .filter(q -> !byPeriod.containsKey(q.code()))
                            .forEach(q -> quarters.add(new Quarter(q.code(), ReportStatus.DUE, null)));
                    quarters.sort(Comparator.comparing((Quarter q) -> ReachReports.quarter(q.period())
                            .map(p -> p.start()).orElse(LocalDate.MIN)).reversed());
                    return quarters;
                }));
    }

    /** Submits (or, until it is accepted, submits again) the report of one quarter. */
    @WithTransaction
    public Uni<ReachReportEntity> submit(Caller caller, UUID initiative, UUID activity, String period,
            List<ReachReports.Line> lines, String narrative) {
        return access.readable(caller, initiative).chain(() -> ActivityService.find(initiative, activity))
                .chain(a -> {
                    ActivityService.requireResponsible(caller, a.draft(), "report the reach of");
                    return validate(initiative, a, period, lines)
                            .chain(() -> ReachReportEntity.<ReachReportEntity>find("activityId = ?1 and period = ?2",
                                    activity, period).<ReachReportEntity>firstResult())
                            .chain(existing -> {
                                if (existing != null && existing.status == ReachReports.Status.ACCEPTED) {
                                    throw ProblemException.of(List.of(FieldProblem.conflict("period",
                                            "the report of " + period + " is accepted; it can no longer change")));
                                }
                                ReachReportEntity r = existing != null ? existing : new ReachReportEntity();
                                if (existing == null) {
                                    r.id = UUID.randomUUID();
                                    r.initiativeId = initiative;
                                    r.activityId = activity;
                                    r.period = period;
                                }
                                r.status = ReachReports.Status.SUBMITTED;
                                r.lines = new ReachReportEntity.Lines(List.copyOf(lines));
                                r.totalReached = lines.stream().mapToLong(ReachReports.Line::reached).sum();
                                r.narrative = narrative;
                                r.submittedBy = caller.subject();
                                r.submittedAt = OffsetDateTime.now(ZoneOffset.UTC);
                                r.reviewedBy = null;
                                r.reviewedAt = null;
                                r.reviewComment = null;
                                return r.<ReachReportEntity>persistAndFlush();
                            });
                })
                .call(r -> outbox.append(new ReportSubmitted(initiative, r.id, activity, r.period, r.lines.lines()
                        .stream().map(l -> new ReachLine(l.targetGroup(), l.location(), l.reached())).toList(),
                        r.version)))
                .call(r -> assessor.ownFindings(initiative, activity));
    }

    /** Staff accept a submitted report, or send it back with a comment. */
    @WithTransaction
    public Uni<ReachReportEntity> review(Caller caller, UUID initiative, UUID activity, UUID report, String ifMatch,
            ReachReports.Status decision, String comment) {
        return access.administrable(caller, initiative, "review reach reports")
                .chain(() -> ReachReportEntity.<ReachReportEntity>findById(report))
                .map(r -> r == null || !r.activityId.equals(activity) || !r.initiativeId.equals(initiative) ? null : r)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("report " + report))
                .chain(r -> {
                    if (ifMatch != null) {
                        ETags.requireMatch(ifMatch, r.version);
                    }
                    List<FieldProblem> problems = new ArrayList<>();
                    if (decision == ReachReports.Status.SUBMITTED) {
                        problems.add(new FieldProblem("status", "must be ACCEPTED or SENT_BACK"));
                    }
                    if (decision == ReachReports.Status.SENT_BACK && (comment == null || comment.isBlank())) {
                        problems.add(new FieldProblem("comment", "is needed to send a report back"));
                    }
                    if (r.status != ReachReports.Status.SUBMITTED) {
                        problems.add(FieldProblem.conflict("status", "the report is " + r.status
                                + "; only a SUBMITTED one is reviewed"));
                    }
                    if (!problems.isEmpty()) {
                        throw ProblemException.of(problems);
                    }
                    r.status = decision;
                    r.reviewedBy = caller.subject();
                    r.reviewedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    r.reviewComment = comment;
                    return r.<ReachReportEntity>persistAndFlush();
                })
                .call(r -> outbox.append(new ReportReviewed(initiative, r.id, activity, r.period,
                        ReportStatus.valueOf(r.status.name()), r.reviewComment, r.version)))
                .call(r -> assessor.ownFindings(initiative, activity));
    }

    private Uni<Void> validate(UUID initiative, ActivityEntity a, String period, List<ReachReports.Line> lines) {
        return vocabularies.get(initiative, VocabularyKind.TARGET_GROUP)
                .chain(groups -> vocabularies.get(initiative, VocabularyKind.LOCATION).invoke(locations -> {
                    ReachReports.Subject subject = new ReachReports.Subject(a.status, a.actualStart, a.actualEnd,
                            Set.copyOf(List.of(a.targetGroups)), Set.copyOf(List.of(a.locationCodes)));
                    List<FieldProblem> problems = ReachReports.problems(period, lines, subject, groups.tree(),
                            locations.tree(), LocalDate.now(ZoneOffset.UTC));
                    if (!problems.isEmpty()) {
                        throw ProblemException.of(problems);
                    }
                })).replaceWithVoid();
    }
}
