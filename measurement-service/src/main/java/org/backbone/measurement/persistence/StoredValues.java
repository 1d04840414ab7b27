package org.backbone.measurement.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The stored values of an indicator as staff review them, and the review itself. */
@ApplicationScoped
public class StoredValues {

    private static final ObjectMapper DIMENSIONS = new ObjectMapper();

    /** One stored value with its review state (also the API's body for it). */
    public record StoredValue(UUID id, UUID organisationId, String period, Map<String, String> dimensions,
            BigDecimal value, BigDecimal numerator, BigDecimal denominator, String comment, String status,
            String statusReason, int revision) {
    }

    /**
     * Up to {@code limit} values of an indicator in period and partner order.
     *
     * @param status only values in this status, or null for all
     * @param organisation only this organisation's values, or null for every partner's
     */
    public Uni<List<StoredValue>> of(UUID indicator, String status, UUID organisation, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT id, organisation_id, period, cast(dimensions AS text) AS dimensions, value, numerator, "
                                + "denominator, comment, status, status_reason, revision FROM indicator_value "
                                + "WHERE indicator_id = :indicator AND (cast(:status AS text) IS NULL OR status = :status) "
                                + "AND (cast(:partner AS uuid) IS NULL OR organisation_id = :partner) "
                                + "ORDER BY period_start, organisation_id, dimension_key LIMIT :limit", Tuple.class)
                .setParameter("indicator", indicator)
                .setParameter("status", status)
                .setParameter("partner", organisation)
                .setParameter("limit", limit)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new StoredValue(r.get("id", UUID.class),
                        r.get("organisation_id", UUID.class), r.get("period", String.class),
                        dimensions(r.get("dimensions", String.class)), r.get("value", BigDecimal.class),
                        r.get("numerator", BigDecimal.class), r.get("denominator", BigDecimal.class),
                        r.get("comment", String.class), r.get("status", String.class),
                        r.get("status_reason", String.class), ((Number) r.get("revision")).intValue())).toList());
    }

    /**
     * Sets the status of the given values of an indicator and marks their periods for recomputing
     * progress. Emits how many of them were found.
     */
    public Uni<Integer> review(UUID indicator, List<UUID> valueIds, String status, String reason) {
        UUID[] ids = valueIds.toArray(UUID[]::new);
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "UPDATE indicator_value SET status = :status, status_reason = :reason "
                                        + "WHERE indicator_id = :indicator AND id = ANY(:ids)")
                        .setParameter("status", status)
                        .setParameter("reason", reason)
                        .setParameter("indicator", indicator)
                        .setParameter("ids", ids)
                        .executeUpdate()
                        .call(() -> session.createNativeQuery(
                                        "INSERT INTO progress_mark (indicator_id, period) SELECT DISTINCT indicator_id, period "
                                                + "FROM indicator_value WHERE id = ANY(:ids)")
                                .setParameter("ids", ids).executeUpdate()));
    }

    /** The stored dimensions (a JSONB object of strings, read as text) as the object they are. */
    private static Map<String, String> dimensions(String json) {
        try {
            return json == null ? Map.of() : DIMENSIONS.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored dimensions are always a JSON object of strings", e);
        }
    }
}
