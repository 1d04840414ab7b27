package org.backbone.activity.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The reads the assessment and the trace make over many activities and their reports at once. */
@ApplicationScoped
public class ActivityRows {

    /** Every activity of the initiative, read-only: those reading them change none, and ten thousand need no dirty check. */
    public Uni<List<ActivityEntity>> all(UUID initiative) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from ActivityEntity where initiativeId = :initiative", ActivityEntity.class)
                .setParameter("initiative", initiative).setReadOnly(true).getResultList());
    }

    /** The activities serving one of {@code goals} (managed: the changed one among them may be written after). */
    public Uni<List<ActivityEntity>> servingAny(UUID initiative, Set<UUID> goals) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT * FROM activity WHERE initiative_id = :initiative AND goal_ids && :goals",
                        ActivityEntity.class)
                .setParameter("initiative", initiative)
                .setParameter("goals", goals.toArray(UUID[]::new))
                .getResultList());
    }

    /** Per activity, the quarters with a submitted or accepted report; one activity's (non-null), or all of them. */
    public Uni<Map<UUID, Set<String>>> reportedQuarters(UUID initiative, UUID activity) {
        String sql = "SELECT activity_id, period FROM reach_report WHERE initiative_id = :initiative "
                + "AND status <> 'SENT_BACK'" + (activity == null ? "" : " AND activity_id = :activity");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Tuple.class).setParameter("initiative", initiative);
            if (activity != null) {
                query.setParameter("activity", activity);
            }
            return query.getResultList();
        }).map(rows -> {
            Map<UUID, Set<String>> reported = new HashMap<>();
            rows.forEach(row -> reported.computeIfAbsent(row.get(0, UUID.class), a -> new HashSet<>())
                    .add(row.get(1, String.class)));
            return reported;
        });
    }
}
