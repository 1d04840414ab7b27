package org.backbone.activity.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.backbone.activity.domain.ActivityStatus;
import org.backbone.activity.domain.Assessment;
import org.backbone.activity.domain.FindingState;
import org.backbone.activity.persistence.ActivityEntity;
import org.backbone.activity.persistence.ActivityRows;
import org.backbone.activity.persistence.CommitmentEntity;
import org.backbone.activity.persistence.FindingEntity;
import org.backbone.activity.persistence.IndicatorEntity;
import org.backbone.activity.persistence.Indicators;
import org.backbone.contracts.activity.FindingKind;
import org.backbone.contracts.activity.ParticipationRole;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.agenda.AgendaProjection;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;

/**
 * The links between activities, goals and indicators, both ways, and the alignment matrices for
 * dashboards. Everything here is readable by whoever reads the initiative: it holds no budgets.
 */
@ApplicationScoped
public class TraceService {

    private static final Set<FindingKind> GAPS = Set.of(FindingKind.UNCOVERED, FindingKind.PLANNED_ONLY,
            FindingKind.NOMINAL_ONLY);

    private final InitiativeAccess access;
    private final AgendaProjection agenda;
    private final Indicators indicators;
    private final Assessor assessor;
    private final ActivityRows rows;

    TraceService(InitiativeAccess access, AgendaProjection agenda, Indicators indicators, Assessor assessor,
            ActivityRows rows) {
        this.access = access;
        this.agenda = agenda;
        this.indicators = indicators;
        this.assessor = assessor;
        this.rows = rows;
    }

    public record GoalRef(UUID id, String title, boolean active) {
    }

    /** A goal the activity serves, with its ancestors from the root down to it. */
    public record GoalPath(UUID goalId, List<GoalRef> path) {
    }

    public record IndicatorRef(UUID id, String code, String name, List<UUID> goalIds, boolean retired,
            String latestPeriod, String latestStatus) {
    }

    public record Trace(UUID activityId, String title, ActivityStatus status, List<GoalPath> goals,
            List<IndicatorRef> indicators) {
    }

    public record ActivityRef(UUID id, String title, String activityType, ActivityStatus status, List<UUID> goalIds,
            List<UUID> organisationIds) {
    }

    public record Contributor(UUID organisationId, Set<ParticipationRole> roles, int activities,
            Map<ActivityStatus, Integer> byStatus) {
    }

    public record Contributors(GoalRef goal, List<GoalRef> subgoals, List<ActivityRef> activities,
            List<Contributor> partners) {
    }

    public record PartnerAlignment(UUID organisationId, Map<ActivityStatus, Integer> byStatus, long plannedReach,
            int commitments) {
    }

    public record GoalAlignment(UUID goalId, String title, List<PartnerAlignment> partners) {
    }

    public record AreaAlignment(UUID goalId, String location, int activities, List<FindingKind> openGaps) {
    }

    public record Alignment(List<GoalAlignment> goals, List<AreaAlignment> areas) {
    }

    @WithSession
    public Uni<Trace> trace(Caller caller, UUID initiative, UUID activity) {
        return access.readable(caller, initiative).chain(() -> ActivityService.find(initiative, activity))
                .chain(a -> agenda.goalTree(initiative).chain(tree -> indicators.of(initiative).map(all -> {
                    Map<UUID, AgendaProjection.Goal> byId = tree.stream()
                            .collect(Collectors.toMap(AgendaProjection.Goal::id, g -> g));
                    List<GoalPath> paths = new ArrayList<>();
                    Set<UUID> onPaths = new HashSet<>();
                    for (UUID goal : a.goalIds) {
                        List<GoalRef> path = new ArrayList<>();
                        Set<UUID> seen = new HashSet<>();
                        for (UUID at = goal; at != null && seen.add(at); ) {
                            AgendaProjection.Goal g = byId.get(at);
                            path.add(0, new GoalRef(at, g == null ? null : g.title(), g != null));
                            at = g == null ? null : g.parentId();
                        }
                        onPaths.addAll(seen);
                        paths.add(new GoalPath(goal, path));
                    }
                    List<IndicatorRef> measured = all.stream()
                            .filter(i -> Arrays.stream(i.goalIds).anyMatch(onPaths::contains))
                            .map(TraceService::ref).toList();
                    return new Trace(a.id, a.title, a.status, paths, measured);
                })));
    }

    @WithSession
    public Uni<Contributors> contributors(Caller caller, UUID initiative, UUID goal) {
        return access.readable(caller, initiative).chain(() -> agenda.goalTree(initiative)).chain(tree -> {
            AgendaProjection.Goal root = tree.stream().filter(g -> g.id().equals(goal)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("goal " + goal));
            Map<UUID, List<AgendaProjection.Goal>> children = tree.stream().filter(g -> g.parentId() != null)
                    .collect(Collectors.groupingBy(AgendaProjection.Goal::parentId));
            List<GoalRef> below = new ArrayList<>();
            List<UUID> open = new ArrayList<>(List.of(goal));
            Set<UUID> all = new HashSet<>(open);
            while (!open.isEmpty()) {
                for (AgendaProjection.Goal child : children.getOrDefault(open.remove(0), List.of())) {
                    if (all.add(child.id())) {
                        below.add(new GoalRef(child.id(), child.title(), true));
                        open.add(child.id());
                    }
                }
            }
            return serving(initiative, all).map(activities -> {
                Map<UUID, Set<ParticipationRole>> roles = new TreeMap<>();
                Map<UUID, Map<ActivityStatus, Integer>> statuses = new HashMap<>();
                for (ActivityEntity a : activities) {
                    a.details.participants().forEach(p -> roles.computeIfAbsent(p.organisationId(), o -> new TreeSet<>())
                            .add(p.role()));
                    Set.copyOf(List.of(a.organisationIds)).forEach(o -> statuses
                            .computeIfAbsent(o, x -> new TreeMap<>()).merge(a.status, 1, Integer::sum));
                }
                List<Contributor> partners = roles.entrySet().stream().map(e -> new Contributor(e.getKey(), e.getValue(),
                        statuses.get(e.getKey()).values().stream().mapToInt(Integer::intValue).sum(),
                        statuses.get(e.getKey()))).toList();
                return new Contributors(new GoalRef(root.id(), root.title(), true), below,
                        activities.stream().map(TraceService::ref).toList(), partners);
            });
        });
    }

    @WithSession
    public Uni<Alignment> alignment(Caller caller, UUID initiative) {
        return access.readable(caller, initiative).chain(() -> assessor.setting(initiative)).chain(setting ->
                agenda.goalTree(initiative).chain(tree -> serving(initiative, null).chain(activities ->
                        indicators.of(initiative).chain(indicatorList -> CommitmentEntity.<CommitmentEntity>list(
                                "initiativeId = ?1 and withdrawn = false", initiative).chain(commitments ->
                                FindingEntity.<FindingEntity>list("initiativeId = ?1 and state in ?2", initiative,
                                        Set.of(FindingState.OPEN, FindingState.ACKNOWLEDGED)).map(findings -> {
                                    Map<UUID, Set<UUID>> indicatorGoals = indicatorList.stream().collect(Collectors.toMap(
                                            i -> i.id, i -> Set.copyOf(List.of(i.goalIds))));
                                    List<GoalAlignment> goals = new ArrayList<>();
                                    for (AgendaProjection.Goal goal : tree) {
                                        Map<UUID, Map<ActivityStatus, Integer>> byStatus = new TreeMap<>();
                                        Map<UUID, Long> reach = new HashMap<>();
                                        Map<UUID, Integer> committed = new HashMap<>();
                                        for (ActivityEntity a : activities) {
                                            if (!List.of(a.goalIds).contains(goal.id())) {
                                                continue;
                                            }
                                            long planned = a.details.plannedReach().stream()
                                                    .mapToLong(r -> r.count()).sum();
                                            for (UUID o : Set.copyOf(List.of(a.organisationIds))) {
                                                byStatus.computeIfAbsent(o, x -> new TreeMap<>())
                                                        .merge(a.status, 1, Integer::sum);
                                                reach.merge(o, planned, Long::sum);
                                            }
                                        }
                                        for (CommitmentEntity c : commitments) {
                                            if (indicatorGoals.getOrDefault(c.indicatorId, Set.of()).contains(goal.id())) {
                                                committed.merge(c.organisationId, 1, Integer::sum);
                                                byStatus.computeIfAbsent(c.organisationId, x -> new TreeMap<>());
                                            }
                                        }
                                        goals.add(new GoalAlignment(goal.id(), goal.title(), byStatus.entrySet().stream()
                                                .map(e -> new PartnerAlignment(e.getKey(), e.getValue(),
                                                        reach.getOrDefault(e.getKey(), 0L),
                                                        committed.getOrDefault(e.getKey(), 0)))
                                                .toList()));
                                    }
                                    List<AreaAlignment> areas = new ArrayList<>();
                                    if (setting.period() != null) {
                                        Map<Assessment.Area, Integer> counts = new HashMap<>();
                                        for (ActivityEntity a : activities) {
                                            if (a.status != ActivityStatus.CANCELLED) {
                                                Assessment.areas(setting.plan(), a.forCoverage())
                                                        .forEach(area -> counts.merge(area, 1, Integer::sum));
                                            }
                                        }
                                        Map<Assessment.Area, Set<FindingKind>> gaps = new LinkedHashMap<>();
                                        findings.stream().filter(f -> GAPS.contains(f.kind)).forEach(f -> gaps
                                                .computeIfAbsent(new Assessment.Area(f.goalId, f.location),
                                                        x -> new TreeSet<>()).add(f.kind));
                                        for (Assessment.Area area : Assessment.allAreas(setting.plan())) {
                                            areas.add(new AreaAlignment(area.goal(), area.location(),
                                                    counts.getOrDefault(area, 0),
                                                    List.copyOf(gaps.getOrDefault(area, Set.of()))));
                                        }
                                    }
                                    return new Alignment(goals, areas);
                                }))))));
    }

    /** The initiative's activities; with {@code goals}, those serving one of them; by title. */
    private Uni<List<ActivityEntity>> serving(UUID initiative, Set<UUID> goals) {
        return (goals == null ? rows.all(initiative) : rows.servingAny(initiative, goals)).map(list -> list.stream()
                .sorted(java.util.Comparator.comparing((ActivityEntity a) -> a.title).thenComparing(a -> a.id)).toList());
    }

    private static IndicatorRef ref(IndicatorEntity i) {
        return new IndicatorRef(i.id, i.code, i.name, List.of(i.goalIds), i.retired, i.latestPeriod, i.latestStatus);
    }

    private static ActivityRef ref(ActivityEntity a) {
        return new ActivityRef(a.id, a.title, a.activityType, a.status, List.of(a.goalIds),
                List.of(a.organisationIds));
    }
}
