package org.backbone.communication.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.backbone.communication.domain.webhook.DeliveryOutcome.Kind;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.communication.WebhookEndpointDisabled;

/**
 * The delivery queue as the dispatcher works it, over JDBC from its own thread: claim what is due,
 * record how each attempt went. Claims take rows with {@code SKIP LOCKED} and lease them, so replicas
 * share the queue and a crashed replica's deliveries are taken over when their lease ends.
 */
@ApplicationScoped
public class WebhookQueue {

    /** A claimed delivery with what sending it needs; {@code secrets} newest first. */
    public record Claimed(long id, UUID endpoint, String url, String messageId, String body, int attempts,
            List<String> secrets) {
    }

    /** How one attempt went; {@code retryAt} when it is tried again. */
    public record Result(Claimed delivery, Kind outcome, Instant at, Integer status, String error, String excerpt,
            int durationMillis, Instant retryAt) {
    }

    /** An endpoint this batch of results disabled (its owner is told through the event it published). */
    public record Disabled(UUID endpoint, UUID owner, String url, String reason) {
    }

    private final AgroalDataSource dataSource;

    WebhookQueue(@DataSource("kit") AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Leases up to {@code limit} due deliveries of enabled endpoints, at most {@code perEndpoint} in flight
     * for any one endpoint (counting those leased already), each endpoint's oldest first.
     */
    public List<Claimed> claim(int limit, int perEndpoint, Duration lease) throws SQLException {
        String sql = "WITH candidate AS ("
                + " SELECT c.id FROM webhook_endpoint e CROSS JOIN LATERAL ("
                + "   SELECT d.id, d.leased_until FROM webhook_delivery d"
                + "   WHERE d.endpoint_id = e.id AND d.state = 'PENDING' AND d.due_at <= now()"
                + "   ORDER BY d.due_at, d.id LIMIT ?) c"
                + " WHERE e.enabled AND c.leased_until <= now() LIMIT ?),"
                + " locked AS (SELECT d.id FROM webhook_delivery d WHERE d.id IN (SELECT id FROM candidate)"
                + "   FOR UPDATE SKIP LOCKED)"
                + " UPDATE webhook_delivery d SET leased_until = now() + ? * interval '1 millisecond'"
                + " FROM locked, webhook_endpoint e, webhook_message m"
                + " WHERE d.id = locked.id AND e.id = d.endpoint_id AND m.id = d.message_id"
                + " AND d.state = 'PENDING' AND d.leased_until <= now()"
                + " RETURNING d.id, e.id, e.url, m.id, m.body, d.attempts,"
                + " (SELECT string_agg(s.secret, ' ' ORDER BY s.created_at DESC) FROM webhook_secret s"
                + "   WHERE s.endpoint_id = e.id AND (s.expires_at IS NULL OR s.expires_at > now()))";
        List<Claimed> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, perEndpoint);
            s.setInt(2, limit);
            s.setLong(3, lease.toMillis());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String secrets = r.getString(7);
                    claimed.add(new Claimed(r.getLong(1), r.getObject(2, UUID.class), r.getString(3), r.getString(4),
                            r.getString(5), r.getInt(6), secrets == null ? List.of() : List.of(secrets.split(" "))));
                }
            }
        }
        // RETURNING keeps no order: each endpoint's messages go out in the order they were queued
        claimed.sort(java.util.Comparator.comparingLong(Claimed::id));
        return claimed;
    }

    /**
     * Records a batch of attempts in one transaction: the deliveries' states, the attempt log and the
     * endpoints' failing streaks; disables an endpoint that answered 410 or failed everything for
     * {@code disableAfter}, and returns those.
     */
    public List<Disabled> record(List<Result> results, Duration disableAfter) throws SQLException {
        List<Disabled> disabled = new ArrayList<>();
        if (results.isEmpty()) {
            return disabled;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delivery = c.prepareStatement("UPDATE webhook_delivery SET state = ?, attempts = attempts + 1, "
                    + "due_at = coalesce(?, due_at), leased_until = '-infinity', last_attempt_at = ?, last_status = ?, "
                    + "last_error = ? WHERE id = ?");
                    // a delivery whose endpoint was deleted meanwhile is gone with it: its attempt is not logged (the
                    // foreign key would refuse it, and with it the results of every other delivery in the batch)
                    PreparedStatement attempt = c.prepareStatement("INSERT INTO webhook_attempt (delivery_id, at, status_code, "
                            + "error, excerpt, duration_ms) SELECT id, cast(? AS timestamptz), cast(? AS int), cast(? AS text), "
                            + "cast(? AS text), cast(? AS int) FROM webhook_delivery WHERE id = ?");
                    PreparedStatement succeeded = c.prepareStatement("UPDATE webhook_endpoint SET failing_since = NULL "
                            + "WHERE id = ? AND failing_since IS NOT NULL");
                    PreparedStatement failed = c.prepareStatement("UPDATE webhook_endpoint SET failing_since = ? "
                            + "WHERE id = ? AND failing_since IS NULL");
                    PreparedStatement disable = c.prepareStatement("UPDATE webhook_endpoint SET enabled = false, "
                            + "disabled_reason = ?, disabled_at = now(), version = version + 1 WHERE id = ? AND enabled "
                            + "AND (? OR failing_since <= now() - ? * interval '1 millisecond') RETURNING owner_organisation_id, url")) {
                java.util.Set<UUID> ok = new java.util.HashSet<>();
                java.util.Map<UUID, Result> bad = new java.util.HashMap<>();
                for (Result result : results) {
                    delivery.setString(1, switch (result.outcome()) {
                        case DELIVERED -> "SUCCEEDED";
                        case RETRY -> "PENDING";
                        case FAILED, GONE -> "FAILED";
                    });
                    delivery.setTimestamp(2, result.retryAt() == null ? null : Timestamp.from(result.retryAt()));
                    delivery.setTimestamp(3, Timestamp.from(result.at()));
                    delivery.setObject(4, result.status());
                    delivery.setString(5, result.error());
                    delivery.setLong(6, result.delivery().id());
                    delivery.addBatch();
                    attempt.setTimestamp(1, Timestamp.from(result.at()));
                    attempt.setObject(2, result.status());
                    attempt.setString(3, result.error());
                    attempt.setString(4, result.excerpt());
                    attempt.setInt(5, result.durationMillis());
                    attempt.setLong(6, result.delivery().id());
                    attempt.addBatch();
                    if (result.outcome() == Kind.DELIVERED) {
                        ok.add(result.delivery().endpoint());
                    } else {
                        bad.merge(result.delivery().endpoint(), result,
                                (a, b) -> b.outcome() == Kind.GONE ? b : a);
                    }
                }
                delivery.executeBatch();
                attempt.executeBatch();
                for (UUID endpoint : ok) {
                    succeeded.setObject(1, endpoint);
                    succeeded.addBatch();
                }
                succeeded.executeBatch();
                for (var entry : bad.entrySet()) {
                    if (ok.contains(entry.getKey())) {
                        continue; // it answered some: not failing everything
                    }
                    failed.setTimestamp(1, Timestamp.from(entry.getValue().at()));
                    failed.setObject(2, entry.getKey());
                    failed.addBatch();
                }
                failed.executeBatch();
                for (var entry : bad.entrySet()) {
                    boolean gone = entry.getValue().outcome() == Kind.GONE;
                    if (!gone && ok.contains(entry.getKey())) {
                        continue;
                    }
                    String reason = gone ? "the endpoint answered 410 Gone"
                            : "every delivery failed for " + disableAfter.toDays() + " days";
                    disable.setString(1, reason);
                    disable.setObject(2, entry.getKey());
                    disable.setBoolean(3, gone);
                    disable.setLong(4, disableAfter.toMillis());
                    try (ResultSet r = disable.executeQuery()) {
                        if (r.next()) {
                            disabled.add(new Disabled(entry.getKey(), r.getObject(1, UUID.class), r.getString(2), reason));
                        }
                    }
                }
                // in the same transaction: the endpoint is disabled exactly when the event says so
                org.backbone.kit.outbox.Outbox.append(c, disabled.stream().map(d -> new WebhookEndpointDisabled(
                        BackboneEvent.NO_INITIATIVE, d.endpoint(), d.owner(), d.url(), d.reason())).toList(),
                        org.backbone.kit.events.CloudEventHeaders.SYSTEM_ACTOR);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return disabled;
    }

    /** Forgets finished deliveries older than {@code retention}, then messages no delivery refers to; returns how many deliveries. */
    public int purge(Duration retention) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement deliveries = c.prepareStatement("DELETE FROM webhook_delivery WHERE state <> 'PENDING' "
                        + "AND created_at < now() - ? * interval '1 millisecond'");
                PreparedStatement messages = c.prepareStatement("DELETE FROM webhook_message m WHERE created_at < now() "
                        + "- ? * interval '1 millisecond' AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.message_id = m.id)")) {
            deliveries.setLong(1, retention.toMillis());
            int purged = deliveries.executeUpdate();
            messages.setLong(1, retention.toMillis());
            messages.executeUpdate();
            return purged;
        }
    }
}
