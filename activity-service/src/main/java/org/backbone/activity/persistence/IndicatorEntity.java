package org.backbone.activity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.backbone.contracts.measurement.Aggregation;
import org.backbone.contracts.measurement.IndicatorTarget;
import org.backbone.kit.domain.Period;
import org.backbone.kit.domain.Targets;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One of measurement-service's indicators, as its events describe it; written only by {@link Indicators}. */
@Entity
@Table(name = "indicator")
public class IndicatorEntity extends PanacheEntityBase {

    /** Baseline and explicit targets, as measurement-service defined them. */
    public record Definition(String baselinePeriod, BigDecimal baselineValue, List<IndicatorTarget> targets) {
    }

    @Id
    public UUID id;
    @Column(name = "initiative_id")
    public UUID initiativeId;
    public String code;
    public String name;
    public String unit;
    @Enumerated(EnumType.STRING)
    public Aggregation aggregation;
    @Column(name = "goal_ids")
    public UUID[] goalIds;
    public boolean retired;
    @JdbcTypeCode(SqlTypes.JSON)
    public Definition targets;
    @Column(name = "source_version")
    public long sourceVersion;
    @Column(name = "latest_period")
    public String latestPeriod;
    @Column(name = "latest_status")
    public String latestStatus;
    @Column(name = "status_at")
    public OffsetDateTime statusAt;

    /** Its targets as measurement-service reads them: explicit ones, and the line from the baseline between. */
    public Targets targetLine() {
        List<IndicatorTarget> explicit = targets == null || targets.targets() == null ? List.of() : targets.targets();
        Map<Period, BigDecimal> byPeriod = explicit.stream()
                .flatMap(t -> Period.parseAny(t.period()).map(p -> Map.entry(p, t.value())).stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b));
        Optional<Targets.Baseline> baseline = targets == null || targets.baselinePeriod() == null
                || targets.baselineValue() == null ? Optional.empty()
                : Period.parseAny(targets.baselinePeriod()).map(p -> new Targets.Baseline(p, targets.baselineValue()));
        return new Targets(baseline, byPeriod);
    }
}
