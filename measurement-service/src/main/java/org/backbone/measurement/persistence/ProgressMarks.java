package org.backbone.measurement.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.backbone.contracts.measurement.ProgressStatus;

/** The (indicator, period) pairs whose progress changed, and the status each was last announced with. */
@ApplicationScoped
public class ProgressMarks {

    public record Mark(UUID indicatorId, String period) {
    }

    public record Status(UUID indicatorId, String period, ProgressStatus status) {
    }

    /**
     * Takes every mark of the oldest marked (indicator, period) pairs, one row per pair. Submissions
     * only ever append marks, so they never wait for this; a mark committed after this statement
     * stays for the next round, and progress computed after it sees every value it marked.
     */
    private static final String TAKE = """
            WITH pairs AS (
                SELECT DISTINCT indicator_id, period
                FROM (SELECT indicator_id, period FROM progress_mark ORDER BY seq LIMIT :limit) oldest),
            taken AS (
                DELETE FROM progress_mark m USING pairs p
                WHERE m.indicator_id = p.indicator_id AND m.period = p.period
                RETURNING m.indicator_id, m.period)
            SELECT DISTINCT indicator_id, period FROM taken""";

    /** Whether this transaction is the one publisher (a transaction-scoped advisory lock). */
    public Uni<Boolean> lead() {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT pg_try_advisory_xact_lock(hashtext('backbone-progress-publisher'))", Boolean.class)
                .getSingleResult());
    }

    /** Takes (deletes and returns) the oldest marked pairs, at most {@code limit} marks' worth. */
    public Uni<List<Mark>> take(int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(TAKE, Tuple.class)
                .setParameter("limit", limit)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Mark(r.get("indicator_id", UUID.class),
                        r.get("period", String.class))).toList());
    }

    /** Saves the statuses now; emits the status each pair had before, where it had one. */
    public Uni<Map<Mark, ProgressStatus>> saveStatuses(List<Status> statuses) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        WITH now (indicator_id, period, status) AS (
                            SELECT * FROM unnest(cast(:indicators AS uuid[]), cast(:periods AS text[]), cast(:statuses AS text[]))),
                        previous AS (
                            SELECT s.indicator_id, s.period, s.status FROM progress_state s JOIN now USING (indicator_id, period)),
                        saved AS (
                            INSERT INTO progress_state (indicator_id, period, status) SELECT * FROM now
                            ON CONFLICT (indicator_id, period) DO UPDATE SET status = excluded.status)
                        SELECT indicator_id, period, status FROM previous""", Tuple.class)
                .setParameter("indicators", statuses.stream().map(Status::indicatorId).toArray(UUID[]::new))
                .setParameter("periods", statuses.stream().map(Status::period).toArray(String[]::new))
                .setParameter("statuses", statuses.stream().map(s -> s.status().name()).toArray(String[]::new))
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(
                        r -> new Mark(r.get("indicator_id", UUID.class), r.get("period", String.class)),
                        r -> ProgressStatus.valueOf(r.get("status", String.class)), (a, b) -> a)));
    }
}
