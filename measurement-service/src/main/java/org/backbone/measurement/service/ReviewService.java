package org.backbone.measurement.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.contracts.measurement.PeriodLocked;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;
import org.backbone.kit.access.InitiativeAccess;

/** Backbone staff's review of the data: approving or rejecting values, locking and reopening periods. */
@ApplicationScoped
public class ReviewService {

    public enum Verdict { APPROVE, REJECT }

    public record StoredValue(UUID id, UUID organisationId, String period, Map<String, String> dimensions, java.math.BigDecimal value,
            java.math.BigDecimal numerator, java.math.BigDecimal denominator, String comment, String status,
            String statusReason, int revision) {
    }

    /** The most values one answer lists: beyond it the answer would hold an event loop and megabytes. */
    static final int MAX_VALUES = 10_000;
    private static final ObjectMapper DIMENSIONS = new ObjectMapper();

    private final InitiativeAccess access;
    private final Outbox outbox;

    ReviewService(InitiativeAccess access, Outbox outbox) {
        this.access = access;
        this.outbox = outbox;
    }

    /** Values of an indicator: staff see every partner's, a partner its own. */
    @WithSession
    public Uni<List<StoredValue>> values(Caller caller, UUID initiativeId, UUID indicatorId, String status) {
        UUID onlyFor = caller.readsAllInitiatives() ? null : caller.partnerId().orElse(new UUID(0, 0));
        return access.readable(caller, initiativeId)
                .chain(() -> IndicatorService.find(initiativeId, indicatorId))
                .chain(indicator -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "SELECT id, organisation_id, period, cast(dimensions AS text), value, numerator, denominator, "
                                        + "comment, status, status_reason, revision FROM indicator_value "
                                        + "WHERE indicator_id = :indicator AND (cast(:status AS text) IS NULL OR status = :status) "
                                        + "AND (cast(:partner AS uuid) IS NULL OR organisation_id = :partner) "
                                        + "ORDER BY period_start, organisation_id, dimension_key LIMIT :limit", Object[].class)
                        .setParameter("indicator", indicatorId)
                        .setParameter("status", status)
                        .setParameter("partner", onlyFor)
                        .setParameter("limit", MAX_VALUES + 1)
                        .getResultList()))
                .invoke(rows -> {
                    if (rows.size() > MAX_VALUES) {
                        throw ProblemException.invalid("status", "the indicator has more than " + MAX_VALUES
                                + " stored values; ask for one status at a time, or read progress instead");
                    }
                })
                .map(rows -> rows.stream().map(r -> new StoredValue((UUID) r[0], (UUID) r[1], (String) r[2], dimensions(r[3]),
                        (java.math.BigDecimal) r[4], (java.math.BigDecimal) r[5], (java.math.BigDecimal) r[6], (String) r[7],
                        (String) r[8], (String) r[9], ((Number) r[10]).intValue())).toList());
    }

    /** The stored dimensions (a JSONB object of strings, read as text) as the object they are. */
    private static Map<String, String> dimensions(Object json) {
        try {
            return json == null ? Map.of() : DIMENSIONS.readValue((String) json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored dimensions are always a JSON object of strings", e);
        }
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
                .chain(indicator -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "UPDATE indicator_value SET status = :status, status_reason = :reason "
                                        + "WHERE indicator_id = :indicator AND id = ANY(:ids)")
                        .setParameter("status", verdict == Verdict.APPROVE ? "APPROVED" : "REJECTED")
                        .setParameter("reason", reason)
                        .setParameter("indicator", indicatorId)
                        .setParameter("ids", valueIds.toArray(UUID[]::new))
                        .executeUpdate()))
                .invoke(updated -> {
                    if (updated != valueIds.size()) {
                        throw ProblemException.notFound((valueIds.size() - updated) + " of the values of this indicator");
                    }
                })
                .call(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "INSERT INTO progress_mark (indicator_id, period) SELECT DISTINCT indicator_id, period "
                                        + "FROM indicator_value WHERE id = ANY(:ids)")
                        .setParameter("ids", valueIds.toArray(UUID[]::new)).executeUpdate()));
    }

    /** Locks a period for one indicator, or initiative-wide when {@code indicatorId} is null. */
    @WithTransaction
    public Uni<Void> lock(Caller caller, UUID initiativeId, String period, UUID indicatorId) {
        return access.administrable(caller, initiativeId, "lock periods")
                .chain(() -> indicatorId == null ? Uni.createFrom().voidItem()
                        : IndicatorService.find(initiativeId, indicatorId).replaceWithVoid())
                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "INSERT INTO period_lock (initiative_id, period, indicator_id, locked_by, locked_at) "
                                        + "VALUES (:initiative, :period, :indicator, :by, :at) ON CONFLICT DO NOTHING")
                        .setParameter("initiative", initiativeId).setParameter("period", period)
                        .setParameter("indicator", indicatorId).setParameter("by", caller.subject())
                        .setParameter("at", OffsetDateTime.now(ZoneOffset.UTC))
                        .executeUpdate()))
                .chain(inserted -> inserted == 0 ? Uni.createFrom().voidItem()
                        : outbox.append(new PeriodLocked(initiativeId, period, indicatorId, caller.subject())).replaceWithVoid());
    }

    @WithTransaction
    public Uni<Void> reopen(Caller caller, UUID initiativeId, String period, UUID indicatorId) {
        return access.administrable(caller, initiativeId, "reopen periods")
                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "DELETE FROM period_lock WHERE initiative_id = :initiative AND period = :period "
                                        + "AND indicator_id IS NOT DISTINCT FROM cast(:indicator AS uuid)")
                        .setParameter("initiative", initiativeId).setParameter("period", period)
                        .setParameter("indicator", indicatorId)
                        .executeUpdate()))
                .invoke(deleted -> {
                    if (deleted == 0) {
                        throw ProblemException.notFound("lock of period " + period);
                    }
                }).replaceWithVoid();
    }
}
