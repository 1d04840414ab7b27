package org.backbone.activity.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.backbone.activity.domain.ActivityDraft;
import org.backbone.activity.domain.ActivityRules;
import org.backbone.activity.domain.ActivityStatus;
import org.backbone.activity.domain.Coverage;
import org.backbone.activity.domain.ReachReports;
import org.backbone.activity.domain.Transition;
import org.backbone.activity.domain.VocabularyKind;
import org.backbone.activity.persistence.ActivityEntity;
import org.backbone.activity.persistence.ReachReportEntity;
import org.backbone.activity.persistence.Vocabularies;
import org.backbone.contracts.activity.ActivityDeleted;
import org.backbone.contracts.activity.ActivityRegistered;
import org.backbone.contracts.activity.ActivityStatusChanged;
import org.backbone.contracts.activity.ActivityUpdated;
import org.backbone.contracts.activity.ParticipationRole;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.agenda.AgendaProjection;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.domain.Period;
import org.backbone.kit.http.ETags;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.paging.Cursor;
import org.backbone.kit.paging.Page;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;

/**
 * The 3W of an initiative. Everyone who may read the initiative reads its activities (budgets only
 * staff and the activity's own organisations); staff change any, a partner only those its
 * organisation implements or is accountable for. Every change reassesses the findings it can affect
 * in the same transaction.
 */
@ApplicationScoped
public class ActivityService {

    private static final Set<ParticipationRole> RESPONSIBLE = Set.of(ParticipationRole.IMPLEMENTING,
            ParticipationRole.ACCOUNTABLE);

    private final InitiativeAccess access;
    private final Vocabularies vocabularies;
    private final AgendaProjection agenda;
    private final Outbox outbox;
    private final Assessor assessor;

    ActivityService(InitiativeAccess access, Vocabularies vocabularies, AgendaProjection agenda, Outbox outbox,
            Assessor assessor) {
        this.access = access;
        this.vocabularies = vocabularies;
        this.agenda = agenda;
        this.outbox = outbox;
        this.assessor = assessor;
    }

    /** Filters of the list; null means any. */
    public record Filter(UUID goal, UUID partner, ActivityStatus status, String location, String targetGroup,
            Period period, String q) {
    }

    /** A named parameter of the list's native query. */
    private record Parameter(String name, Object value) {
    }

    @WithTransaction
    public Uni<ActivityEntity> register(Caller caller, UUID initiative, ActivityDraft draft) {
        return access.readable(caller, initiative)
                .invoke(() -> requireResponsible(caller, draft, "register"))
                .chain(() -> validate(initiative, draft))
                .chain(() -> {
                    ActivityEntity a = new ActivityEntity();
                    a.id = UUID.randomUUID();
                    a.initiativeId = initiative;
                    a.status = ActivityStatus.PLANNED;
                    a.describe(draft);
                    a.createdBy = caller.subject();
                    a.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                    a.updatedAt = a.createdAt;
                    return a.<ActivityEntity>persistAndFlush();
                })
                .call(a -> outbox.append(registered(a)))
                .call(a -> assessor.changed(initiative, null, a.forCoverage()));
    }

    @WithSession
    public Uni<ActivityEntity> get(Caller caller, UUID initiative, UUID id) {
        return access.readable(caller, initiative).chain(() -> find(initiative, id));
    }

    @WithSession
    public Uni<Page<ActivityEntity>> list(Caller caller, UUID initiative, Filter filter, int limit, String cursor) {
        return access.readable(caller, initiative).chain(() -> {
            StringBuilder sql = new StringBuilder("SELECT * FROM activity WHERE initiative_id = :initiative");
            List<Parameter> parameters = new ArrayList<>();
            parameters.add(new Parameter("initiative", initiative));
            if (filter.goal() != null) {
                sql.append(" AND cast(:goal AS uuid) = ANY(goal_ids)");
                parameters.add(new Parameter("goal", filter.goal()));
            }
            if (filter.partner() != null) {
                sql.append(" AND cast(:partner AS uuid) = ANY(organisation_ids)");
                parameters.add(new Parameter("partner", filter.partner()));
            }
            if (filter.status() != null) {
                sql.append(" AND status = :status");
                parameters.add(new Parameter("status", filter.status().name()));
            }
            if (filter.location() != null) {
                sql.append(" AND cast(:location AS text) = ANY(location_codes)");
                parameters.add(new Parameter("location", filter.location()));
            }
            if (filter.targetGroup() != null) {
                sql.append(" AND cast(:targetGroup AS text) = ANY(target_groups)");
                parameters.add(new Parameter("targetGroup", filter.targetGroup()));
            }
            if (filter.period() != null) {
                // runs during the period: its span (actual where known, else planned) shares a day with it
                sql.append(" AND coalesce(actual_start, planned_start) <= :periodEnd"
                        + " AND coalesce(actual_end, planned_end) >= :periodStart");
                parameters.add(new Parameter("periodStart", filter.period().start()));
                parameters.add(new Parameter("periodEnd", filter.period().end()));
            }
            if (filter.q() != null && !filter.q().isBlank()) {
                sql.append(" AND strpos(lower(title || ' ' || coalesce(description, '')), lower(:q)) > 0");
                parameters.add(new Parameter("q", filter.q()));
            }
            if (cursor != null) {
                List<String> keys = Cursor.decode(cursor, 2);
                sql.append(" AND (title, id) > (:afterTitle, cast(:afterId AS uuid))");
                parameters.add(new Parameter("afterTitle", keys.get(0)));
                parameters.add(new Parameter("afterId", Cursor.uuid(keys.get(1))));
            }
            sql.append(" ORDER BY title, id LIMIT ").append(limit + 1);
            return Panache.getSession().chain(session -> {
                var query = session.createNativeQuery(sql.toString(), ActivityEntity.class);
                parameters.forEach(p -> query.setParameter(p.name(), p.value()));
                return query.getResultList();
            }).map(rows -> Cursor.page(rows, limit, a -> Cursor.encode(a.title, a.id.toString())));
        });
    }

    @WithTransaction
    public Uni<ActivityEntity> update(Caller caller, UUID initiative, UUID id, String ifMatch, ActivityDraft draft) {
        ETags.requirePresent(ifMatch);
        return access.readable(caller, initiative).chain(() -> find(initiative, id)).chain(a -> {
            requireResponsible(caller, a.draft(), "change");
            requireResponsible(caller, draft, "change");
            ETags.requireMatch(ifMatch, a.version);
            Coverage.Activity before = a.forCoverage();
            return validate(initiative, draft).chain(() -> {
                a.describe(draft);
                a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                return a.<ActivityEntity>persistAndFlush();
            }).call(saved -> outbox.append(updated(saved)))
                    .call(saved -> assessor.changed(initiative, before, saved.forCoverage()));
        });
    }

    @WithTransaction
    public Uni<ActivityEntity> transition(Caller caller, UUID initiative, UUID id, String ifMatch, Transition move) {
        return access.readable(caller, initiative).chain(() -> find(initiative, id)).chain(a -> {
            requireResponsible(caller, a.draft(), "change the status of");
            if (ifMatch != null) {
                ETags.requireMatch(ifMatch, a.version);
            }
            List<FieldProblem> problems = move.problems(a.status, a.actualStart);
            if (!problems.isEmpty()) {
                throw ProblemException.of(problems);
            }
            Coverage.Activity before = a.forCoverage();
            ActivityStatus previous = a.status;
            a.status = move.to();
            if (move.actualStart() != null) {
                a.actualStart = move.actualStart();
            }
            if (move.actualEnd() != null) {
                a.actualEnd = move.actualEnd();
            }
            a.statusReason = move.reason();
            a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return a.<ActivityEntity>persistAndFlush()
                    .call(saved -> outbox.append(new ActivityStatusChanged(initiative, id,
                            org.backbone.contracts.activity.ActivityStatus.valueOf(previous.name()),
                            org.backbone.contracts.activity.ActivityStatus.valueOf(saved.status.name()),
                            saved.statusReason, saved.actualStart, saved.actualEnd, saved.version)))
                    .call(saved -> assessor.changed(initiative, before, saved.forCoverage()));
        });
    }

    /** Only a PLANNED activity can be deleted (it has no reports: reports need a started activity). */
    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID initiative, UUID id, String ifMatch) {
        return access.readable(caller, initiative).chain(() -> find(initiative, id)).chain(a -> {
            requireResponsible(caller, a.draft(), "delete");
            if (ifMatch != null) {
                ETags.requireMatch(ifMatch, a.version);
            }
            if (a.status != ActivityStatus.PLANNED) {
                throw new ProblemException(org.backbone.kit.problem.ProblemType.CONFLICT,
                        "only a PLANNED activity can be deleted; this one is " + a.status + " (cancel it instead)",
                        List.of(FieldProblem.conflict("status", "is " + a.status)));
            }
            Coverage.Activity before = a.forCoverage();
            return a.delete().call(() -> Panache.getSession().chain(s -> s.flush()))
                    .call(() -> outbox.append(new ActivityDeleted(initiative, id)))
                    .call(() -> assessor.changed(initiative, before, null)).replaceWithVoid();
        });
    }

    /** Whether {@code caller} may see the activity's budget: staff and its own organisations. */
    public static boolean seesBudget(Caller caller, ActivityEntity a) {
        return caller.isAdmin() || caller.partnerId().map(a::involves).orElse(false);
    }

    static void requireResponsible(Caller caller, ActivityDraft draft, String operation) {
        if (caller.isAdmin()) {
            return;
        }
        boolean responsible = caller.isPartner() && caller.partnerId().map(org -> draft.participants().stream()
                .anyMatch(p -> p.organisationId().equals(org) && RESPONSIBLE.contains(p.role()))).orElse(false);
        if (!responsible) {
            throw ProblemException.forbidden("only backbone staff, or a partner implementing or accountable for an "
                    + "activity, may " + operation + " it");
        }
    }

    private Uni<Void> validate(UUID initiative, ActivityDraft draft) {
        return context(initiative).invoke(context -> {
            List<FieldProblem> problems = ActivityRules.problems(draft, context);
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems);
            }
        }).replaceWithVoid();
    }

    /** The initiative's side of the activity rules: its vocabularies, active goals and partners. */
    private Uni<ActivityRules.Context> context(UUID initiative) {
        return vocabularies.get(initiative, VocabularyKind.LOCATION)
                .chain(locations -> vocabularies.get(initiative, VocabularyKind.TARGET_GROUP)
                        .chain(groups -> vocabularies.get(initiative, VocabularyKind.ACTIVITY_TYPE)
                                .chain(types -> agenda.activeGoals(initiative)
                                        .chain(goals -> agenda.memberIds(initiative).map(members ->
                                                new ActivityRules.Context(locations.tree(), groups.tree(),
                                                        Set.copyOf(types.entries().stream()
                                                                .map(Vocabularies.Entry::code).toList()),
                                                        Set.copyOf(goals), Set.copyOf(members)))))));
    }

    /** One row of an import that could be read: its line in the file and the activity it describes. */
    public record ImportRow(int line, ActivityDraft draft) {
    }

    /** Why a row of an import was refused: the line, the field (as in the JSON body) and the reason. */
    public record Rejection(int line, String field, String message) {
    }

    /** What an import did, or would do on a dry run. */
    public record ImportOutcome(int rows, int accepted, List<UUID> imported, List<Rejection> rejected) {
    }

    /**
     * Registers every row as a new PLANNED activity in one transaction, after checking each as a
     * single registration is checked. Without {@code partial}, one refused row refuses the file (422,
     * every row's faults named); with it, the good rows go in (and a file with none is a 422 too). A dry run checks and writes nothing.
     * Findings are recomputed once, in full, for the whole file.
     */
    @WithTransaction
    public Uni<ImportOutcome> importRows(Caller caller, UUID initiative, int rows, List<ImportRow> read,
            List<Rejection> unreadable, boolean dryRun, boolean partial) {
        return access.readable(caller, initiative).invoke(() -> {
            if (!caller.isAdmin() && !caller.isPartner()) {
                throw ProblemException.forbidden("only backbone staff and partners may import activities");
            }
        }).chain(() -> context(initiative)).chain(context -> {
            List<Rejection> rejected = new ArrayList<>(unreadable);
            List<ImportRow> accepted = new ArrayList<>();
            for (ImportRow row : read) {
                List<FieldProblem> problems = new ArrayList<>();
                try {
                    requireResponsible(caller, row.draft(), "import");
                } catch (ProblemException e) {
                    problems.add(new FieldProblem("participants", e.getMessage()));
                }
                problems.addAll(ActivityRules.problems(row.draft(), context));
                problems.forEach(p -> rejected.add(new Rejection(row.line(), p.field(), p.message())));
                if (problems.isEmpty()) {
                    accepted.add(row);
                }
            }
            rejected.sort(Comparator.comparingInt(Rejection::line));
            // as a value batch: a file of which nothing can go in is refused whole, partial or not
            if (!rejected.isEmpty() && (!partial || accepted.isEmpty()) && !dryRun) {
                throw ProblemException.invalid(rejected.stream()
                        .map(r -> new FieldProblem("rows[" + r.line() + "]." + r.field(), r.message())).toList());
            }
            if (dryRun || accepted.isEmpty()) {
                return Uni.createFrom().item(new ImportOutcome(rows, accepted.size(), List.of(), rejected));
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            List<ActivityEntity> created = accepted.stream().map(row -> {
                ActivityEntity a = new ActivityEntity();
                a.id = UUID.randomUUID();
                a.initiativeId = initiative;
                a.status = ActivityStatus.PLANNED;
                a.describe(row.draft());
                a.createdBy = caller.subject();
                a.createdAt = now;
                a.updatedAt = now;
                return a;
            }).toList();
            return Panache.getSession().chain(session -> session.persistAll(created.toArray()).call(session::flush))
                    .chain(() -> outbox.appendAll(created.stream().map(ActivityService::registered).toList()))
                    .chain(() -> assessor.full(initiative))
                    .map(outcome -> new ImportOutcome(rows, accepted.size(),
                            created.stream().map(a -> a.id).toList(), rejected));
        });
    }

    /** What an export shows: the activities by title, the partners' names and the accepted reach by place. */
    public record Export(List<ActivityEntity> activities, Map<UUID, String> names,
            Map<UUID, Map<String, Long>> reachedByPlace) {
    }

    @WithSession
    public Uni<Export> export(Caller caller, UUID initiative) {
        return access.readable(caller, initiative)
                .chain(() -> ActivityEntity.<ActivityEntity>list("initiativeId = ?1 order by title, id", initiative))
                .chain(activities -> agenda.members(initiative).chain(members -> ReachReportEntity.<ReachReportEntity>list(
                                "initiativeId = ?1 and status = ?2", initiative,
                                ReachReports.Status.ACCEPTED)
                        .map(reports -> {
                            Map<UUID, String> names = new HashMap<>();
                            members.forEach(m -> names.put(m.organisationId(), m.name()));
                            Map<UUID, ActivityEntity> byId = new HashMap<>();
                            activities.forEach(a -> byId.put(a.id, a));
                            Map<UUID, Map<String, Long>> reached = new HashMap<>();
                            for (var report : reports) {
                                ActivityEntity a = byId.get(report.activityId);
                                for (var line : report.lines.lines()) {
                                    String place = a != null && List.of(a.locationCodes).contains(line.location())
                                            ? line.location() : "";
                                    reached.computeIfAbsent(report.activityId, k -> new HashMap<>())
                                            .merge(place, line.reached(), Long::sum);
                                }
                            }
                            return new Export(activities, names, reached);
                        })));
    }

    static Uni<ActivityEntity> find(UUID initiative, UUID id) {
        return ActivityEntity.<ActivityEntity>findById(id)
                .map(a -> a == null || !a.initiativeId.equals(initiative) ? null : a)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("activity " + id));
    }

    private static ActivityRegistered registered(ActivityEntity a) {
        return new ActivityRegistered(a.initiativeId, a.id, a.title, a.activityType,
                org.backbone.contracts.activity.ActivityStatus.valueOf(a.status.name()), a.details.participants(),
                List.of(a.goalIds), places(a), List.of(a.targetGroups), a.plannedStart, a.plannedEnd, a.actualStart,
                a.actualEnd, a.iatiIdentifier, a.version);
    }

    private static ActivityUpdated updated(ActivityEntity a) {
        return new ActivityUpdated(a.initiativeId, a.id, a.title, a.activityType,
                org.backbone.contracts.activity.ActivityStatus.valueOf(a.status.name()), a.details.participants(),
                List.of(a.goalIds), places(a), List.of(a.targetGroups), a.plannedStart, a.plannedEnd, a.actualStart,
                a.actualEnd, a.iatiIdentifier, a.version);
    }

    private static List<org.backbone.contracts.activity.ActivityPlace> places(ActivityEntity a) {
        return a.details.places().stream()
                .map(p -> new org.backbone.contracts.activity.ActivityPlace(p.location(), p.wholeArea())).toList();
    }
}
