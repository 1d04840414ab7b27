package org.backbone.activity.api;

import java.util.List;
import org.backbone.activity.domain.ActivityDraft;
import org.backbone.activity.domain.Coverage;
import org.backbone.activity.persistence.ActivityEntity;
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
        return new Dtos.Finding(f.id, f.kind, f.state, f.goalId, f.location, f.targetGroup, f.period,
                List.of(f.activityIds), List.of(f.organisationIds), f.score, f.dismissedReason, f.openedAt, f.updatedAt);
    }

    static Dtos.Vocabulary of(Vocabularies.Vocabulary v) {
        return new Dtos.Vocabulary(v.kind().path(), v.entries().stream()
                .map(e -> new Dtos.Entry(e.code(), e.parent(), e.label())).toList(), v.version());
    }

    static Dtos.Settings of(VocabularyService.Settings s) {
        return new Dtos.Settings(s.coverageLevel(), s.period(), s.boundaries(), s.version());
    }
}
