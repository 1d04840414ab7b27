package org.backbone.measurement.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.backbone.contracts.measurement.ProgressStatus;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;
import org.backbone.measurement.api.ValueDtos.PeriodProgress;
import org.backbone.measurement.api.ValueDtos.Progress;
import org.backbone.measurement.domain.Aggregator;
import org.backbone.measurement.domain.Observation;
import org.backbone.measurement.domain.Period;
import org.backbone.measurement.domain.ProgressRules;
import org.backbone.measurement.domain.Targets;
import org.backbone.measurement.persistence.IndicatorEntity;
import org.backbone.kit.access.InitiativeAccess;

/**
 * Progress of an indicator period by period: the approved totals of every partner aggregated, the
 * target for the period, the share of the way from the baseline, the status and the trend. Totals
 * are the values reported without dimensions; {@code dimension} adds the breakdown by that
 * dimension's values.
 */
@ApplicationScoped
public class ProgressService {

    static final int MAX_PERIODS = 120;

    private final InitiativeAccess access;

    ProgressService(InitiativeAccess access) {
        this.access = access;
    }

    @WithSession
    public Uni<Progress> progress(Caller caller, UUID initiativeId, UUID indicatorId, String from, String to,
            String dimension) {
        return access.readable(caller, initiativeId)
                .chain(() -> IndicatorService.find(initiativeId, indicatorId))
                .chain(indicator -> progress(indicator, from, to, dimension));
    }

    /** Progress without an access check, in the caller's session: for the progress publisher. */
    Uni<Progress> progress(IndicatorEntity indicator, String from, String to, String dimension) {
        UUID indicatorId = indicator.id;
        return Uni.createFrom().item(indicator)
                .chain(ignored -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "SELECT period, organisation_id, value, numerator, denominator, dimensions ->> :dimension "
                                        + "FROM indicator_value WHERE indicator_id = :indicator AND status = 'APPROVED' "
                                        + "AND period_start BETWEEN :first AND :last "
                                        + "AND (dimension_key = '' OR jsonb_exists(dimensions, :dimension))", Object[].class)
                        .setParameter("dimension", dimension == null ? "" : dimension)
                        .setParameter("indicator", indicatorId)
                        // with a range, read only it (and the period before, for the trend)
                        .setParameter("first", from == null ? java.time.LocalDate.of(1, 1, 1)
                                : parse(indicator, from, "from").previous().start())
                        .setParameter("last", to == null ? java.time.LocalDate.of(9999, 12, 31)
                                : parse(indicator, to, "to").start())
                        .getResultList()
                        .chain(rows -> expectedPartners(session, indicator).map(expected ->
                                compute(indicator, rows, range(indicator, rows, from, to), expected, dimension)))));
    }

    /** One line per active indicator: where it stands in the latest period that has data. */
    public record ScorecardLine(UUID indicatorId, String code, String name, String unit,
            org.backbone.contracts.measurement.Direction direction, String period, BigDecimal value, BigDecimal target,
            ProgressStatus status, ProgressRules.Trend trend) {
    }

    @WithSession
    public Uni<List<ScorecardLine>> scorecard(Caller caller, UUID initiativeId) {
        return access.readable(caller, initiativeId)
                .chain(() -> IndicatorEntity.<IndicatorEntity>list("initiativeId = ?1 and status = ?2 order by code",
                        initiativeId, IndicatorEntity.Status.ACTIVE))
                .chain(indicators -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "SELECT indicator_id, period, organisation_id, value, numerator, denominator "
                                        + "FROM indicator_value WHERE initiative_id = :initiative AND status = 'APPROVED' "
                                        + "AND dimension_key = ''", Object[].class)
                        .setParameter("initiative", initiativeId).getResultList()
                        .chain(rows -> session.createNativeQuery(
                                        "SELECT count(*) FROM agenda_membership WHERE initiative_id = :initiative AND current", Long.class)
                                .setParameter("initiative", initiativeId).getSingleResult()
                                .map(partners -> indicators.stream().map(indicator -> {
                                    List<Object[]> own = rows.stream().filter(r -> indicator.id.equals(r[0]))
                                            .map(r -> new Object[] {r[1], r[2], r[3], r[4], r[5], null}).toList();
                                    Progress progress = compute(indicator, own, range(indicator, own, null, null),
                                            indicator.reporters.length > 0 ? indicator.reporters.length : partners.intValue(), null);
                                    PeriodProgress latest = progress.periods().stream().filter(p -> p.value() != null)
                                            .reduce((a, b) -> b).orElse(null);
                                    return latest == null
                                            ? new ScorecardLine(indicator.id, indicator.code, indicator.name, indicator.unit,
                                                    indicator.direction, null, null, null, ProgressStatus.NO_DATA, null)
                                            : new ScorecardLine(indicator.id, indicator.code, indicator.name, indicator.unit,
                                                    indicator.direction, latest.period(), latest.value(), latest.target(),
                                                    latest.status(), latest.trend());
                                }).toList()))));
    }

    /** One partner's figure in a comparison; {@code organisationId} and {@code name} are absent when anonymised. */
    public record PartnerFigure(UUID organisationId, String name, String label, BigDecimal value, BigDecimal numerator,
            BigDecimal denominator) {
    }

    /**
     * Each partner's approved total for a period. Backbone staff see every partner by name; others
     * see every partner of a SHARED indicator, and for a BACKBONE_ONLY one their own values beside
     * anonymised others.
     */
    @WithSession
    public Uni<List<PartnerFigure>> comparison(Caller caller, UUID initiativeId, UUID indicatorId, String period) {
        return access.readable(caller, initiativeId)
                .chain(() -> IndicatorService.find(initiativeId, indicatorId))
                .chain(indicator -> {
                    parse(indicator, period, "period");
                    boolean named = caller.isAdmin()
                            || indicator.visibility == org.backbone.contracts.measurement.Visibility.SHARED;
                    return Panache.getSession().chain(session -> session.createNativeQuery(
                                    "SELECT v.organisation_id, p.name, v.value, v.numerator, v.denominator FROM indicator_value v "
                                            + "LEFT JOIN agenda_membership p ON p.initiative_id = v.initiative_id AND p.organisation_id = v.organisation_id "
                                            + "WHERE v.indicator_id = :indicator AND v.period = :period AND v.status = 'APPROVED' "
                                            + "AND v.dimension_key = '' ORDER BY v.value DESC NULLS LAST, v.organisation_id", Object[].class)
                            .setParameter("indicator", indicatorId).setParameter("period", period).getResultList())
                            .map(rows -> {
                                List<PartnerFigure> figures = new ArrayList<>();
                                int others = 0;
                                for (Object[] row : rows) {
                                    UUID organisation = (UUID) row[0];
                                    boolean visible = named || caller.actsFor(organisation);
                                    String label = visible ? (String) row[1] : "Partner " + (char) ('A' + others++ % 26);
                                    figures.add(new PartnerFigure(visible ? organisation : null, visible ? (String) row[1] : null,
                                            label, decimal(row[2]), decimal(row[3]), decimal(row[4])));
                                }
                                return figures;
                            });
                });
    }

    private static Uni<Integer> expectedPartners(org.hibernate.reactive.mutiny.Mutiny.Session session, IndicatorEntity indicator) {
        if (indicator.reporters.length > 0) {
            return Uni.createFrom().item(indicator.reporters.length);
        }
        return session.createNativeQuery("SELECT count(*) FROM agenda_membership WHERE initiative_id = :initiative AND current",
                        Long.class)
                .setParameter("initiative", indicator.initiativeId).getSingleResult().map(Long::intValue);
    }

    private static List<Period> range(IndicatorEntity indicator, List<Object[]> rows, String from, String to) {
        Targets targets = indicator.targetLine();
        List<Period> known = new ArrayList<>();
        targets.baseline().ifPresent(b -> known.add(b.period()));
        rows.forEach(r -> indicator.period((String) r[0]).ifPresent(known::add));
        indicator.targets.keySet().forEach(code -> indicator.period(code).ifPresent(known::add));
        Period first = from != null ? parse(indicator, from, "from") : known.stream().min(Period::compareTo).orElse(null);
        Period last = to != null ? parse(indicator, to, "to") : known.stream().max(Period::compareTo).orElse(null);
        List<Period> periods = new ArrayList<>();
        for (Period p = first; p != null && last != null && p.compareTo(last) <= 0 && periods.size() < MAX_PERIODS; p = p.next()) {
            periods.add(p);
        }
        return periods;
    }

    private static Period parse(IndicatorEntity indicator, String code, String field) {
        return indicator.period(code).orElseThrow(() -> ProblemException.invalid(field,
                "not a " + indicator.periodicity.name().toLowerCase() + " period code"));
    }

    private static Progress compute(IndicatorEntity indicator, List<Object[]> rows, List<Period> periods, int expected,
            String dimension) {
        Map<String, List<Observation>> totals = new HashMap<>();
        Map<String, Map<String, List<Observation>>> breakdown = new HashMap<>();
        Map<String, java.util.Set<Object>> reporting = new HashMap<>();
        for (Object[] row : rows) {
            String period = (String) row[0];
            Observation observation = new Observation(decimal(row[2]), decimal(row[3]), decimal(row[4]));
            String member = (String) row[5];
            if (member == null) {
                totals.computeIfAbsent(period, k -> new ArrayList<>()).add(observation);
                reporting.computeIfAbsent(period, k -> new java.util.HashSet<>()).add(row[1]);
            } else {
                breakdown.computeIfAbsent(period, k -> new TreeMap<>())
                        .computeIfAbsent(member, k -> new ArrayList<>()).add(observation);
            }
        }
        Targets targets = indicator.targetLine();
        Optional<BigDecimal> baseline = targets.baseline().map(Targets.Baseline::value);
        List<PeriodProgress> result = new ArrayList<>();
        Optional<BigDecimal> previous = periods.isEmpty() ? Optional.empty() : Aggregator.aggregate(
                indicator.aggregation, totals.getOrDefault(periods.get(0).previous().code(), List.of()));
        for (Period period : periods) {
            Optional<BigDecimal> value = Aggregator.aggregate(indicator.aggregation,
                    totals.getOrDefault(period.code(), List.of()));
            Optional<BigDecimal> target = targets.targetFor(period);
            ProgressStatus status = ProgressRules.status(indicator.direction, value, target, baseline, targets.finalTarget());
            Map<String, BigDecimal> byDimension = null;
            if (dimension != null) {
                byDimension = new TreeMap<>();
                for (var entry : breakdown.getOrDefault(period.code(), Map.of()).entrySet()) {
                    Map<String, BigDecimal> into = byDimension;
                    Aggregator.aggregate(indicator.aggregation, entry.getValue()).ifPresent(v -> into.put(entry.getKey(), v));
                }
            }
            result.add(new PeriodProgress(period.code(), value.orElse(null), target.orElse(null), baseline.orElse(null),
                    value.flatMap(v -> target.flatMap(t -> ProgressRules.share(v, t, baseline))).orElse(null), status,
                    reporting.getOrDefault(period.code(), java.util.Set.of()).size(), expected,
                    ProgressRules.trend(indicator.direction, value, previous, target).orElse(null), byDimension));
            previous = value.isPresent() ? value : previous;
        }
        return new Progress(indicator.id, indicator.code, indicator.name, result);
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
