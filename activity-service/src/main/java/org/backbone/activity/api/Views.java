package org.backbone.activity.api;

import java.util.List;
import org.backbone.activity.domain.ActivityDraft;
import org.backbone.activity.domain.Coverage;
import org.backbone.activity.persistence.ActivityEntity;
import org.backbone.activity.persistence.CommitmentEntity;
import org.backbone.activity.persistence.ReachReportEntity;
import org.backbone.activity.service.CommitmentService;
import org.backbone.activity.service.ReportService;
import org.backbone.contracts.activity.ReportStatus;
import org.backbone.activity.persistence.FindingEntity;
import org.backbone.activity.persistence.Vocabularies;
import org.backbone.activity.service.VocabularyService;
import org.backbone.contracts.activity.Participant;

/** Maps between the API's bodies and the domain and stored forms. */
final class Views {

    private Views() {
    }

    static ActivityDraft draft(Dtos.ActivityBody b) {
        return new ActivityDraft(b.title(), b.description(), b.activityType(),
                b.participants().stream().map(p -> new Participant(p.organisationId(), p.role())).toList(),
                List.copyOf(b.goalIds()), b.places().stream().map(p -> new Coverage.Place(p.location(), p.wholeArea())).toList(),
                List.copyOf(b.targetGroups()), b.plannedStart(), b.plannedEnd(),
                b.plannedReach() == null ? List.of() : b.plannedReach().stream()
                        .map(r -> new ActivityDraft.Reach(r.targetGroup(), r.location(), r.count())).toList(),
                b.budget() == null ? null : new ActivityDraft.Budget(b.budget().amount(), b.budget().currency(),
                        b.budget().funder()),
                b.iatiIdentifier());
    }

    static Dtos.Activity of(ActivityEntity a, boolean withBudget) {
        ActivityDraft.Budget budget = withBudget ? a.details.budget() : null;
        return new Dtos.Activity(a.id, a.initiativeId, a.title, a.description, a.activityType, a.status, a.statusReason,
                a.details.participants().stream().map(p -> new Dtos.ParticipantBody(p.organisationId(), p.role())).toList(),
                List.of(a.goalIds), a.details.places().stream().map(p -> new Dtos.PlaceBody(p.location(), p.wholeArea())).toList(),
                List.of(a.targetGroups), a.plannedStart, a.plannedEnd, a.actualStart, a.actualEnd,
                a.details.plannedReach().stream().map(r -> new Dtos.ReachBody(r.targetGroup(), r.location(), r.count())).toList(),
                budget == null ? null : new Dtos.BudgetBody(budget.amount(), budget.currency(), budget.funder()),
                a.iatiIdentifier, a.createdAt, a.updatedAt, a.version);
    }

    static Dtos.Finding of(FindingEntity f) {
        return new Dtos.Finding(f.id, f.kind, f.state, f.goalId, f.location, f.targetGroup, f.period, f.indicatorId,
                List.of(f.activityIds), List.of(f.organisationIds), f.score, f.dismissedReason, f.openedAt, f.updatedAt);
    }

    static Dtos.Vocabulary of(Vocabularies.Vocabulary v) {
        return new Dtos.Vocabulary(v.kind().path(), v.entries().stream()
                .map(e -> new Dtos.Entry(e.code(), e.parent(), e.label())).toList(), v.version());
    }

    static Dtos.Settings of(VocabularyService.Settings s) {
        return new Dtos.Settings(s.coverageLevel(), s.period(), s.boundaries(), s.version());
    }

    static Dtos.Report of(ReportService.Quarter q) {
        ReachReportEntity r = q.report();
        if (r == null) {
            return new Dtos.Report(null, q.period(), q.status(), List.of(), null, null, null, null, null, null);
        }
        return new Dtos.Report(r.id, r.period, q.status(), r.lines.lines().stream()
                .map(l -> new Dtos.ReachLineBody(l.targetGroup(), l.location(), l.reached())).toList(), r.totalReached,
                r.narrative, r.submittedAt, r.reviewComment, r.reviewedAt, r.version);
    }

    static Dtos.Report of(ReachReportEntity r) {
        return of(new ReportService.Quarter(r.period, ReportStatus.valueOf(r.status.name()), r));
    }

    static Dtos.Commitment of(CommitmentEntity c) {
        return new Dtos.Commitment(c.id, c.organisationId, c.indicatorId, c.period, c.location, c.amount, c.note,
                c.withdrawn, c.createdAt);
    }

    static Dtos.LedgerLine of(CommitmentService.LedgerView v) {
        return new Dtos.LedgerLine(v.indicator().id, v.indicator().code, v.period().code(),
                v.indicator().aggregation.name(), v.line().additive(), v.line().target().orElse(null),
                v.line().committed().orElse(null), v.line().unallocated().orElse(null),
                v.line().overCommitted().orElse(null), v.line().findings().stream().map(Enum::name).toList(),
                v.commitments().stream().map(Views::of).toList());
    }
}
