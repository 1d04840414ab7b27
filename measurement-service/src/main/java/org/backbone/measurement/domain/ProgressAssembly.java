package org.backbone.measurement.domain;

import org.backbone.kit.domain.Targets;
import org.backbone.kit.domain.Period;
import java.math.BigDecimal;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.backbone.contracts.measurement.Aggregation;
import org.backbone.contracts.measurement.Direction;
import org.backbone.contracts.measurement.Periodicity;
import org.backbone.contracts.measurement.ProgressStatus;
import org.backbone.measurement.domain.Progress.PeriodProgress;

/**
 * Assembles an indicator's progress from its approved values: per period the aggregate of the
 * partners' totals (values without dimensions), the target, the share of the way from the
 * baseline, the status, the trend against the latest earlier period with data, how many partners
 * reported and, when asked, the breakdown by one dimension's values.
 */
public final class ProgressAssembly {

    /** The most periods one answer covers. */
    public static final int MAX_PERIODS = 120;

    private ProgressAssembly() {
    }

    /** What progress is computed against: the indicator's definition. */
    public record Indicator(UUID id, String code, String name, Aggregation aggregation, Direction direction,
            Periodicity periodicity, Month schoolYearStart, Targets targets) {

        Optional<Period> period(String code) {
            return Period.parse(code, periodicity, schoolYearStart);
        }
    }

    /**
     * One approved value: a partner's total for a period when {@code dimensionValue} is null, else
     * its value for that value of the dimension asked about.
     */
    public record Reported(String period, UUID organisationId, Observation observation, String dimensionValue) {
    }

    /**
     * The periods to report: from {@code first} to {@code last} where given, else from the earliest
     * to the latest period with a value, a target or the baseline; at most {@link #MAX_PERIODS}.
     */
    public static List<Period> range(Indicator indicator, List<Reported> values, Period first, Period last) {
        List<Period> known = new ArrayList<>();
        indicator.targets().baseline().ifPresent(b -> known.add(b.period()));
        values.forEach(v -> indicator.period(v.period()).ifPresent(known::add));
        known.addAll(indicator.targets().targetPeriods());
        Period from = first != null ? first : known.stream().min(Period::compareTo).orElse(null);
        Period to = last != null ? last : known.stream().max(Period::compareTo).orElse(null);
        List<Period> periods = new ArrayList<>();
        for (Period p = from; p != null && to != null && p.compareTo(to) <= 0 && periods.size() < MAX_PERIODS; p = p.next()) {
            periods.add(p);
        }
        return periods;
    }

    /**
     * @param expectedPartners how many partners should report each period
     * @param breakdown whether to add {@code byDimension} (from the values with a dimension value)
     */
    public static Progress compute(Indicator indicator, List<Reported> values, List<Period> periods,
            int expectedPartners, boolean breakdown) {
        Map<String, List<Observation>> totals = new HashMap<>();
        Map<String, Map<String, List<Observation>>> byValue = new HashMap<>();
        Map<String, Set<UUID>> reporting = new HashMap<>();
        for (Reported v : values) {
            if (v.dimensionValue() == null) {
                totals.computeIfAbsent(v.period(), k -> new ArrayList<>()).add(v.observation());
                reporting.computeIfAbsent(v.period(), k -> new HashSet<>()).add(v.organisationId());
            } else {
                byValue.computeIfAbsent(v.period(), k -> new TreeMap<>())
                        .computeIfAbsent(v.dimensionValue(), k -> new ArrayList<>()).add(v.observation());
            }
        }
        Targets targets = indicator.targets();
        Optional<BigDecimal> baseline = targets.baseline().map(Targets.Baseline::value);
        List<PeriodProgress> result = new ArrayList<>();
        Optional<BigDecimal> previous = periods.isEmpty() ? Optional.empty() : Aggregator.aggregate(
                indicator.aggregation(), totals.getOrDefault(periods.get(0).previous().code(), List.of()));
        for (Period period : periods) {
            Optional<BigDecimal> value = Aggregator.aggregate(indicator.aggregation(),
                    totals.getOrDefault(period.code(), List.of()));
            Optional<BigDecimal> target = targets.targetFor(period);
            ProgressStatus status = ProgressRules.status(indicator.direction(), value, target, baseline,
                    targets.finalTarget());
            Map<String, BigDecimal> byDimension = null;
            if (breakdown) {
                byDimension = new TreeMap<>();
                for (var entry : byValue.getOrDefault(period.code(), Map.of()).entrySet()) {
                    Map<String, BigDecimal> into = byDimension;
                    Aggregator.aggregate(indicator.aggregation(), entry.getValue())
                            .ifPresent(a -> into.put(entry.getKey(), a));
                }
            }
            result.add(new PeriodProgress(period.code(), value.orElse(null), target.orElse(null), baseline.orElse(null),
                    value.flatMap(v -> target.flatMap(t -> ProgressRules.share(v, t, baseline))).orElse(null), status,
                    reporting.getOrDefault(period.code(), Set.of()).size(), expectedPartners,
                    ProgressRules.trend(indicator.direction(), value, previous, target).orElse(null), byDimension));
            previous = value.isPresent() ? value : previous;
        }
        return new Progress(indicator.id(), indicator.code(), indicator.name(), result);
    }

    /** Where the indicator stands in the latest period with a value, if any. */
    public static Optional<PeriodProgress> latest(Progress progress) {
        return progress.periods().stream().filter(p -> p.value() != null).reduce((a, b) -> b);
    }
}
