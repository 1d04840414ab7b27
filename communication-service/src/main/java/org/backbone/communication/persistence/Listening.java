package org.backbone.communication.persistence;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A blocking connection of its own that LISTENs on one channel, for the one thread that waits for its
 * NOTIFYs (a hub's). Not checked before each use (a round trip each time): a broken connection fails its
 * next statement, its user closes it, and the next use opens a new one.
 */
final class Listening {

    private final AgroalDataSource dataSource;
    private final String channel;
    private Connection connection;

    Listening(AgroalDataSource dataSource, String channel) {
        this.dataSource = dataSource;
        this.channel = channel;
    }

    /** The connection, listening: opened when there is none. */
    Connection connection() throws SQLException {
        if (connection == null) {
            Connection opened = dataSource.getConnection();
            try {
                opened.setAutoCommit(true);
                try (Statement statement = opened.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
            } catch (SQLException e) {
                opened.close();
                throw e;
            }
            connection = opened;
        }
        return connection;
    }

    /** Whether a connection is open (it may still turn out broken). */
    boolean open() {
        return connection != null;
    }

    /** The payloads of the NOTIFYs that arrive within {@code millis}, as soon as one does; empty when none. */
    List<String> await(int millis) throws SQLException {
        PGNotification[] arrived = connection().unwrap(PGConnection.class).getNotifications(millis);
        List<String> payloads = new ArrayList<>();
        if (arrived != null) {
            for (PGNotification notification : arrived) {
                payloads.add(notification.getParameter());
            }
        }
        return payloads;
    }

    void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing a broken connection: nothing to do
            }
            connection = null;
        }
    }
}
