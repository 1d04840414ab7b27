package org.backbone.activity.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.backbone.activity.domain.FindingState;
import org.backbone.activity.persistence.FindingEntity;
import org.backbone.contracts.activity.FindingDismissed;
import org.backbone.contracts.activity.FindingKind;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.paging.KeysetQuery;
import org.backbone.kit.paging.Cursor;
import org.backbone.kit.paging.Page;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.problem.ProblemType;
import org.backbone.kit.security.Caller;

/** Findings as people work with them: read by every reader, acknowledged by staff or partners, dismissed by staff. */
@ApplicationScoped
public class FindingService {

    private final InitiativeAccess access;
    private final Assessor assessor;
    private final Outbox outbox;

    FindingService(InitiativeAccess access, Assessor assessor, Outbox outbox) {
        this.access = access;
        this.assessor = assessor;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<Page<FindingEntity>> list(Caller caller, UUID initiative, FindingKind kind, FindingState state,
            UUID goal, int limit, String cursor) {
        return access.readable(caller, initiative).chain(() -> {
            KeysetQuery query = new KeysetQuery().and("initiativeId = ?", initiative);
            if (kind != null) {
                query.and("kind = ?", kind);
            }
            if (state != null) {
                query.and("state = ?", state);
            }
            if (goal != null) {
                query.and("goalId = ?", goal);
            }
            if (cursor != null) {
                List<String> keys = Cursor.decode(cursor, 2);
                query.after("key", keys.get(0), Cursor.uuid(keys.get(1)));
            }
            return FindingEntity.<FindingEntity>find(query.orderedBy("key"), query.parameters()).range(0, limit).list()
                    .map(rows -> Cursor.page(rows, limit, f -> Cursor.encode(f.key, f.id.toString())));
        });
    }

    @WithSession
    public Uni<FindingEntity> get(Caller caller, UUID initiative, UUID id) {
        return access.readable(caller, initiative).chain(() -> find(initiative, id));
    }

    /** Someone has seen it and is on it: staff or a partner member; observers only read. */
    @WithTransaction
    public Uni<FindingEntity> acknowledge(Caller caller, UUID initiative, UUID id) {
        return access.readable(caller, initiative).chain(() -> find(initiative, id)).chain(f -> {
            if (!caller.isAdmin() && !caller.isPartner()) {
                throw ProblemException.forbidden("only backbone staff and partners acknowledge findings");
            }
            return move(f, FindingState.ACKNOWLEDGED);
        });
    }

    /** Staff judge a finding not to matter; it stays dismissed until a key field of its activities changes. */
    @WithTransaction
    public Uni<FindingEntity> dismiss(Caller caller, UUID initiative, UUID id, String reason) {
        return access.administrable(caller, initiative, "dismiss findings").chain(() -> find(initiative, id))
                .chain(f -> {
                    f.dismissedReason = reason;
                    f.dismissedBy = caller.subject();
                    f.dismissedFingerprint = f.fingerprint;
                    return move(f, FindingState.DISMISSED)
                            .call(saved -> outbox.append(new FindingDismissed(initiative, saved.id, saved.kind, reason)));
                });
    }

    @WithTransaction
    public Uni<Assessor.Outcome> recompute(Caller caller, UUID initiative, boolean rebuild) {
        return access.administrable(caller, initiative, "recompute findings")
                .chain(() -> assessor.full(initiative, rebuild));
    }

    /** Open (or acknowledged) findings per goal and kind: the dashboard's coverage summary. */
    public record Count(UUID goalId, FindingKind kind, long open) {
    }

    @WithSession
    public Uni<List<Count>> summary(Caller caller, UUID initiative) {
        return access.readable(caller, initiative).chain(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT goal_id, kind, count(*) AS open FROM finding WHERE initiative_id = :initiative "
                        + "AND state IN ('OPEN', 'ACKNOWLEDGED') GROUP BY goal_id, kind ORDER BY goal_id, kind", Tuple.class)
                .setParameter("initiative", initiative).getResultList()))
                .map(rows -> rows.stream().map(r -> new Count(r.get("goal_id", UUID.class),
                        FindingKind.valueOf(r.get("kind", String.class)), r.get("open", Long.class))).toList());
    }

    private static Uni<FindingEntity> move(FindingEntity f, FindingState target) {
        if (!f.state.next().contains(target)) {
            throw new ProblemException(ProblemType.CONFLICT, "a finding " + f.state + " cannot become " + target
                    + "; it may become " + f.state.next(), List.of(FieldProblem.conflict("state", "is " + f.state)));
        }
        f.state = target;
        f.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return f.persistAndFlush();
    }

    private static Uni<FindingEntity> find(UUID initiative, UUID id) {
        return FindingEntity.<FindingEntity>findById(id)
                .map(f -> f == null || !f.initiativeId.equals(initiative) ? null : f)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("finding " + id));
    }
}
