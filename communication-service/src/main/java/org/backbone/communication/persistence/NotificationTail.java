package org.backbone.communication.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A person's newest notifications over JDBC, for streams that read from worker threads (no reactive session
 * there), and the NOTIFYs that tell whose there are: used by one thread ({@code NotificationHub}'s).
 */
@ApplicationScoped
public class NotificationTail {

    private final AgroalDataSource dataSource;
    private final Listening listening;

    NotificationTail(@DataSource("kit") AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.listening = new Listening(dataSource, Notifications.CHANNEL);
    }

    /** Starts listening, if not yet: from then on, {@link #awaitRecipients} misses no new in-app notification. */
    public void listen() throws SQLException {
        listening.connection();
    }

    /** Whether {@link #listen()} has been done since the last {@link #close()}. */
    public boolean listening() {
        return listening.open();
    }

    /**
     * Whom the in-app notifications committed since the last call are for, as soon as there are any, or
     * nobody after {@code millis}. Duplicates possible.
     */
    public List<String> awaitRecipients(int millis) throws SQLException {
        return listening.await(millis);
    }

    public void close() {
        listening.close();
    }

    /** The newest seq of the person's notifications, 0 for none. */
    public long newest(String recipient) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT coalesce(max(seq), 0) FROM notification WHERE recipient = ? AND in_app")) {
            s.setString(1, recipient);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Up to {@code limit} of the person's notifications after {@code after}, oldest first. */
    public List<Notifications.Notification> after(String recipient, long after, int limit) throws SQLException {
        List<Notifications.Notification> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT "
                + Notifications.COLUMNS + " FROM notification WHERE recipient = ? AND in_app AND seq > ? ORDER BY seq LIMIT ?")) {
            s.setString(1, recipient);
            s.setLong(2, after);
            s.setInt(3, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(read(r));
                }
            }
        }
        return rows;
    }

    /** A row selected as {@link Notifications#COLUMNS}. */
    static Notifications.Notification read(ResultSet r) throws SQLException {
        return new Notifications.Notification(r.getLong(1), r.getString(2), r.getObject(3, UUID.class), r.getString(4),
                r.getString(5), r.getString(6), r.getString(7), r.getString(8), Notifications.params(r.getString(9)),
                r.getObject(10, OffsetDateTime.class), r.getObject(11, OffsetDateTime.class));
    }
}
