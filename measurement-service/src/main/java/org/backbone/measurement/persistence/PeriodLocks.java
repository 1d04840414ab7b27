package org.backbone.measurement.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Locked periods: for one indicator, or initiative-wide (no indicator). */
@ApplicationScoped
public class PeriodLocks {

    /** A locked period; {@code indicatorId} is null when the lock holds for every indicator. */
    public record Lock(String period, UUID indicatorId) {

        public boolean covers(UUID indicator) {
            return indicatorId == null || indicatorId.equals(indicator);
        }
    }

    public Uni<List<Lock>> ofInitiative(UUID initiative) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT period, indicator_id FROM period_lock WHERE initiative_id = :initiative", Tuple.class)
                .setParameter("initiative", initiative)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Lock(r.get("period", String.class),
                        r.get("indicator_id", UUID.class))).toList());
    }

    /** Emits whether the lock is new (locking a locked period changes nothing). */
    public Uni<Boolean> lock(UUID initiative, String period, UUID indicator, String by) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO period_lock (initiative_id, period, indicator_id, locked_by, locked_at) "
                                + "VALUES (:initiative, :period, :indicator, :by, :at) ON CONFLICT DO NOTHING")
                .setParameter("initiative", initiative).setParameter("period", period)
                .setParameter("indicator", indicator).setParameter("by", by)
                .setParameter("at", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate()).map(inserted -> inserted > 0);
    }

    /** Emits whether there was such a lock. */
    public Uni<Boolean> reopen(UUID initiative, String period, UUID indicator) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "DELETE FROM period_lock WHERE initiative_id = :initiative AND period = :period "
                                + "AND indicator_id IS NOT DISTINCT FROM cast(:indicator AS uuid)")
                .setParameter("initiative", initiative).setParameter("period", period)
                .setParameter("indicator", indicator)
                .executeUpdate()).map(deleted -> deleted > 0);
    }
}
