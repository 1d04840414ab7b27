package org.backbone.communication.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.backbone.communication.domain.FeedItem;

/** The feed's table: appending in commit order, and reading an initiative's entries as a reader may see them. */
@ApplicationScoped
public class FeedEntries {

    /** The channel PostgreSQL notifies when an entry commits; {@link FeedHub} listens. */
    public static final String CHANNEL = "backbone_feed";
    private static final String SEPARATOR = "\u001f";

    private static final String COLUMNS = "seq, initiative_id, occurred_at, actor, verb, object_service, object_type, "
            + "object_id, title, array_to_string(params, E'\\x1f'), array_to_string(organisation_ids, ',')";

    /**
     * Appends the entry of one event in the caller's transaction, as its last statement: the advisory
     * lock that makes the numbers commit in order is held from here to the commit, so it is taken by the
     * same statement that inserts the entry and notifies {@link FeedHub} (one round trip, not three,
     * while every other feed transaction waits). An event already in the feed is left as it is: null.
     */
    public Uni<FeedEntry> append(String eventId, UUID initiative, OffsetDateTime at, String actor, FeedItem item) {
        return Panache.getSession().chain(session -> {
            Uni<String> title = item.title() != null
                    ? session.createNativeQuery("INSERT INTO feed_object (object_service, object_type, object_id, title) "
                                    + "VALUES (:service, :type, :id, :title) ON CONFLICT (object_service, object_type, object_id) "
                                    + "DO UPDATE SET title = excluded.title")
                            .setParameter("service", item.objectService()).setParameter("type", item.objectType())
                            .setParameter("id", item.objectId()).setParameter("title", item.title())
                            .executeUpdate().replaceWith(item.title())
                    : session.<String>createNativeQuery("SELECT title FROM feed_object WHERE object_service = :service "
                                    + "AND object_type = :type AND object_id = :id")
                            .setParameter("service", item.objectService()).setParameter("type", item.objectType())
                            .setParameter("id", item.objectId()).getResultList()
                            .map(found -> found.isEmpty() ? null : found.get(0));
            // the lock's row comes first, so nextval runs once the lock is held
            return title.chain(known -> session.createNativeQuery("WITH entry AS (INSERT INTO feed_entry (seq, event_id, "
                                    + "initiative_id, occurred_at, actor, verb, object_service, object_type, object_id, title, "
                                    + "params, organisation_ids) SELECT nextval('feed_seq'), :event, :initiative, :at, :actor, "
                                    + ":verb, :service, :type, :id, :title, :params, :organisations "
                                    + "FROM (SELECT pg_advisory_xact_lock(hashtext('feed_order'))) AS ordered "
                                    + "ON CONFLICT (event_id) DO NOTHING RETURNING seq) "
                                    // one column: the new number, or null when the event was in the feed already
                                    // (then nothing is notified; HAVING makes the notify run once per new row)
                                    + "SELECT max(seq) FROM entry HAVING count(pg_notify('" + CHANNEL + "', '')) >= 0",
                                    Long.class)
                            .setParameter("event", eventId).setParameter("initiative", initiative)
                            .setParameter("at", at).setParameter("actor", actor).setParameter("verb", item.verb())
                            .setParameter("service", item.objectService()).setParameter("type", item.objectType())
                            .setParameter("id", item.objectId()).setParameter("title", known)
                            .setParameter("params", item.params().toArray(String[]::new))
                            .setParameter("organisations", item.organisations().toArray(UUID[]::new))
                            .getSingleResult()
                            .map(seq -> seq == null ? null : new FeedEntry(seq, initiative,
                                    // as the column keeps it, so the entry streamed now equals the entry read later
                                    at.truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                                    actor, item.verb(), item.objectService(), item.objectType(), item.objectId(), known,
                                    item.params(), item.organisations())));
        });
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
