package org.backbone.communication.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.communication.domain.mail.DigestSchedule;

/**
 * The mail queue as the scheduled sender works it, over JDBC from a worker thread: turn notifications
 * to be mailed into mails (one each for IMMEDIATE, a digest per person for DAILY and WEEKLY), claim
 * due mails with {@code SKIP LOCKED} and a lease (replicas share the queue), and record how sending went.
 */
@ApplicationScoped
public class MailQueue {

    /** A person with notifications waiting for a digest of {@code frequency}, the oldest from {@code oldest}. */
    public record Waiting(String recipient, DigestSchedule.Frequency frequency, Instant oldest) {
    }

    /** A claimed mail: to whom, and what it carries (a kind, or DAILY / WEEKLY for a digest). */
    public record Claimed(long id, String recipient, String scope, int attempts) {
    }

    private final AgroalDataSource dataSource;

    MailQueue(@DataSource("kit") AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One mail for each notification to be mailed at once that no mail carries yet; how many. */
    public int planImmediate(int limit) throws SQLException {
        // each notification gets its mail's id up front, so one statement inserts the mails and links them
        String sql = "WITH due AS (SELECT seq, recipient, kind, nextval(pg_get_serial_sequence('mail_out', 'id')) AS mail"
                + "   FROM notification WHERE email = 'IMMEDIATE' AND mail_id IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED),"
                + " mail AS (INSERT INTO mail_out (id, recipient, scope) SELECT mail, recipient, kind FROM due)"
                + " UPDATE notification n SET mail_id = due.mail FROM due WHERE n.seq = due.seq";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, limit);
            return s.executeUpdate();
        }
    }

    /** Everyone with notifications waiting for a digest. */
    public List<Waiting> waiting() throws SQLException {
        List<Waiting> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT recipient, email, "
                + "min(created_at) FROM notification WHERE email IN ('DAILY', 'WEEKLY') AND mail_id IS NULL GROUP BY 1, 2");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new Waiting(r.getString(1), DigestSchedule.Frequency.valueOf(r.getString(2)),
                        r.getObject(3, OffsetDateTime.class).toInstant()));
            }
        }
        return rows;
    }

    /** The digest schedules people chose, by recipient. */
    public Map<String, DigestSchedule> schedules(List<String> recipients) throws SQLException {
        Map<String, DigestSchedule> chosen = new HashMap<>();
        if (recipients.isEmpty()) {
            return chosen;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT recipient, time_zone, "
                + "digest_hour, weekly_day FROM mail_setting WHERE recipient = ANY(?)")) {
            s.setArray(1, c.createArrayOf("text", recipients.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    chosen.put(r.getString(1), new DigestSchedule(ZoneId.of(r.getString(2)), r.getInt(3),
                            DayOfWeek.valueOf(r.getString(4))));
                }
            }
        }
        return chosen;
    }

    /**
     * Gathers the person's waiting notifications of that frequency into one digest mail; false when
     * another replica took them first.
     */
    public boolean planDigest(String recipient, DigestSchedule.Frequency frequency) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO mail_out (recipient, scope) VALUES (?, ?) RETURNING id");
                    PreparedStatement take = c.prepareStatement("UPDATE notification SET mail_id = ? WHERE recipient = ? "
                            + "AND email = ? AND mail_id IS NULL")) {
                insert.setString(1, recipient);
                insert.setString(2, frequency.name());
                long id;
                try (ResultSet r = insert.executeQuery()) {
                    r.next();
                    id = r.getLong(1);
                }
                take.setLong(1, id);
                take.setString(2, recipient);
                take.setString(3, frequency.name());
                if (take.executeUpdate() == 0) {
                    c.rollback();
                    return false;
                }
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Leases up to {@code limit} due mails, oldest first. */
    public List<Claimed> claim(int limit, Duration lease) throws SQLException {
        String sql = "UPDATE mail_out m SET leased_until = now() + ? * interval '1 millisecond', attempts = m.attempts + 1"
                + " WHERE m.id IN (SELECT id FROM mail_out WHERE status = 'PENDING' AND next_attempt_at <= now()"
                + "   AND (leased_until IS NULL OR leased_until <= now()) ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " RETURNING m.id, m.recipient, m.scope, m.attempts";
        List<Claimed> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, lease.toMillis());
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    claimed.add(new Claimed(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4)));
                }
            }
        }
        claimed.sort(java.util.Comparator.comparingLong(Claimed::id));
        return claimed;
    }

    /** What a mail carries, oldest first. */
    public List<Notifications.Notification> contents(long mailId) throws SQLException {
        List<Notifications.Notification> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT "
                + Notifications.COLUMNS + " FROM notification WHERE mail_id = ? ORDER BY seq")) {
            s.setLong(1, mailId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(NotificationTail.read(r));
                }
            }
        }
        return rows;
    }

    /** The initiatives' names as the feed last saw them. */
    public Map<UUID, String> initiativeTitles(java.util.Collection<UUID> initiatives) throws SQLException {
        Map<UUID, String> titles = new HashMap<>();
        if (initiatives.isEmpty()) {
            return titles;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT object_id, title "
                + "FROM feed_object WHERE object_type = 'initiative' AND object_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("text", initiatives.stream().map(UUID::toString).toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    titles.put(UUID.fromString(r.getString(1)), r.getString(2));
                }
            }
        }
        return titles;
    }

    public void sent(long id, String address) throws SQLException {
        finish(id, "SENT", address, null);
    }

    /** Nowhere to send it (no such person any more, no address, nothing left in it): not tried again. */
    public void skipped(long id, String reason) throws SQLException {
        finish(id, "SKIPPED", null, reason);
    }

    public void failed(long id, String address, String error) throws SQLException {
        finish(id, "FAILED", address, error);
    }

    /** A failure that may pass: tried again after {@code wait}. */
    public void retry(long id, String address, String error, Duration wait) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE mail_out SET "
                + "next_attempt_at = now() + ? * interval '1 millisecond', leased_until = NULL, address = ?, last_error = ? WHERE id = ?")) {
            s.setLong(1, wait.toMillis());
            s.setString(2, address);
            s.setString(3, error);
            s.setLong(4, id);
            s.executeUpdate();
        }
    }

    /** Forgets finished mails older than {@code retention} (their notifications stay, marked as mailed); how many. */
    public int purge(Duration retention) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM mail_out "
                + "WHERE status <> 'PENDING' AND created_at < now() - ? * interval '1 millisecond'")) {
            s.setLong(1, retention.toMillis());
            return s.executeUpdate();
        }
    }

    private void finish(long id, String status, String address, String error) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE mail_out SET "
                + "status = ?, leased_until = NULL, address = ?, last_error = ?, sent_at = CASE WHEN ? = 'SENT' THEN now() END "
                + "WHERE id = ?")) {
            s.setString(1, status);
            s.setString(2, address);
            s.setString(3, error);
            s.setString(4, status);
            s.setLong(5, id);
            s.executeUpdate();
        }
    }
}
