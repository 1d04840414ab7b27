package org.backbone.activity.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import org.backbone.activity.domain.ActivityStatus;
import org.backbone.activity.domain.Coverage;
import org.backbone.activity.domain.Span;
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

    /**
     * What assessing an activity needs of it, read without its entity: the full recompute reads every
     * activity of the initiative, and hydrating ten thousand entities (and flushing a session holding
     * them) cost more than the assessment itself.
     */
    public record Assessable(Coverage.Activity activity, Set<UUID> implementers, LocalDate plannedStart,
            LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd) {
    }

    /**
     * Every activity of the initiative as {@link Assessable}, in one text: ten thousand rows cost more to
     * map than PostgreSQL takes to join them (codes hold no tab, comma or line break: see the API's code pattern).
     */
    public Uni<List<Assessable>> assessable(UUID initiative) {
        String sql = "SELECT string_agg(concat_ws(E'\\t', id, lead_organisation, activity_type, status, "
                + "array_to_string(goal_ids, ','), array_to_string(target_groups, ','), "
                + "array_to_string(location_codes, ','), array_to_string(whole_areas, ','), "
                + "array_to_string(implementer_ids, ','), planned_start, planned_end, "
                + "coalesce(cast(actual_start AS text), ''), coalesce(cast(actual_end AS text), '')), E'\\n') "
                + "FROM activity WHERE initiative_id = :initiative";
        return Panache.getSession().chain(session -> session.<String>createNativeQuery(sql)
                .setParameter("initiative", initiative).getSingleResultOrNull()).map(ActivityRows::parse);
    }

    /** An activity as coverage sees it; the one spelling of it for rows and entities alike. */
    static Coverage.Activity forCoverage(UUID id, UUID organisation, String type, ActivityStatus status,
            Collection<UUID> goals, Collection<String> groups, List<String> locations, Collection<String> wholeAreas,
            Span span) {
        List<Coverage.Place> places = new ArrayList<>(locations.size());
        for (String location : locations) {
            places.add(new Coverage.Place(location, wholeAreas.contains(location)));
        }
        return new Coverage.Activity(id, organisation, type, Set.copyOf(goals), List.copyOf(places), Set.copyOf(groups),
                span, status);
    }

    private static List<Assessable> parse(String text) {
        List<Assessable> activities = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return activities;
        }
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", -1);
            LocalDate plannedStart = LocalDate.parse(f[9]);
            LocalDate plannedEnd = LocalDate.parse(f[10]);
            LocalDate actualStart = f[11].isEmpty() ? null : LocalDate.parse(f[11]);
            LocalDate actualEnd = f[12].isEmpty() ? null : LocalDate.parse(f[12]);
            Coverage.Activity activity = forCoverage(UUID.fromString(f[0]), UUID.fromString(f[1]), f[2],
                    ActivityStatus.valueOf(f[3]), uuids(f[4]), codes(f[5]), codes(f[6]), codes(f[7]),
                    Span.of(plannedStart, plannedEnd, actualStart, actualEnd));
            activities.add(new Assessable(activity, Set.copyOf(uuids(f[8])), plannedStart, plannedEnd, actualStart,
                    actualEnd));
        }
        return activities;
    }

    private static List<String> codes(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    private static List<UUID> uuids(String joined) {
        return codes(joined).stream().map(UUID::fromString).toList();
    }
}
