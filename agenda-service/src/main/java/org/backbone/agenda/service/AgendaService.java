package org.backbone.agenda.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.backbone.agenda.domain.AgendaContent;
import org.backbone.agenda.domain.AgendaDiff;
import org.backbone.agenda.domain.AgendaRuleException;
import org.backbone.agenda.domain.Ballot;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.agenda.domain.Goal;
import org.backbone.agenda.domain.GoalTree;
import org.backbone.agenda.domain.Ratification;
import org.backbone.agenda.domain.RatificationRule;
import org.backbone.agenda.persistence.AgendaDecisionEntity;
import org.backbone.agenda.persistence.AgendaDraftEntity;
import org.backbone.agenda.persistence.AgendaVersionEntity;
import org.backbone.agenda.persistence.GoalEntity;
import org.backbone.agenda.persistence.InitiativeEntity;
import org.backbone.agenda.persistence.MembershipEntity;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.agenda.AgendaEndorsed;
import org.backbone.contracts.agenda.AgendaProposed;
import org.backbone.contracts.agenda.AgendaRatified;
import org.backbone.contracts.agenda.Decision;
import org.backbone.contracts.agenda.GoalActivated;
import org.backbone.contracts.agenda.GoalRetired;
import org.backbone.contracts.agenda.GoalSnapshot;
import org.backbone.kit.http.ETags;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.problem.ProblemType;
import org.backbone.kit.security.Caller;
import org.backbone.kit.security.Role;

/**
 * The agenda's life: staff edit the draft, propose it as a numbered version, partners decide, and
 * the initiative's ratification rule turns a proposal into the version in force.
 */
@ApplicationScoped
public class AgendaService {

    private final Outbox outbox;
    private final AccessibleInitiatives access;

    AgendaService(Outbox outbox, AccessibleInitiatives access) {
        this.outbox = outbox;
        this.access = access;
    }

    /** The agenda in force (if any), the draft, and the number of the version open for decisions. */
    public record AgendaState(InitiativeEntity initiative, AgendaVersionEntity current,
            List<AgendaDecisionEntity> currentDecisions, AgendaDraftEntity draft, Integer openVersion) {
    }

    public record VersionState(AgendaVersionEntity version, List<AgendaDecisionEntity> decisions) {
    }

    @WithSession
    public Uni<AgendaState> agenda(Caller caller, UUID initiativeId) {
        return access.readable(caller, initiativeId).chain(initiative -> AgendaDraftEntity
                .<AgendaDraftEntity>findById(initiativeId)
                .chain(draft -> openVersion(initiativeId).chain(open -> {
                    Integer openNumber = open == null ? null : open.number();
                    if (initiative.currentVersion == null) {
                        return Uni.createFrom().item(new AgendaState(initiative, null, List.of(), draft, openNumber));
                    }
                    return versionState(initiativeId, initiative.currentVersion).map(current ->
                            new AgendaState(initiative, current.version(), current.decisions(), draft, openNumber));
                })));
    }

    @WithTransaction
    public Uni<AgendaDraftEntity> updateDraft(Caller caller, UUID initiativeId, String ifMatch, AgendaContent content) {
        ETags.requirePresent(ifMatch);
        List<FieldProblem> problems = new ArrayList<>(GoalTree.problems(content.goals()));
        problems.addAll(content.boundaries().problems("boundaries"));
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return access.administrable(caller, initiativeId, "edit the draft agenda")
                .chain(initiative -> AgendaDraftEntity.<AgendaDraftEntity>findById(initiativeId))
                .chain(draft -> {
                    ETags.requireMatch(ifMatch, draft.version);
                    draft.content = content;
                    draft.updatedBy = caller.subject();
                    draft.updatedAt = now();
                    return draft.<AgendaDraftEntity>persistAndFlush();
                });
    }

    /** Freezes the draft as the next version and opens it for decisions; one open proposal at a time. */
    @WithTransaction
    public Uni<AgendaVersionEntity> propose(Caller caller, UUID initiativeId) {
        return access.administrable(caller, initiativeId, "propose agenda versions")
                .chain(initiative -> openVersion(initiativeId).chain(open -> AgendaDraftEntity
                        .<AgendaDraftEntity>findById(initiativeId)
                        .chain(draft -> MembershipEntity.currentOf(initiativeId).chain(members -> {
                            List<FieldProblem> problems = ballotOrConflict(() -> Ratification.proposalProblems(
                                    open == null ? null : open.number(), draft.content));
                            if (!problems.isEmpty()) {
                                throw ProblemException.invalid(problems);
                            }
                            Ballot ballot = ballotOrConflict(() -> Ballot.open(initiative.rule(), members.stream()
                                    .collect(Collectors.toMap(m -> m.organisationId, m -> m.role))));
                            return nextNumber(initiativeId).chain(number -> {
                                AgendaVersionEntity version = new AgendaVersionEntity();
                                version.key = new AgendaVersionEntity.Key(initiativeId, number);
                                version.status = Ballot.Status.PROPOSED;
                                version.content = draft.content;
                                version.electorate = new LinkedHashMap<>(ballot.electorate());
                                version.proposedBy = caller.subject();
                                version.proposedAt = now();
                                return version.<AgendaVersionEntity>persist()
                                        .call(saved -> outbox.append(new AgendaProposed(initiativeId, number, caller.subject())));
                            });
                        }))));
    }

    /** A partner member records its organisation's decision; may ratify the version. */
    @WithTransaction
    public Uni<VersionState> decide(Caller caller, UUID initiativeId, int number, UUID organisationId,
            Decision decision, String comment) {
        return access.readable(caller, initiativeId).chain(initiative -> {
            if (!caller.roles().contains(Role.PARTNER_MEMBER) || !caller.actsFor(organisationId)) {
                throw ProblemException.forbidden("a decision is made by a partner member of that organisation");
            }
            return versionState(initiativeId, number).chain(state -> {
                Ballot ballot = ballot(state.version(), state.decisions(), initiative.rule());
                Ballot.Status outcome = ballotOrConflict(() -> ballot.decide(organisationId, decision));
                AgendaDecisionEntity entity = state.decisions().stream()
                        .filter(d -> d.key.organisationId().equals(organisationId)).findFirst()
                        .orElseGet(() -> {
                            AgendaDecisionEntity created = new AgendaDecisionEntity();
                            created.key = new AgendaDecisionEntity.Key(initiativeId, number, organisationId);
                            return created;
                        });
                entity.decision = decision;
                entity.comment = comment;
                entity.decidedBy = caller.subject();
                entity.decidedAt = now();
                return entity.persist()
                        .call(() -> outbox.append(new AgendaEndorsed(initiativeId, number, organisationId, decision, comment)))
                        .chain(() -> outcome == Ballot.Status.RATIFIED ? ratify(initiative, state.version())
                                : Uni.createFrom().voidItem())
                        .chain(() -> versionState(initiativeId, number));
            });
        });
    }

    @WithTransaction
    public Uni<AgendaVersionEntity> withdraw(Caller caller, UUID initiativeId, int number) {
        return access.administrable(caller, initiativeId, "withdraw agenda versions")
                .chain(initiative -> versionState(initiativeId, number).chain(state -> {
                    Ballot ballot = ballot(state.version(), state.decisions(), initiative.rule());
                    ballotOrConflict(() -> {
                        ballot.withdraw();
                        return ballot.status();
                    });
                    state.version().status = Ballot.Status.WITHDRAWN;
                    state.version().closedAt = now();
                    return state.version().<AgendaVersionEntity>persist();
                }));
    }

    /**
     * A partner left: it leaves the electorate of the open version, its decision no longer counts,
     * and the rule is evaluated again. Runs inside the caller's transaction.
     */
    public Uni<Void> partnerLeft(InitiativeEntity initiative, UUID organisationId) {
        return openVersion(initiative.id).chain(open -> {
            if (open == null || !open.electorate.containsKey(organisationId)) {
                return Uni.createFrom().voidItem();
            }
            return decisionsOf(initiative.id, open.number()).chain(decisions -> {
                Ballot ballot = ballot(open, decisions, initiative.rule());
                Ballot.Status outcome = ballot.partnerLeft(organisationId);
                open.electorate = new LinkedHashMap<>(ballot.electorate());
                Uni<Long> dropDecision = AgendaDecisionEntity.delete("key.initiativeId = ?1 and key.number = ?2 "
                        + "and key.organisationId = ?3", initiative.id, open.number(), organisationId);
                return dropDecision.chain(() -> open.persist())
                        .chain(() -> outcome == Ballot.Status.RATIFIED ? ratify(initiative, open)
                                : Uni.createFrom().voidItem());
            });
        });
    }

    @WithSession
    public Uni<List<AgendaVersionEntity>> versions(Caller caller, UUID initiativeId) {
        return access.readable(caller, initiativeId)
                .chain(initiative -> AgendaVersionEntity.<AgendaVersionEntity>list(
                        "key.initiativeId = ?1 order by key.number", initiativeId));
    }

    @WithSession
    public Uni<VersionState> version(Caller caller, UUID initiativeId, int number) {
        return access.readable(caller, initiativeId).chain(initiative -> versionState(initiativeId, number));
    }

    @WithSession
    public Uni<AgendaDiff> diff(Caller caller, UUID initiativeId, int from, int to) {
        return access.readable(caller, initiativeId)
                .chain(initiative -> versionState(initiativeId, from))
                .chain(before -> versionState(initiativeId, to)
                        .map(after -> AgendaDiff.between(before.version().content, after.version().content)));
    }

    @WithSession
    public Uni<List<GoalEntity>> goals(Caller caller, UUID initiativeId, GoalEntity.Status status) {
        return access.readable(caller, initiativeId).chain(initiative -> status == null
                ? GoalEntity.<GoalEntity>list("key.initiativeId = ?1 order by activatedIn, title", initiativeId)
                : GoalEntity.<GoalEntity>list("key.initiativeId = ?1 and status = ?2 order by activatedIn, title",
                        initiativeId, status));
    }

    /** Makes {@code version} the agenda in force: activates its new goals and retires the dropped ones. */
    private Uni<Void> ratify(InitiativeEntity initiative, AgendaVersionEntity version) {
        int number = version.number();
        version.status = Ballot.Status.RATIFIED;
        version.closedAt = now();
        Integer previous = initiative.currentVersion;
        initiative.currentVersion = number;
        List<Goal> goals = version.content.goals();
        Uni<Void> supersede = previous == null ? Uni.createFrom().voidItem()
                : AgendaVersionEntity.update("status = ?1 where key.initiativeId = ?2 and key.number = ?3",
                        Ballot.Status.SUPERSEDED, initiative.id, previous).replaceWithVoid();
        return supersede
                .chain(() -> GoalEntity.<GoalEntity>list("key.initiativeId = ?1", initiative.id))
                .chain(existing -> {
                    Map<UUID, GoalEntity> known = existing.stream()
                            .collect(Collectors.toMap(g -> g.key.id(), Function.identity()));
                    Ratification.GoalChanges changes = Ratification.goalChanges(goals, existing.stream()
                            .collect(Collectors.toMap(g -> g.key.id(), g -> g.status == GoalEntity.Status.ACTIVE)));
                    Set<UUID> activated = changes.activated().stream().map(Goal::id).collect(Collectors.toSet());
                    List<BackboneEvent> events = new ArrayList<>();
                    List<GoalEntity> changed = new ArrayList<>();
                    for (Goal goal : goals) {
                        GoalEntity entity = known.computeIfAbsent(goal.id(), id -> {
                            GoalEntity created = new GoalEntity();
                            created.key = new GoalEntity.Key(initiative.id, id);
                            return created;
                        });
                        entity.parentId = goal.parentId();
                        entity.title = goal.title();
                        entity.description = goal.description();
                        entity.horizon = goal.horizon();
                        entity.equityFocus = goal.equityFocus();
                        if (activated.contains(goal.id())) {
                            entity.status = GoalEntity.Status.ACTIVE;
                            entity.activatedIn = number;
                            entity.retiredIn = null;
                            events.add(new GoalActivated(initiative.id, goal.id(), goal.parentId(), goal.title(),
                                    goal.horizon(), number));
                        }
                        changed.add(entity);
                    }
                    for (UUID id : changes.retired()) {
                        GoalEntity entity = known.get(id);
                        entity.status = GoalEntity.Status.RETIRED;
                        entity.retiredIn = number;
                        changed.add(entity);
                        events.add(new GoalRetired(initiative.id, id, number));
                    }
                    AgendaRatified ratified = new AgendaRatified(initiative.id, number,
                            version.content.problemStatement(), version.content.vision(), version.content.mission(),
                            goals.stream().map(g -> new GoalSnapshot(g.id(), g.parentId(), g.title(), g.description(),
                                    g.horizon(), g.equityFocus())).toList());
                    Uni<Void> chain = GoalEntity.persist(changed).chain(() -> version.persist())
                            .chain(() -> initiative.persist())
                            .chain(() -> outbox.append(ratified)).replaceWithVoid();
                    for (BackboneEvent event : events) {
                        chain = chain.chain(() -> outbox.append(event)).replaceWithVoid();
                    }
                    return chain;
                });
    }

    public static Ballot ballot(AgendaVersionEntity version, List<AgendaDecisionEntity> decisions, RatificationRule rule) {
        Map<UUID, Decision> byOrganisation = new LinkedHashMap<>();
        decisions.forEach(d -> byOrganisation.put(d.key.organisationId(), d.decision));
        return new Ballot(rule, version.electorate, byOrganisation, version.status);
    }

    private Uni<VersionState> versionState(UUID initiativeId, int number) {
        return AgendaVersionEntity.<AgendaVersionEntity>findById(new AgendaVersionEntity.Key(initiativeId, number))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("agenda version " + number))
                .chain(version -> decisionsOf(initiativeId, number).map(d -> new VersionState(version, d)));
    }

    private static Uni<List<AgendaDecisionEntity>> decisionsOf(UUID initiativeId, int number) {
        return AgendaDecisionEntity.list("key.initiativeId = ?1 and key.number = ?2 order by decidedAt",
                initiativeId, number);
    }

    private static Uni<AgendaVersionEntity> openVersion(UUID initiativeId) {
        return AgendaVersionEntity.find("key.initiativeId = ?1 and status = ?2", initiativeId, Ballot.Status.PROPOSED)
                .firstResult();
    }

    private static Uni<Integer> nextNumber(UUID initiativeId) {
        // versions are never deleted, so they are numbered 1..count
        return AgendaVersionEntity.count("key.initiativeId = ?1", initiativeId).map(count -> count.intValue() + 1);
    }

    private static <T> T ballotOrConflict(java.util.function.Supplier<T> rule) {
        try {
            return rule.get();
        } catch (AgendaRuleException e) {
            throw new ProblemException(e.reason() == AgendaRuleException.Reason.NOT_A_VOTER
                    ? ProblemType.FORBIDDEN : ProblemType.CONFLICT, e.getMessage());
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
