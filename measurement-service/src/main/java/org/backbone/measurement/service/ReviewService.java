package org.backbone.measurement.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.measurement.PeriodLocked;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;
import org.backbone.measurement.persistence.PeriodLocks;
import org.backbone.measurement.persistence.StoredValues;
import org.backbone.measurement.persistence.StoredValues.StoredValue;

/** Backbone staff's review of the data: approving or rejecting values, locking and reopening periods. */
@ApplicationScoped
public class ReviewService {

    public enum Verdict { APPROVE, REJECT }

    /** The most values one answer lists: beyond it the answer would hold an event loop and megabytes. */
    static final int MAX_VALUES = 10_000;

    private final InitiativeAccess access;
    private final Outbox outbox;
    private final StoredValues values;
    private final PeriodLocks locks;

    ReviewService(InitiativeAccess access, Outbox outbox, StoredValues values, PeriodLocks locks) {
        this.access = access;
        this.outbox = outbox;
        this.values = values;
        this.locks = locks;
    }

    /** Values of an indicator: staff and observers see every partner's, a partner its own. */
    @WithSession
    public Uni<List<StoredValue>> values(Caller caller, UUID initiativeId, UUID indicatorId, String status) {
        UUID onlyFor = caller.readsAllInitiatives() ? null : caller.partnerId().orElse(new UUID(0, 0));
        return access.readable(caller, initiativeId)
                .chain(() -> IndicatorService.find(initiativeId, indicatorId))
                .chain(indicator -> values.of(indicatorId, status, onlyFor, MAX_VALUES + 1))
                .invoke(rows -> {
                    if (rows.size() > MAX_VALUES) {
                        throw ProblemException.invalid("status", "the indicator has more than " + MAX_VALUES
                                + " stored values; ask for one status at a time, or read progress instead");
                    }
                });
    }

    /** Approves or rejects submitted values; only approved values count in progress. */
    @WithTransaction
    public Uni<Integer> review(Caller caller, UUID initiativeId, UUID indicatorId, List<UUID> valueIds, Verdict verdict,
            String reason) {
        if (verdict == Verdict.REJECT && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "required when rejecting values");
        }
        return access.administrable(caller, initiativeId, "approve or reject values")
                .chain(() -> IndicatorService.find(initiativeId, indicatorId))
                .chain(indicator -> values.review(indicatorId, valueIds,
                        verdict == Verdict.APPROVE ? "APPROVED" : "REJECTED", reason))
                .invoke(updated -> {
                    if (updated != valueIds.size()) {
                        throw ProblemException.notFound((valueIds.size() - updated) + " of the values of this indicator");
                    }
                });
    }

    /** Locks a period for one indicator, or initiative-wide when {@code indicatorId} is null. */
    @WithTransaction
    public Uni<Void> lock(Caller caller, UUID initiativeId, String period, UUID indicatorId) {
        return access.administrable(caller, initiativeId, "lock periods")
                .chain(() -> indicatorId == null ? Uni.createFrom().voidItem()
                        : IndicatorService.find(initiativeId, indicatorId).replaceWithVoid())
                .chain(() -> locks.lock(initiativeId, period, indicatorId, caller.subject()))
                .chain(locked -> !locked ? Uni.createFrom().voidItem()
                        : outbox.append(new PeriodLocked(initiativeId, period, indicatorId, caller.subject())).replaceWithVoid());
    }

    @WithTransaction
    public Uni<Void> reopen(Caller caller, UUID initiativeId, String period, UUID indicatorId) {
        return access.administrable(caller, initiativeId, "reopen periods")
                .chain(() -> locks.reopen(initiativeId, period, indicatorId))
                .invoke(found -> {
                    if (!found) {
                        throw ProblemException.notFound("lock of period " + period);
                    }
                }).replaceWithVoid();
    }
}
