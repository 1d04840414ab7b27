package org.backbone.kit.persistence;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import java.util.Optional;
import org.backbone.kit.events.PermanentEventFailure;

/**
 * Which failures can pass if tried again, by PostgreSQL's SQLSTATE class (never by message text).
 * Class 22 (data exception: a NUL byte, a number out of range, bad encoding) and class 23
 * (integrity constraint violation) fail the same way every time: the record is at fault.
 * Everything else — class 08 (connection), 40 (serialization failure, deadlock), 53 (insufficient
 * resources), 57 (admin shutdown, statement timeout), a pool or network error — may pass and is retried.
 */
public final class DatabaseFailures {

    /** unique_violation: two requests raced to create the same thing. */
    public static final String UNIQUE_VIOLATION = "23505";

    private DatabaseFailures() {
    }

    /** The SQLSTATE of the first database error in {@code failure}'s cause chain. */
    public static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                return Optional.of(pg.getSqlState());
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /** Whether the data itself is refused, so that no retry can succeed. */
    public static boolean isDataRefused(Throwable failure) {
        return sqlState(failure).map(state -> state.startsWith("22") || state.startsWith("23")).orElse(false);
    }

    /** Whether a consumer should give the record up (dead-letter it) instead of retrying. */
    public static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PermanentEventFailure) {
                return true;
            }
        }
        return isDataRefused(failure);
    }

    /** A short reason for a dead letter: the SQLSTATE and the database's message, no stack. */
    public static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PermanentEventFailure permanent) {
                return permanent.getMessage();
            }
            if (t instanceof PgException pg) {
                return "the database refused it (SQLSTATE " + pg.getSqlState() + "): " + pg.getErrorMessage();
            }
            if (t instanceof SQLException sql) {
                return "the database refused it (SQLSTATE " + sql.getSQLState() + "): " + sql.getMessage();
            }
        }
        return String.valueOf(failure);
    }
}
