package org.backbone.activity.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.backbone.activity.domain.FindingState;
import org.backbone.contracts.activity.FindingKind;

/**
 * The findings as the assessment reconciles them: read as plain rows and written in bulk, one
 * statement per kind of change. A full recompute of a large initiative compares a hundred thousand
 * findings of which a handful change; as managed entities every one of them was hydrated and
 * dirty-checked at flush. Writes check the version each row was read at, so a concurrent
 * acknowledgement or dismissal fails the recompute (retried) rather than being overwritten.
 */
@ApplicationScoped
public class Findings {

    /** What reconciling needs of a stored finding. */
    public record Stored(UUID id, String key, FindingKind kind, FindingState state, UUID goalId, String location,
            String fingerprint, String dismissedFingerprint, Integer score, String period, long version) {
    }

    /** A finding's described fields, as the assessment computed them. */
    public record Described(UUID goalId, String location, String targetGroup, String period, UUID indicatorId,
            List<UUID> activityIds, List<UUID> organisationIds, Integer score, String fingerprint) {
    }

    /** A new finding, OPEN. */
    public record New(UUID id, String key, FindingKind kind, Described described) {
    }

    /** A stored finding described anew, in {@code state}; {@code reopened} clears its dismissal and restarts it. */
    public record Redescribed(Stored stored, FindingState state, boolean reopened, Described described) {
    }

    /** A stored finding whose state alone changes. */
    public record Moved(Stored stored, FindingState state) {
    }

    private static final String COLUMNS = "SELECT id, finding_key, kind, state, goal_id, location, fingerprint, "
            + "dismissed_fingerprint, score, period, version FROM finding WHERE initiative_id = :initiative";

    /**
     * Every finding of the initiative. A full recompute reads a hundred thousand of them: as one text
     * (a line per finding, tab-separated) they cost a fifth of what as many result rows cost. Keys,
     * codes and fingerprints hold no tab or line break (codes are letters, digits, '.', '_', '-').
     */
    public Uni<List<Stored>> all(UUID initiative) {
        String sql = "SELECT string_agg(concat_ws(E'\\t', id, finding_key, kind, state, coalesce(cast(goal_id AS text), ''), "
                + "coalesce(location, ''), fingerprint, coalesce(dismissed_fingerprint, ''), coalesce(cast(score AS text), ''), "
                + "coalesce(period, ''), version), E'\\n') FROM finding WHERE initiative_id = :initiative";
        return Panache.getSession().chain(session -> session.<String>createNativeQuery(sql)
                .setParameter("initiative", initiative).getSingleResultOrNull()).map(Findings::parse);
    }

    private static List<Stored> parse(String text) {
        List<Stored> rows = new java.util.ArrayList<>();
        if (text == null || text.isEmpty()) {
            return rows;
        }
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", -1);
            rows.add(new Stored(UUID.fromString(f[0]), f[1], FindingKind.valueOf(f[2]), FindingState.valueOf(f[3]),
                    f[4].isEmpty() ? null : UUID.fromString(f[4]), f[5].isEmpty() ? null : f[5], f[6],
                    f[7].isEmpty() ? null : f[7], f[8].isEmpty() ? null : Integer.valueOf(f[8]),
                    f[9].isEmpty() ? null : f[9], Long.parseLong(f[10])));
        }
        return rows;
    }

    public Uni<List<Stored>> ofIndicator(UUID initiative, UUID indicator) {
        return rows(COLUMNS + " AND indicator_id = :indicator", initiative, "indicator", indicator);
    }

    public Uni<List<Stored>> withKeys(UUID initiative, Collection<String> keys) {
        return rows(COLUMNS + " AND finding_key = ANY(:keys)", initiative, "keys", keys.toArray(String[]::new));
    }

    /** The findings of the given areas (goal × location, as two parallel lists), and those with the given keys. */
    public Uni<List<Stored>> inAreasOrWithKeys(UUID initiative, List<UUID> goals, List<String> locations,
            Collection<String> keys) {
        // a join on the areas, not EXISTS: the planner then walks the area index (0.2 ms) instead of every finding (50 ms)
        String sql = "SELECT f.id, f.finding_key, f.kind, f.state, f.goal_id, f.location, f.fingerprint, "
                + "f.dismissed_fingerprint, f.score, f.period, f.version FROM finding f "
                + "JOIN unnest(cast(:goals AS text[]), cast(:locations AS text[])) AS a(goal, location) "
                + "ON f.goal_id = cast(a.goal AS uuid) AND f.location = a.location WHERE f.initiative_id = :initiative "
                + "UNION " + COLUMNS + " AND finding_key = ANY(:keys)";
        return Panache.getSession().chain(session -> session.<Object[]>createNativeQuery(sql)
                .setParameter("initiative", initiative)
                .setParameter("goals", goals.stream().map(UUID::toString).toArray(String[]::new))
                .setParameter("locations", locations.toArray(String[]::new))
                .setParameter("keys", keys.toArray(String[]::new)).getResultList()).map(Findings::stored);
    }

    private static Uni<List<Stored>> rows(String sql, UUID initiative, String name, Object value) {
        return Panache.getSession().chain(session -> {
            // rows as arrays: a Tuple builds a map of aliases per row, a tenth of a full recompute
            var query = session.<Object[]>createNativeQuery(sql).setParameter("initiative", initiative);
            if (name != null) {
                query.setParameter(name, value);
            }
            return query.getResultList();
        }).map(Findings::stored);
    }

    private static List<Stored> stored(List<Object[]> rows) {
        return rows.stream().map(r -> new Stored((UUID) r[0], (String) r[1], FindingKind.valueOf((String) r[2]),
                FindingState.valueOf((String) r[3]), (UUID) r[4], (String) r[5], (String) r[6], (String) r[7],
                r[8] == null ? null : ((Number) r[8]).intValue(), (String) r[9], ((Number) r[10]).longValue())).toList();
    }

    public Uni<Void> insert(UUID initiative, List<New> rows, OffsetDateTime now) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String sql = "INSERT INTO finding (id, initiative_id, finding_key, kind, state, goal_id, location, target_group, "
                + "period, indicator_id, activity_ids, organisation_ids, score, fingerprint, opened_at, updated_at, version) "
                + "SELECT cast(id AS uuid), :initiative, key, kind, 'OPEN', cast(goal AS uuid), location, grp, period, "
                + "cast(indicator AS uuid), cast(acts AS uuid[]), cast(orgs AS uuid[]), cast(score AS int), fingerprint, "
                + ":now, :now, 0 FROM unnest(cast(:ids AS text[]), cast(:keys AS text[]), cast(:kinds AS text[]), "
                + describedColumns() + ") AS r(id, key, kind, " + describedNames() + ")";
        return Panache.getSession().chain(session -> described(session.createNativeQuery(sql)
                        .setParameter("initiative", initiative).setParameter("now", now)
                        .setParameter("ids", text(rows, n -> n.id()))
                        .setParameter("keys", text(rows, New::key))
                        .setParameter("kinds", text(rows, n -> n.kind().name())), rows, New::described)
                .executeUpdate()
                // the planner's statistics of a table that just grew by thousands of rows are those of the table
                // before (autovacuum comes a minute later): the next joins on it would walk every row per area
                .call(() -> rows.size() < ANALYZE_AFTER ? Uni.createFrom().voidItem()
                        : session.createNativeQuery("ANALYZE finding").executeUpdate())).replaceWithVoid();
    }

    private static final int ANALYZE_AFTER = 10_000;

    public Uni<Void> redescribe(List<Redescribed> rows, OffsetDateTime now) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String sql = "UPDATE finding f SET state = r.state, goal_id = cast(r.goal AS uuid), location = r.location, "
                + "target_group = r.grp, period = r.period, indicator_id = cast(r.indicator AS uuid), "
                + "activity_ids = cast(r.acts AS uuid[]), organisation_ids = cast(r.orgs AS uuid[]), "
                + "score = cast(r.score AS int), fingerprint = r.fingerprint, updated_at = :now, version = f.version + 1, "
                + "opened_at = CASE WHEN r.reopened THEN :now ELSE f.opened_at END, "
                + "dismissed_fingerprint = CASE WHEN r.reopened THEN NULL ELSE f.dismissed_fingerprint END, "
                + "dismissed_reason = CASE WHEN r.reopened THEN NULL ELSE f.dismissed_reason END, "
                + "dismissed_by = CASE WHEN r.reopened THEN NULL ELSE f.dismissed_by END "
                + "FROM unnest(cast(:ids AS text[]), cast(:versions AS text[]), cast(:states AS text[]), "
                + "cast(:reopened AS boolean[]), " + describedColumns() + ") AS r(id, version, state, reopened, "
                + describedNames() + ") WHERE f.id = cast(r.id AS uuid) AND f.version = cast(r.version AS bigint)";
        return Panache.getSession().chain(session -> described(session.createNativeQuery(sql).setParameter("now", now)
                        .setParameter("ids", text(rows, r -> r.stored().id()))
                        .setParameter("versions", text(rows, r -> r.stored().version()))
                        .setParameter("states", text(rows, r -> r.state().name()))
                        .setParameter("reopened", rows.stream().map(Redescribed::reopened).toArray(Boolean[]::new)),
                rows, Redescribed::described).executeUpdate()).invoke(count -> requireAll(count, rows.size()))
                .replaceWithVoid();
    }

    public Uni<Void> move(List<Moved> rows, OffsetDateTime now) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String sql = "UPDATE finding f SET state = r.state, updated_at = :now, version = f.version + 1 "
                + "FROM unnest(cast(:ids AS text[]), cast(:versions AS text[]), cast(:states AS text[])) "
                + "AS r(id, version, state) WHERE f.id = cast(r.id AS uuid) AND f.version = cast(r.version AS bigint)";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql).setParameter("now", now)
                        .setParameter("ids", text(rows, r -> r.stored().id()))
                        .setParameter("versions", text(rows, r -> r.stored().version()))
                        .setParameter("states", text(rows, r -> r.state().name())).executeUpdate())
                .invoke(count -> requireAll(count, rows.size())).replaceWithVoid();
    }

    private static void requireAll(int updated, int expected) {
        if (updated != expected) {
            throw new OptimisticLockException("findings changed while they were reassessed; "
                    + (expected - updated) + " of " + expected + " were not written");
        }
    }

    private static String describedColumns() {
        return "cast(:goals AS text[]), cast(:locations AS text[]), cast(:groups AS text[]), cast(:periods AS text[]), "
                + "cast(:indicators AS text[]), cast(:acts AS text[]), cast(:orgs AS text[]), cast(:scores AS text[]), "
                + "cast(:fingerprints AS text[])";
    }

    private static String describedNames() {
        return "goal, location, grp, period, indicator, acts, orgs, score, fingerprint";
    }

    private static <T, Q extends org.hibernate.reactive.mutiny.Mutiny.MutationQuery> Q described(Q query, List<T> rows,
            Function<T, Described> described) {
        List<Described> d = rows.stream().map(described).toList();
        query.setParameter("goals", text(d, Described::goalId));
        query.setParameter("locations", text(d, Described::location));
        query.setParameter("groups", text(d, Described::targetGroup));
        query.setParameter("periods", text(d, Described::period));
        query.setParameter("indicators", text(d, Described::indicatorId));
        query.setParameter("acts", text(d, x -> array(x.activityIds())));
        query.setParameter("orgs", text(d, x -> array(x.organisationIds())));
        query.setParameter("scores", text(d, Described::score));
        query.setParameter("fingerprints", text(d, Described::fingerprint));
        return query;
    }

    /** Every value as text (null stays null), for one text[] parameter that SQL casts back. */
    private static <T> String[] text(List<T> rows, Function<T, Object> value) {
        return rows.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    /** A PostgreSQL array literal of ids. */
    private static String array(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    // --- area digests ---------------------------------------------------------------------------

    /** The digest of what was last computed for one area. */
    public record AreaDigest(UUID goalId, String location, String digest) {
    }

    public Uni<List<AreaDigest>> digests(UUID initiative) {
        // one text rather than fifteen thousand rows: the rows cost more to map than PostgreSQL takes to join them
        return Panache.getSession().chain(session -> session.<String>createNativeQuery(
                        "SELECT string_agg(concat_ws(E'\\t', goal_id, location, digest), E'\\n') FROM finding_area "
                                + "WHERE initiative_id = :initiative")
                .setParameter("initiative", initiative).getSingleResultOrNull())
                .map(text -> {
                    List<AreaDigest> digests = new java.util.ArrayList<>();
                    if (text != null && !text.isEmpty()) {
                        for (String line : text.split("\n")) {
                            String[] f = line.split("\t", -1);
                            digests.add(new AreaDigest(UUID.fromString(f[0]), f[1], f[2]));
                        }
                    }
                    return digests;
                });
    }

    /** Findings that belong to no area: the activities' own (ORPHANED, STALE, PARTNER_LEFT) and the ledger's. */
    public Uni<List<Stored>> withoutArea(UUID initiative) {
        return rows(COLUMNS + " AND goal_id IS NULL", initiative, null, null);
    }

    /** Removes one area's digest, so that the next full recompute compares that area's findings. */
    public Uni<Void> forgetDigest(UUID initiative, UUID goal, String location) {
        return Panache.getSession().chain(session -> session.createNativeQuery("DELETE FROM finding_area "
                        + "WHERE initiative_id = :initiative AND goal_id = :goal AND location = :location")
                .setParameter("initiative", initiative).setParameter("goal", goal).setParameter("location", location)
                .executeUpdate()).replaceWithVoid();
    }

    /** Writes the digests of {@code written} and removes those of {@code gone}. */
    public Uni<Void> saveDigests(UUID initiative, List<AreaDigest> written, List<AreaDigest> gone) {
        Uni<Void> removed = gone.isEmpty() ? Uni.createFrom().voidItem() : Panache.getSession()
                .chain(session -> session.createNativeQuery("DELETE FROM finding_area f USING unnest(cast(:goals AS text[]), "
                                + "cast(:locations AS text[])) AS a(goal, location) WHERE f.initiative_id = :initiative "
                                + "AND f.goal_id = cast(a.goal AS uuid) AND f.location = a.location")
                        .setParameter("initiative", initiative)
                        .setParameter("goals", text(gone, AreaDigest::goalId))
                        .setParameter("locations", text(gone, AreaDigest::location)).executeUpdate())
                .replaceWithVoid();
        return removed.chain(() -> written.isEmpty() ? Uni.createFrom().voidItem() : Panache.getSession()
                .chain(session -> session.createNativeQuery("INSERT INTO finding_area (initiative_id, goal_id, location, "
                                + "digest) SELECT :initiative, cast(goal AS uuid), location, digest FROM unnest("
                                + "cast(:goals AS text[]), cast(:locations AS text[]), cast(:digests AS text[])) AS a(goal, "
                                + "location, digest) ON CONFLICT (initiative_id, goal_id, location) DO UPDATE SET "
                                + "digest = excluded.digest")
                        .setParameter("initiative", initiative)
                        .setParameter("goals", text(written, AreaDigest::goalId))
                        .setParameter("locations", text(written, AreaDigest::location))
                        .setParameter("digests", text(written, AreaDigest::digest)).executeUpdate())
                .replaceWithVoid());
    }
}
