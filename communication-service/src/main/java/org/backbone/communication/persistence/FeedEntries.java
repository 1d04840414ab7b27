package org.backbone.communication.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.backbone.communication.domain.FeedItem;

/** The feed's table: appending in commit order, and reading an initiative's entries as a reader may see them. */
@ApplicationScoped
public class FeedEntries {

    /** The channel PostgreSQL notifies when an entry commits; {@link FeedHub} listens. */
    public static final String CHANNEL = "backbone_feed";
    private static final String SEPARATOR = "\u001f";

    private static final String COLUMNS = "seq, initiative_id, occurred_at, actor, verb, object_service, object_type, "
            + "object_id, title, array_to_string(params, E'\\x1f'), array_to_string(organisation_ids, ',')";

    /** One event's entry to append: the event's id, its initiative, time and actor, and what the feed says of it. */
    public record Append(String eventId, UUID initiative, OffsetDateTime at, String actor, FeedItem item) {
    }

    /** An object the feed names, by the service, type and id its events give. */
    private record ObjectKey(String service, String type, String id) implements Comparable<ObjectKey> {

        static ObjectKey of(FeedItem item) {
            return new ObjectKey(item.objectService(), item.objectType(), item.objectId());
        }

        @Override
        public int compareTo(ObjectKey o) {
            int c = service.compareTo(o.service);
            c = c != 0 ? c : type.compareTo(o.type);
            return c != 0 ? c : id.compareTo(o.id);
        }
    }

    /**
     * Appends the entries of a poll's events, in the order given, in the caller's transaction and as its
     * last statements: a handful of statements for the whole poll, not three per event (the per-event
     * round trips were what kept the feed's consumer behind at 100+ events/s). An entry without a title
     * gets the last title its object had before it, in this poll or before. Events already in the feed are
     * left as they are. Answers the entries written, in order.
     */
    public Uni<List<FeedEntry>> append(List<Append> appends) {
        if (appends.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // objects whose first entry here names no title: their title is the one stored before
        Map<ObjectKey, String> named = new HashMap<>();
        Set<ObjectKey> unnamed = new TreeSet<>();
        for (Append a : appends) {
            ObjectKey key = ObjectKey.of(a.item());
            if (a.item().title() != null) {
                named.put(key, a.item().title());
            } else if (!named.containsKey(key)) {
                unnamed.add(key);
            }
        }
        return Panache.getSession().chain(session -> storedTitles(session, unnamed)
                .chain(stored -> {
                    Map<ObjectKey, String> current = new HashMap<>(stored);
                    List<String> titles = new ArrayList<>(appends.size());
                    for (Append a : appends) {
                        ObjectKey key = ObjectKey.of(a.item());
                        if (a.item().title() != null) {
                            current.put(key, a.item().title());
                        }
                        titles.add(current.get(key));
                    }
                    return storeTitles(session, new TreeMap<>(named)).chain(() -> insert(session, appends, titles));
                }));
    }

    private static Uni<Map<ObjectKey, String>> storedTitles(Mutiny.Session session, Set<ObjectKey> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return session.<Object[]>createNativeQuery("SELECT o.object_service, o.object_type, o.object_id, o.title "
                        + "FROM feed_object o JOIN unnest(cast(:services AS text[]), cast(:types AS text[]), cast(:ids AS text[])) "
                        + "AS k(service, type, id) ON o.object_service = k.service AND o.object_type = k.type AND o.object_id = k.id")
                .setParameter("services", keys.stream().map(ObjectKey::service).toArray(String[]::new))
                .setParameter("types", keys.stream().map(ObjectKey::type).toArray(String[]::new))
                .setParameter("ids", keys.stream().map(ObjectKey::id).toArray(String[]::new))
                .getResultList()
                .map(rows -> {
                    Map<ObjectKey, String> found = new HashMap<>();
                    rows.stream().map(StoredTitle::of).forEach(stored -> found.put(stored.object(), stored.title()));
                    return found;
                });
    }

    /** A row of {@code feed_object}: an object and the title it has now. */
    private record StoredTitle(ObjectKey object, String title) {

        static StoredTitle of(Object[] row) {
            return new StoredTitle(new ObjectKey((String) row[0], (String) row[1], (String) row[2]), (String) row[3]);
        }
    }

    /** Keeps each object's newest title; in the objects' order, so that two writers lock the rows alike. */
    private static Uni<Void> storeTitles(Mutiny.Session session, SortedMap<ObjectKey, String> titles) {
        if (titles.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("INSERT INTO feed_object (object_service, object_type, object_id, title) "
                        + "SELECT * FROM unnest(cast(:services AS text[]), cast(:types AS text[]), cast(:ids AS text[]), "
                        + "cast(:titles AS text[])) ON CONFLICT (object_service, object_type, object_id) "
                        + "DO UPDATE SET title = excluded.title")
                .setParameter("services", titles.keySet().stream().map(ObjectKey::service).toArray(String[]::new))
                .setParameter("types", titles.keySet().stream().map(ObjectKey::type).toArray(String[]::new))
                .setParameter("ids", titles.keySet().stream().map(ObjectKey::id).toArray(String[]::new))
                .setParameter("titles", titles.values().toArray(String[]::new))
                .executeUpdate().replaceWithVoid();
    }

    /** A number the entries' statement gave, and the event it went to. */
    private record Numbered(long seq, String eventId) {

        static Numbered of(Object[] row) {
            return new Numbered(((Number) row[0]).longValue(), (String) row[1]);
        }
    }

    /**
     * The entries' one statement. It takes the advisory lock that makes the numbers commit in order (held
     * from here to the commit, while every other feed transaction waits), numbers the entries in the order
     * given (PostgreSQL evaluates nextval after the ORDER BY), inserts them and notifies {@link FeedHub}
     * once. (Array slices would read simpler, but Hibernate takes {@code [a:b]} for a parameter.)
     */
    private static Uni<List<FeedEntry>> insert(Mutiny.Session session, List<Append> appends, List<String> titles) {
        int n = appends.size();
        String[] events = new String[n];
        UUID[] initiatives = new UUID[n];
        String[] ats = new String[n];
        String[] actors = new String[n];
        String[] verbs = new String[n];
        String[] services = new String[n];
        String[] types = new String[n];
        String[] ids = new String[n];
        // each entry's words and organisations travel flattened, each with the number of its entry
        List<String> params = new ArrayList<>();
        List<Integer> paramOwners = new ArrayList<>();
        List<UUID> organisations = new ArrayList<>();
        List<Integer> organisationOwners = new ArrayList<>();
        Map<String, FeedEntry> unnumbered = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Append a = appends.get(i);
            FeedItem item = a.item();
            // as the column keeps it, so the entry streamed now equals the entry read later
            OffsetDateTime at = a.at().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            events[i] = a.eventId();
            initiatives[i] = a.initiative();
            ats[i] = at.toString();
            actors[i] = a.actor();
            verbs[i] = item.verb();
            services[i] = item.objectService();
            types[i] = item.objectType();
            ids[i] = item.objectId();
            for (String param : item.params()) {
                params.add(param);
                paramOwners.add(i + 1);
            }
            for (UUID organisation : item.organisations()) {
                organisations.add(organisation);
                organisationOwners.add(i + 1);
            }
            // the first of an event id repeated within the poll is the one inserted
            unnumbered.putIfAbsent(a.eventId(), new FeedEntry(0, a.initiative(), at, a.actor(), item.verb(),
                    item.objectService(), item.objectType(), item.objectId(), titles.get(i), item.params(),
                    item.organisations()));
        }
        return session.<Object[]>createNativeQuery("WITH word AS (SELECT w.n, array_agg(w.word ORDER BY w.i) AS words "
                        + "FROM unnest(cast(:params AS text[]), cast(:paramOwners AS int[])) WITH ORDINALITY AS w(word, n, i) "
                        + "GROUP BY w.n), "
                        + "reader AS (SELECT r.n, array_agg(r.id) AS ids "
                        + "FROM unnest(cast(:organisations AS uuid[]), cast(:organisationOwners AS int[])) AS r(id, n) GROUP BY r.n), "
                        + "entry AS (INSERT INTO feed_entry (seq, event_id, initiative_id, "
                        + "occurred_at, actor, verb, object_service, object_type, object_id, title, params, organisation_ids) "
                        + "SELECT nextval('feed_seq'), u.event_id, u.initiative_id, cast(u.at AS timestamptz), u.actor, u.verb, "
                        + "u.service, u.type, u.id, u.title, coalesce(w.words, cast('{}' AS text[])), "
                        + "coalesce(r.ids, cast('{}' AS uuid[])) "
                        + "FROM (SELECT pg_advisory_xact_lock(hashtext('feed_order'))) AS ordered, "
                        + "unnest(cast(:events AS text[]), cast(:initiatives AS uuid[]), cast(:ats AS text[]), "
                        + "cast(:actors AS text[]), cast(:verbs AS text[]), cast(:services AS text[]), cast(:types AS text[]), "
                        + "cast(:ids AS text[]), cast(:titles AS text[])) WITH ORDINALITY "
                        + "AS u(event_id, initiative_id, at, actor, verb, service, type, id, title, n) "
                        + "LEFT JOIN word w ON w.n = u.n LEFT JOIN reader r ON r.n = u.n "
                        + "ORDER BY u.n ON CONFLICT (event_id) DO NOTHING RETURNING seq, event_id) "
                        // the new numbers (none for events in the feed already); one notify when there are any
                        + "SELECT seq, event_id FROM entry WHERE (SELECT count(pg_notify('" + CHANNEL + "', '')) "
                        + "FROM (SELECT 1 FROM entry LIMIT 1) AS any_new) >= 0 ORDER BY seq")
                .setParameter("events", events).setParameter("initiatives", initiatives).setParameter("ats", ats)
                .setParameter("actors", actors).setParameter("verbs", verbs).setParameter("services", services)
                .setParameter("types", types).setParameter("ids", ids)
                .setParameter("titles", titles.toArray(String[]::new))
                .setParameter("params", params.toArray(String[]::new))
                .setParameter("paramOwners", paramOwners.toArray(Integer[]::new))
                .setParameter("organisations", organisations.toArray(UUID[]::new))
                .setParameter("organisationOwners", organisationOwners.toArray(Integer[]::new))
                .getResultList()
                .map(rows -> rows.stream().map(Numbered::of)
                        .map(numbered -> unnumbered.get(numbered.eventId()).numbered(numbered.seq())).toList());
    }

    /** What a list may be narrowed to; nulls narrow nothing. */
    public record Filter(String verbPrefix, String objectType, String objectId, String actor) {
    }

    /**
     * An initiative's entries the reader sees, newest first, below {@code before} (null: from the newest).
     *
     * @param organisation the reader's organisation (null for none)
     */
    public Uni<List<FeedEntry>> page(UUID initiative, boolean staff, UUID organisation, Filter filter, Long before,
            int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM feed_entry WHERE initiative_id = :initiative"
                // a reader of no organisation (an observer) must not match the staff-only marker, the nil uuid
                + " AND (cardinality(organisation_ids) = 0 OR :staff OR (:member AND :organisation = ANY(organisation_ids)))");
        if (before != null) {
            sql.append(" AND seq < :before");
        }
        if (filter.verbPrefix() != null) {
            sql.append(" AND starts_with(verb, :verb)");
        }
        if (filter.objectType() != null) {
            sql.append(" AND object_type = :objectType");
        }
        if (filter.objectId() != null) {
            sql.append(" AND object_id = :objectId");
        }
        if (filter.actor() != null) {
            sql.append(" AND actor = :actor");
        }
        sql.append(" ORDER BY seq DESC LIMIT :limit");
        return Panache.getSession().chain(session -> {
            var query = session.<Object[]>createNativeQuery(sql.toString())
                    .setParameter("initiative", initiative).setParameter("staff", staff)
                    .setParameter("member", organisation != null)
                    .setParameter("organisation", organisation == null ? new UUID(0, 0) : organisation)
                    .setParameter("limit", limit);
            if (before != null) {
                query.setParameter("before", before);
            }
            if (filter.verbPrefix() != null) {
                query.setParameter("verb", filter.verbPrefix());
            }
            if (filter.objectType() != null) {
                query.setParameter("objectType", filter.objectType());
            }
            if (filter.objectId() != null) {
                query.setParameter("objectId", filter.objectId());
            }
            if (filter.actor() != null) {
                query.setParameter("actor", filter.actor());
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(FeedEntries::entry).toList());
    }

    /** Where a replay stands: the entries after {@code after} (oldest first, at most {@code limit}) and the newest number. */
    public record Replay(List<FeedEntry> entries, long newest) {
    }

    /** An initiative's entries after {@code after}, and the newest number in the whole feed as the same snapshot saw it. */
    public Uni<Replay> after(UUID initiative, long after, int limit) {
        return Panache.getSession().chain(session -> session.<Object[]>createNativeQuery("SELECT " + COLUMNS
                        + " FROM feed_entry WHERE initiative_id = :initiative AND seq > :after ORDER BY seq LIMIT :limit")
                .setParameter("initiative", initiative).setParameter("after", after).setParameter("limit", limit)
                .getResultList()
                .chain(rows -> session.<Long>createNativeQuery("SELECT coalesce(max(seq), 0) FROM feed_entry")
                        .getSingleResult().map(newest -> new Replay(rows.stream().map(FeedEntries::entry).toList(),
                                ((Number) newest).longValue()))));
    }

    static FeedEntry entry(Object[] r) {
        String params = (String) r[9];
        String organisations = (String) r[10];
        Set<UUID> orgs = new HashSet<>();
        if (organisations != null && !organisations.isEmpty()) {
            Arrays.stream(organisations.split(",")).map(UUID::fromString).forEach(orgs::add);
        }
        OffsetDateTime at = r[2] instanceof OffsetDateTime o ? o
                : ((java.time.Instant) r[2]).atOffset(ZoneOffset.UTC);
        return new FeedEntry(((Number) r[0]).longValue(), (UUID) r[1], at, (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                params == null || params.isEmpty() ? List.of() : new ArrayList<>(List.of(params.split(SEPARATOR, -1))),
                orgs);
    }
}
