package org.backbone.communication.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Notifications, watches and preferences, in the caller's reactive session. */
@ApplicationScoped
public class Notifications {

    private static final String SEPARATOR = "\u001f";
    /** Told each in-app recipient's subject when their new notifications commit (NotificationHub listens). */
    public static final String CHANNEL = "backbone_notification";

    /** What a notification is read as, in the order {@link Notification}'s fields take (over JDBC or not). */
    static final String COLUMNS = "seq, kind, initiative_id, verb, object_service, object_type, object_id, title, "
            + "array_to_string(params, E'\\x1f'), created_at, read_at";

    /** The params column as {@link #COLUMNS} reads it. */
    static List<String> params(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR, -1));
    }

    /** One notification to write. */
    public record NewNotification(String recipient, String kind, String eventId, UUID initiative, String verb,
            String objectService, String objectType, String objectId, String title, List<String> params, boolean inApp,
            String email) {
    }

    public record Notification(long seq, String kind, UUID initiative, String verb, String objectService, String objectType,
            String objectId, String title, List<String> params, OffsetDateTime createdAt, OffsetDateTime readAt) {
    }

    public record Watch(String recipient, String objectType, String objectId, String level, UUID organisation, boolean staff) {
    }

    public record Preference(String kind, boolean inApp, String email) {
    }

    /** When someone's digests go out; {@code weeklyDay} MONDAY … SUNDAY. */
    public record MailSetting(String timeZone, int digestHour, String weeklyDay) {
    }

    /** Writes them in one statement; a person told of an event once per kind, however often it is redelivered. */
    public Uni<Void> insert(List<NewNotification> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("WITH added AS (INSERT INTO notification (recipient, kind, event_id, "
                        + "initiative_id, verb, object_service, object_type, object_id, title, params, in_app, email) "
                        + "SELECT r, k, e, i, v, os, ot, oi, t, string_to_array(p, E'\\x1f'), a, m FROM unnest(cast(:r AS text[]), "
                        + "cast(:k AS text[]), cast(:e AS text[]), cast(:i AS uuid[]), cast(:v AS text[]), cast(:os AS text[]), "
                        + "cast(:ot AS text[]), cast(:oi AS text[]), cast(:t AS text[]), cast(:p AS text[]), cast(:a AS boolean[]), "
                        + "cast(:m AS text[])) AS x(r, k, e, i, v, os, ot, oi, t, p, a, m) "
                        + "ON CONFLICT (recipient, event_id, kind) DO NOTHING RETURNING recipient, in_app) "
                        // each person with new in-app notifications is told once, at the commit (PostgreSQL folds
                        // repeats of a payload within a transaction); redelivered events add nothing, tell nobody
                        + "SELECT count(pg_notify('" + CHANNEL + "', recipient)) FROM (SELECT DISTINCT recipient FROM added "
                        + "WHERE in_app) AS told", Long.class)
                .setParameter("r", rows.stream().map(NewNotification::recipient).toArray(String[]::new))
                .setParameter("k", rows.stream().map(NewNotification::kind).toArray(String[]::new))
                .setParameter("e", rows.stream().map(NewNotification::eventId).toArray(String[]::new))
                .setParameter("i", rows.stream().map(NewNotification::initiative).toArray(UUID[]::new))
                .setParameter("v", rows.stream().map(NewNotification::verb).toArray(String[]::new))
                .setParameter("os", rows.stream().map(NewNotification::objectService).toArray(String[]::new))
                .setParameter("ot", rows.stream().map(NewNotification::objectType).toArray(String[]::new))
                .setParameter("oi", rows.stream().map(NewNotification::objectId).toArray(String[]::new))
                .setParameter("t", rows.stream().map(NewNotification::title).toArray(String[]::new))
                .setParameter("p", rows.stream().map(r -> String.join(SEPARATOR, r.params())).toArray(String[]::new))
                .setParameter("a", rows.stream().map(NewNotification::inApp).toArray(Boolean[]::new))
                .setParameter("m", rows.stream().map(NewNotification::email).toArray(String[]::new))
                .getSingleResult()).replaceWithVoid();
    }

    public Uni<List<Notification>> page(String recipient, boolean unreadOnly, Long before, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM notification WHERE recipient = :r AND in_app"
                + (unreadOnly ? " AND read_at IS NULL" : "") + (before == null ? "" : " AND seq < :before")
                + " ORDER BY seq DESC LIMIT :limit";
        return Panache.getSession().chain(s -> {
            var q = s.<Object[]>createNativeQuery(sql).setParameter("r", recipient).setParameter("limit", limit);
            if (before != null) {
                q.setParameter("before", before);
            }
            return q.getResultList();
        }).map(rows -> rows.stream().map(r -> new Notification(((Number) r[0]).longValue(), (String) r[1], (UUID) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], params((String) r[8]),
                WebhookEndpoints.time(r[9]), WebhookEndpoints.time(r[10]))).toList());
    }

    public Uni<Long> unread(String recipient) {
        return Panache.getSession().chain(s -> s.<Long>createNativeQuery("SELECT count(*) FROM notification WHERE recipient = :r "
                + "AND read_at IS NULL AND in_app").setParameter("r", recipient).getSingleResult()).map(n -> ((Number) n).longValue());
    }

    /** Marks one read; 0 when it is not the recipient's. */
    public Uni<Integer> markRead(String recipient, long seq) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE notification SET read_at = coalesce(read_at, now()) "
                + "WHERE recipient = :r AND seq = :seq").setParameter("r", recipient).setParameter("seq", seq).executeUpdate());
    }

    public Uni<Integer> markAllRead(String recipient, long upTo) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE notification SET read_at = now() "
                + "WHERE recipient = :r AND seq <= :upTo AND read_at IS NULL").setParameter("r", recipient)
                .setParameter("upTo", upTo).executeUpdate());
    }

    /** The WATCHING and MUTED watches on any of these objects ({type, id} pairs). */
    public Uni<List<Watch>> watchesOn(List<String[]> objects) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT w.recipient, w.object_type, w.object_id, "
                        + "w.level, w.organisation_id, w.staff FROM watch w JOIN unnest(cast(:types AS text[]), "
                        + "cast(:ids AS text[])) AS o(t, i) ON w.object_type = o.t AND w.object_id = o.i WHERE w.level <> 'NORMAL'")
                .setParameter("types", objects.stream().map(o -> o[0]).toArray(String[]::new))
                .setParameter("ids", objects.stream().map(o -> o[1]).toArray(String[]::new)).getResultList())
                .map(rows -> rows.stream().map(r -> new Watch((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        (UUID) r[4], (Boolean) r[5])).toList());
    }

    public Uni<List<Watch>> watchesOf(String recipient) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT recipient, object_type, object_id, level, "
                        + "organisation_id, staff FROM watch WHERE recipient = :r ORDER BY object_type, object_id")
                .setParameter("r", recipient).getResultList())
                .map(rows -> rows.stream().map(r -> new Watch((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        (UUID) r[4], (Boolean) r[5])).toList());
    }

    public Uni<Void> watch(Watch watch) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO watch (recipient, object_type, object_id, level, "
                        + "organisation_id, staff) VALUES (:r, :t, :i, :l, :o, :staff) ON CONFLICT (recipient, object_type, object_id) "
                        + "DO UPDATE SET level = excluded.level, organisation_id = excluded.organisation_id, staff = excluded.staff, "
                        + "updated_at = now()")
                .setParameter("r", watch.recipient()).setParameter("t", watch.objectType()).setParameter("i", watch.objectId())
                .setParameter("l", watch.level()).setParameter("o", watch.organisation()).setParameter("staff", watch.staff())
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Integer> unwatch(String recipient, String type, String id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM watch WHERE recipient = :r AND object_type = :t "
                + "AND object_id = :i").setParameter("r", recipient).setParameter("t", type).setParameter("i", id).executeUpdate());
    }

    /** The initiative an object belongs to, as the feed has seen it; empty for an object it never saw. */
    public Uni<Optional<UUID>> initiativeOf(String type, String id) {
        return Panache.getSession().chain(s -> s.<UUID>createNativeQuery("SELECT initiative_id FROM feed_entry WHERE "
                        + "object_type = :t AND object_id = :i LIMIT 1").setParameter("t", type).setParameter("i", id)
                .getResultList()).map(rows -> rows.stream().findFirst());
    }

    /** The settings of {@code kind} that any of {@code recipients} chose, by recipient. */
    public Uni<Map<String, Preference>> preferencesOf(Collection<String> recipients, String kind) {
        if (recipients.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT recipient, in_app, email FROM "
                        + "notification_preference WHERE kind = :k AND recipient = ANY(cast(:r AS text[]))").setParameter("k", kind)
                .setParameter("r", recipients.toArray(String[]::new)).getResultList())
                .map(rows -> {
                    Map<String, Preference> byRecipient = new HashMap<>();
                    rows.forEach(r -> byRecipient.put((String) r[0], new Preference(kind, (Boolean) r[1], (String) r[2])));
                    return byRecipient;
                });
    }

    public Uni<Map<String, Preference>> preferences(String recipient) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT kind, in_app, email FROM "
                        + "notification_preference WHERE recipient = :r").setParameter("r", recipient).getResultList())
                .map(rows -> {
                    Map<String, Preference> byKind = new HashMap<>();
                    rows.forEach(r -> byKind.put((String) r[0], new Preference((String) r[0], (Boolean) r[1], (String) r[2])));
                    return byKind;
                });
    }

    public Uni<Void> prefer(String recipient, Preference preference) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO notification_preference (recipient, kind, in_app, "
                        + "email) VALUES (:r, :k, :a, :e) ON CONFLICT (recipient, kind) DO UPDATE SET in_app = excluded.in_app, "
                        + "email = excluded.email")
                .setParameter("r", recipient).setParameter("k", preference.kind()).setParameter("a", preference.inApp())
                .setParameter("e", preference.email()).executeUpdate()).replaceWithVoid();
    }

    public Uni<Optional<MailSetting>> mailSetting(String recipient) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("SELECT time_zone, digest_hour, weekly_day FROM "
                        + "mail_setting WHERE recipient = :r").setParameter("r", recipient).getResultList())
                .map(rows -> rows.stream().findFirst().map(r -> new MailSetting((String) r[0], ((Number) r[1]).intValue(),
                        (String) r[2])));
    }

    public Uni<Void> setMailSetting(String recipient, MailSetting setting) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO mail_setting (recipient, time_zone, digest_hour, "
                        + "weekly_day) VALUES (:r, :z, :h, :d) ON CONFLICT (recipient) DO UPDATE SET time_zone = excluded.time_zone, "
                        + "digest_hour = excluded.digest_hour, weekly_day = excluded.weekly_day")
                .setParameter("r", recipient).setParameter("z", setting.timeZone()).setParameter("h", setting.digestHour())
                .setParameter("d", setting.weeklyDay()).executeUpdate()).replaceWithVoid();
    }

    /** The last title the feed saw for an object, if any. */
    public Uni<Optional<String>> titleOf(String service, String type, String id) {
        return Panache.getSession().chain(s -> s.<String>createNativeQuery("SELECT title FROM feed_object WHERE "
                        + "object_service = :s AND object_type = :t AND object_id = :i").setParameter("s", service)
                .setParameter("t", type).setParameter("i", id).getResultList()).map(rows -> rows.stream().findFirst());
    }

    /**
     * The organisations that report an indicator, as measurement's events said; empty when it names
     * none (every partner reports it) or was never seen.
     */
    public Uni<Set<UUID>> reportersOf(UUID indicator) {
        return Panache.getSession().chain(s -> s.<UUID>createNativeQuery("SELECT unnest(reporters) FROM report_indicator "
                        + "WHERE indicator_id = :i").setParameter("i", indicator).getResultList())
                .map(Set::copyOf);
    }

    /** The organisations currently partners of the initiative (the kit's agenda projection). */
    public Uni<List<UUID>> currentPartners(UUID initiative) {
        return Panache.getSession().chain(s -> s.<UUID>createNativeQuery("SELECT organisation_id FROM agenda_membership "
                + "WHERE initiative_id = :i AND current").setParameter("i", initiative).getResultList());
    }
}
