package org.backbone.measurement.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Month;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.backbone.contracts.measurement.Aggregation;
import org.backbone.contracts.measurement.Direction;
import org.backbone.contracts.measurement.Periodicity;
import org.backbone.contracts.measurement.ValueType;
import org.backbone.contracts.measurement.Visibility;
import org.backbone.measurement.domain.IndicatorSpec;
import org.backbone.kit.domain.Period;
import org.backbone.measurement.domain.ProgressAssembly;
import org.backbone.kit.domain.Targets;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "indicator")
public class IndicatorEntity extends PanacheEntityBase {

    public enum Status { ACTIVE, RETIRED }

    @Id
    public UUID id;
    @Column(name = "initiative_id")
    public UUID initiativeId;
    public String code;
    public String name;
    public String definition;
    public String unit;
    @Enumerated(EnumType.STRING)
    @Column(name = "value_type")
    public ValueType valueType;
    @Enumerated(EnumType.STRING)
    public Direction direction;
    @Enumerated(EnumType.STRING)
    public Aggregation aggregation;
    @Enumerated(EnumType.STRING)
    public Periodicity periodicity;
    @Column(name = "school_year_start")
    public Integer schoolYearStart;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, List<String>> dimensions;
    /** A PostgreSQL array: Hibernate Reactive maps JSON columns to objects only. */
    @Column(name = "goal_ids")
    public UUID[] goalIds;
    @Column(name = "baseline_period")
    public String baselinePeriod;
    @Column(name = "baseline_value")
    public BigDecimal baselineValue;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, BigDecimal> targets;
    @Column(name = "min_value")
    public BigDecimal minValue;
    @Column(name = "max_value")
    public BigDecimal maxValue;
    public UUID[] reporters;
    @Enumerated(EnumType.STRING)
    public Visibility visibility;
    @Column(name = "approval_required")
    public boolean approvalRequired;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;

    /**
     * Every indicator of an initiative, read-only and detached: a batch's transaction would otherwise
     * dirty-check their JSON maps on every flush.
     */
    public static Uni<List<IndicatorEntity>> detachedOfInitiative(UUID initiative) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from IndicatorEntity where initiativeId = :initiative", IndicatorEntity.class)
                .setParameter("initiative", initiative).setReadOnly(true).getResultList()
                .invoke(list -> list.forEach(session::detach)));
    }

    /** The indicators with these ids, read-only: the caller only reads them. */
    public static Uni<List<IndicatorEntity>> readOnly(java.util.Collection<UUID> ids) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from IndicatorEntity where id in :ids", IndicatorEntity.class)
                .setParameter("ids", ids).setReadOnly(true).getResultList());
    }

    public Month schoolYearMonth() {
        return schoolYearStart == null ? null : Month.of(schoolYearStart);
    }

    public Optional<Period> period(String code) {
        return Period.parse(code, periodicity, schoolYearMonth());
    }

    /** What a submitted value must fit. */
    public IndicatorSpec spec() {
        return new IndicatorSpec(code, status == Status.ACTIVE, valueType, aggregation, periodicity, schoolYearMonth(),
                dimensions.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue()))),
                Optional.ofNullable(minValue), Optional.ofNullable(maxValue), Set.of(reporters));
    }

    /** What progress is computed against. */
    public ProgressAssembly.Indicator progressDefinition() {
        return new ProgressAssembly.Indicator(id, code, name, aggregation, direction, periodicity, schoolYearMonth(),
                targetLine());
    }

    public Targets targetLine() {
        Map<Period, BigDecimal> explicit = new TreeMap<>();
        targets.forEach((code, value) -> period(code).ifPresent(p -> explicit.put(p, value)));
        Optional<Targets.Baseline> baseline = baselinePeriod == null || baselineValue == null ? Optional.empty()
                : period(baselinePeriod).map(p -> new Targets.Baseline(p, baselineValue));
        return new Targets(baseline, explicit);
    }
}
