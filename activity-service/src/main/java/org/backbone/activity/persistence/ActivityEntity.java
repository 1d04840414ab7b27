package org.backbone.activity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.backbone.activity.domain.ActivityDraft;
import org.backbone.activity.domain.ActivityStatus;
import org.backbone.activity.domain.Coverage;
import org.backbone.activity.domain.Span;
import org.backbone.contracts.activity.Participant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "activity")
public class ActivityEntity extends PanacheEntityBase {

    /** The parts of an activity that are only ever read whole (a JSON object: Hibernate Reactive maps no JSON arrays). */
    public record Details(List<Participant> participants, List<Coverage.Place> places,
            List<ActivityDraft.Reach> plannedReach, ActivityDraft.Budget budget) {
    }

    @Id
    public UUID id;
    @Column(name = "initiative_id")
    public UUID initiativeId;
    public String title;
    public String description;
    @Column(name = "activity_type")
    public String activityType;
    @Enumerated(EnumType.STRING)
    public ActivityStatus status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "lead_organisation")
    public UUID leadOrganisation;
    @Column(name = "organisation_ids")
    public UUID[] organisationIds;
    @Column(name = "goal_ids")
    public UUID[] goalIds;
    @Column(name = "location_codes")
    public String[] locationCodes;
    @Column(name = "target_groups")
    public String[] targetGroups;
    /** The places marked as covering their whole area (also in details: these are for the assessment's reads). */
    @Column(name = "whole_areas")
    public String[] wholeAreas;
    @Column(name = "implementer_ids")
    public UUID[] implementerIds;
    @JdbcTypeCode(SqlTypes.JSON)
    public Details details;
    @Column(name = "planned_start")
    public LocalDate plannedStart;
    @Column(name = "planned_end")
    public LocalDate plannedEnd;
    @Column(name = "actual_start")
    public LocalDate actualStart;
    @Column(name = "actual_end")
    public LocalDate actualEnd;
    @Column(name = "iati_identifier")
    public String iatiIdentifier;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    /** Sets every described field from {@code draft}. */
    public void describe(ActivityDraft draft) {
        title = draft.title();
        description = draft.description();
        activityType = draft.activityType();
        details = new Details(List.copyOf(draft.participants()), List.copyOf(draft.places()),
                List.copyOf(draft.plannedReach()), draft.budget());
        leadOrganisation = draft.participants().stream()
                .filter(p -> p.role() == org.backbone.contracts.activity.ParticipationRole.IMPLEMENTING)
                .map(Participant::organisationId).findFirst().orElseThrow();
        organisationIds = draft.participants().stream().map(Participant::organisationId).distinct().toArray(UUID[]::new);
        goalIds = draft.goalIds().toArray(UUID[]::new);
        locationCodes = draft.places().stream().map(Coverage.Place::location).distinct().toArray(String[]::new);
        targetGroups = draft.targetGroups().toArray(String[]::new);
        wholeAreas = draft.places().stream().filter(Coverage.Place::wholeArea).map(Coverage.Place::location).distinct()
                .toArray(String[]::new);
        implementerIds = draft.participants().stream()
                .filter(p -> p.role() == org.backbone.contracts.activity.ParticipationRole.IMPLEMENTING)
                .map(Participant::organisationId).distinct().toArray(UUID[]::new);
        plannedStart = draft.plannedStart();
        plannedEnd = draft.plannedEnd();
        iatiIdentifier = draft.iatiIdentifier();
    }

    public ActivityDraft draft() {
        return new ActivityDraft(title, description, activityType, details.participants(), List.of(goalIds),
                details.places(), List.of(targetGroups), plannedStart, plannedEnd, details.plannedReach(),
                details.budget(), iatiIdentifier);
    }

    /** What coverage needs of it: the span is the actual one where known, else the planned one. */
    public Coverage.Activity forCoverage() {
        return ActivityRows.forCoverage(id, leadOrganisation, activityType, status, List.of(goalIds), List.of(targetGroups),
                List.of(locationCodes), List.of(wholeAreas), Span.of(plannedStart, plannedEnd, actualStart, actualEnd));
    }

    /** What assessing it needs, as {@link ActivityRows#assessable} reads it for every activity. */
    public ActivityRows.Assessable assessable() {
        return new ActivityRows.Assessable(forCoverage(), Set.of(implementerIds), plannedStart, plannedEnd, actualStart,
                actualEnd);
    }

    public boolean involves(UUID organisation) {
        return List.of(organisationIds).contains(organisation);
    }
}
