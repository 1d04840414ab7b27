package org.backbone.communication.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.backbone.communication.config.ActionItemsConfig;
import org.backbone.communication.persistence.Decisions;
import org.backbone.communication.persistence.Decisions.Affected;
import org.backbone.communication.persistence.Decisions.Decision;
import org.backbone.communication.persistence.Discussions;
import org.backbone.contracts.communication.DecisionAdopted;
import org.backbone.contracts.communication.DecisionReviewDue;
import org.backbone.contracts.communication.DecisionRevoked;
import org.backbone.contracts.communication.DecisionSuperseded;
import org.backbone.contracts.communication.ObjectRef;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.paging.Cursor;
import org.backbone.kit.paging.Page;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;
import org.jboss.logging.Logger;

/**
 * The decisions register. Staff record what was decided (statement, rationale, the meeting where or
 * asynchronously, the objects it affects — each one the initiative's feed knows — and a review date);
 * every reader of the initiative reads it. A new decision may supersede an ADOPTED one, which links
 * to it; staff revoke one with a reason. Both are final. When a review date comes, staff are told
 * once (a scheduler on every replica, the same cadence and zone as action items').
 */
@ApplicationScoped
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    private final Decisions decisions;
    private final Discussions discussions;
    private final InitiativeAccess access;
    private final Outbox outbox;
    private final Clock clock;
    private final ActionItemsConfig schedule;

    DecisionService(Decisions decisions, Discussions discussions, InitiativeAccess access, Outbox outbox, Clock clock,
            ActionItemsConfig schedule) {
        this.decisions = decisions;
        this.discussions = discussions;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
        this.schedule = schedule;
    }

    public record Draft(String statement, String rationale, UUID meetingId, List<Affected> affects, LocalDate reviewOn,
            UUID supersedes) {
    }

    @WithTransaction
    public Uni<Decision> adopt(Caller caller, UUID initiative, Draft draft) {
        return access.administrable(caller, initiative, "record decisions")
                .chain(() -> affectsKnown(initiative, draft.affects()))
                .chain(() -> {
                    UUID id = UUID.randomUUID();
                    Decision decision = new Decision(id, initiative, draft.statement(),
                            draft.rationale() == null ? "" : draft.rationale(), draft.meetingId(), draft.affects(),
                            draft.reviewOn(), "ADOPTED", draft.supersedes(), null, null, caller.subject(),
                            OffsetDateTime.now(ZoneOffset.UTC), 1);
                    Uni<Void> superseding = draft.supersedes() == null ? Uni.createFrom().voidItem()
                            : decisions.find(initiative, draft.supersedes()).chain(found -> {
                                if (found.isEmpty()) {
                                    throw ProblemException.invalid("supersedes", "is no decision of this initiative");
                                }
                                return Uni.createFrom().voidItem();
                            });
                    return superseding.chain(() -> decisions.insert(decision))
                            .chain(() -> draft.supersedes() == null ? Uni.createFrom().voidItem()
                                    : decisions.supersede(draft.supersedes(), id).chain(done -> {
                                        if (!done) {
                                            throw ProblemException.conflict("decision " + draft.supersedes()
                                                    + " is no longer ADOPTED: only an adopted decision is superseded");
                                        }
                                        return outbox.append(new DecisionSuperseded(initiative, draft.supersedes(), id))
                                                .replaceWithVoid();
                                    }))
                            .chain(() -> outbox.append(new DecisionAdopted(initiative, id, draft.statement(), draft.meetingId(),
                                    draft.affects().stream().map(a -> new ObjectRef(a.service(), a.type(), a.id())).toList(),
                                    draft.reviewOn(), draft.supersedes())))
                            .chain(() -> found(initiative, id));
                });
    }

    @WithTransaction
    public Uni<Decision> revoke(Caller caller, UUID initiative, UUID id, String reason) {
        return access.administrable(caller, initiative, "revoke decisions")
                .chain(() -> found(initiative, id))
                .chain(current -> decisions.revoke(id, reason)).chain(done -> {
                    if (!done) {
                        throw ProblemException.conflict("decision " + id + " is no longer ADOPTED: it cannot be revoked");
                    }
                    return outbox.append(new DecisionRevoked(initiative, id, reason));
                })
                .chain(() -> found(initiative, id));
    }

    @WithSession
    public Uni<Decision> get(Caller caller, UUID initiative, UUID id) {
        return access.readable(caller, initiative).chain(() -> found(initiative, id));
    }

    @WithSession
    public Uni<Page<Decision>> list(Caller caller, UUID initiative, String status, int limit, String cursor) {
        List<String> keys = cursor == null ? null : Cursor.decode(cursor, 2);
        return access.readable(caller, initiative)
                .chain(() -> decisions.list(initiative, status, keys == null ? null : Cursor.time(keys.get(0)),
                        keys == null ? null : Cursor.uuid(keys.get(1)), limit + 1))
                .map(rows -> Cursor.page(rows, limit, d -> Cursor.encode(d.adoptedAt().toString(), d.id().toString())));
    }

    /** Tells staff of decisions whose review day has come, once each. */
    @Scheduled(identity = "decision-reviews", every = "${backbone.action-items.every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tellReviewsDue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), schedule.zone());
        return Panache.withTransaction(() -> decisions.reviewsDue(today, schedule.batch())
                        .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                        .onItem().transformToUniAndConcatenate(d -> decisions.markReviewTold(d.id())
                                .chain(() -> outbox.append(new DecisionReviewDue(d.initiativeId(), d.id(), d.statement(),
                                        d.reviewOn()))))
                        .collect().last().replaceWithVoid())
                .onFailure().invoke(e -> LOG.warnf("telling decision reviews failed, the next run tries again: %s", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Every object a decision affects must be one the initiative's feed knows. */
    private Uni<Void> affectsKnown(UUID initiative, List<Affected> affects) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (int i = 0; i < affects.size(); i++) {
            Affected a = affects.get(i);
            String field = "affects[" + i + "]";
            all = all.chain(() -> discussions.subjectVisible(initiative, new Discussions.Subject(a.service(), a.type(), a.id()),
                    new Discussions.Reader(true, null)).invoke(known -> {
                        if (!known) {
                            throw ProblemException.invalid(field, "is no object of this initiative");
                        }
                    }).replaceWithVoid());
        }
        return all;
    }

    private Uni<Decision> found(UUID initiative, UUID id) {
        return decisions.find(initiative, id).map(found -> found.orElseThrow(() -> ProblemException.notFound("decision " + id)));
    }
}
