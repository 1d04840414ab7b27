package org.backbone.activity.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.EventJson;
import org.backbone.contracts.measurement.Aggregation;
import org.backbone.contracts.measurement.IndicatorTarget;

/**
 * measurement-service's indicators as this service keeps them. Every write is guarded by the
 * definition's version (or, for statuses, the event's time), so a redelivered or late event never
 * undoes a newer one.
 */
@ApplicationScoped
public class Indicators {

    /** An indicator's definition as of {@code version} (0 when just defined). */
    public record Definition(UUID initiative, UUID id, String code, String name, String unit, Aggregation aggregation,
            List<UUID> goals, String baselinePeriod, BigDecimal baselineValue, List<IndicatorTarget> targets,
            long version) {
    }

    public Uni<Void> define(Definition d) {
        String targets;
        try {
            targets = EventJson.mapper().writeValueAsString(new IndicatorEntity.Definition(d.baselinePeriod(),
                    d.baselineValue(), d.targets() == null ? List.of() : d.targets()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("targets are plain values", e);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO indicator (id, initiative_id, code, name, unit, aggregation, goal_ids, targets, "
                                + "source_version) VALUES (:id, :initiative, :code, :name, :unit, :aggregation, "
                                + ":goals, cast(cast(:targets AS text) AS jsonb), :version) "
                                + "ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, "
                                + "unit = excluded.unit, aggregation = excluded.aggregation, goal_ids = excluded.goal_ids, "
                                + "targets = excluded.targets, source_version = excluded.source_version "
                                + "WHERE indicator.source_version < excluded.source_version")
                .setParameter("id", d.id()).setParameter("initiative", d.initiative()).setParameter("code", d.code())
                .setParameter("name", d.name()).setParameter("unit", d.unit())
                .setParameter("aggregation", d.aggregation().name())
                .setParameter("goals", d.goals().toArray(UUID[]::new))
                .setParameter("targets", targets).setParameter("version", d.version())
                .executeUpdate()).replaceWithVoid();
    }

    /** An update of an older producer, which names only the code and name. */
    public Uni<Void> rename(UUID id, String code, String name, long version) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "UPDATE indicator SET code = :code, name = :name, source_version = :version "
                                + "WHERE id = :id AND source_version < :version")
                .setParameter("id", id).setParameter("code", code).setParameter("name", name)
                .setParameter("version", version).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> retire(UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "UPDATE indicator SET retired = true WHERE id = :id").setParameter("id", id).executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> status(UUID id, String period, String status, OffsetDateTime at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "UPDATE indicator SET latest_period = :period, latest_status = :status, status_at = :at "
                                + "WHERE id = :id AND (status_at IS NULL OR status_at <= :at)")
                .setParameter("id", id).setParameter("period", period).setParameter("status", status)
                .setParameter("at", at).executeUpdate()).replaceWithVoid();
    }

    public Uni<List<IndicatorEntity>> of(UUID initiative) {
        return IndicatorEntity.list("initiativeId = ?1 order by code", initiative);
    }
}
