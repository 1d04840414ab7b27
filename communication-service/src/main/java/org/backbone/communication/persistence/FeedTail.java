package org.backbone.communication.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The end of the feed as one blocking connection sees it: waits for PostgreSQL's NOTIFY of a new entry
 * and reads the entries after a number, across initiatives. Used by one thread ({@code FeedHub}'s).
 */
@ApplicationScoped
public class FeedTail {

    private final Listening listening;

    FeedTail(@DataSource("kit") AgroalDataSource dataSource) {
        this.listening = new Listening(dataSource, FeedEntries.CHANNEL);
    }

    /** The newest number now. */
    public long newest() throws SQLException {
        try (Statement statement = connection().createStatement();
                ResultSet result = statement.executeQuery("SELECT coalesce(max(seq), 0) FROM feed_entry")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Up to {@code limit} entries after {@code after}, of every initiative, oldest first. */
    public List<FeedEntry> after(long after, int limit) throws SQLException {
        List<FeedEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = connection().prepareStatement("SELECT seq, initiative_id, occurred_at, actor, "
                + "verb, object_service, object_type, object_id, title, params, organisation_ids FROM feed_entry "
                + "WHERE seq > ? ORDER BY seq LIMIT ?")) {
            statement.setLong(1, after);
            statement.setInt(2, limit);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    entries.add(new FeedEntry(r.getLong(1), r.getObject(2, UUID.class), r.getObject(3, OffsetDateTime.class),
                            r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                            List.of((String[]) array(r.getArray(10))), Set.of((UUID[]) array(r.getArray(11)))));
                }
            }
        }
        return entries;
    }

    /** Returns on a NOTIFY of the feed's channel or after {@code millis}. */
    public void await(int millis) throws SQLException {
        // one wake-up reads every entry committed since: which notifications came does not matter
        listening.await(millis);
    }

    public void close() {
        listening.close();
    }

    private Connection connection() throws SQLException {
        return listening.connection();
    }

    private static Object array(Array array) throws SQLException {
        return array.getArray();
    }
}
