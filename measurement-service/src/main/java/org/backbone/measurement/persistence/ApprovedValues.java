package org.backbone.measurement.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.backbone.measurement.domain.Observation;
import org.backbone.measurement.domain.ProgressAssembly.Reported;

/** The approved values progress, scorecards and comparisons are computed from. */
@ApplicationScoped
public class ApprovedValues {

    /** A partner's approved total for a period, with its name as the agenda projection knows it. */
    public record PartnerValue(UUID organisationId, String name, Observation observation) {
    }

    /**
     * An indicator's approved values with a period starting between {@code first} and {@code last}:
     * the totals, and (when {@code dimension} is given) the values broken down by it.
     */
    public Uni<List<Reported>> ofIndicator(UUID indicator, String dimension, LocalDate first, LocalDate last) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT period, organisation_id, value, numerator, denominator, "
                                + "dimensions ->> :dimension AS dimension_value "
                                + "FROM indicator_value WHERE indicator_id = :indicator AND status = 'APPROVED' "
                                + "AND period_start BETWEEN :first AND :last "
                                + "AND (dimension_key = '' OR jsonb_exists(dimensions, :dimension))", Tuple.class)
                .setParameter("dimension", dimension == null ? "" : dimension)
                .setParameter("indicator", indicator)
                .setParameter("first", first)
                .setParameter("last", last)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new Reported(row.get("period", String.class),
                        row.get("organisation_id", UUID.class), observation(row),
                        row.get("dimension_value", String.class))).toList());
    }

    /** Every approved total of an initiative, by indicator. */
    public Uni<Map<UUID, List<Reported>>> totalsOfInitiative(UUID initiative) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT indicator_id, period, organisation_id, value, numerator, denominator "
                                + "FROM indicator_value WHERE initiative_id = :initiative AND status = 'APPROVED' "
                                + "AND dimension_key = ''", Tuple.class)
                .setParameter("initiative", initiative)
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.groupingBy(row -> row.get("indicator_id", UUID.class),
                        Collectors.mapping(row -> new Reported(row.get("period", String.class),
                                row.get("organisation_id", UUID.class), observation(row), null), Collectors.toList()))));
    }

    /** Each partner's approved total for one period, highest first. */
    public Uni<List<PartnerValue>> byPartner(UUID indicator, String period) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT v.organisation_id, m.name, v.value, v.numerator, v.denominator FROM indicator_value v "
                                + "LEFT JOIN agenda_membership m ON m.initiative_id = v.initiative_id "
                                + "AND m.organisation_id = v.organisation_id "
                                + "WHERE v.indicator_id = :indicator AND v.period = :period AND v.status = 'APPROVED' "
                                + "AND v.dimension_key = '' ORDER BY v.value DESC NULLS LAST, v.organisation_id", Tuple.class)
                .setParameter("indicator", indicator)
                .setParameter("period", period)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new PartnerValue(row.get("organisation_id", UUID.class),
                        row.get("name", String.class), observation(row))).toList());
    }

    private static Observation observation(Tuple row) {
        return new Observation(decimal(row.get("value")), decimal(row.get("numerator")), decimal(row.get("denominator")));
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
