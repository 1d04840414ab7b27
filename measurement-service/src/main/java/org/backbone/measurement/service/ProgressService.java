package org.backbone.measurement.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.measurement.Direction;
import org.backbone.contracts.measurement.ProgressStatus;
import org.backbone.contracts.measurement.Visibility;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.agenda.AgendaProjection;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;
import org.backbone.kit.domain.Period;
import org.backbone.measurement.domain.Progress;
import org.backbone.measurement.domain.Progress.PeriodProgress;
import org.backbone.measurement.domain.ProgressAssembly;
import org.backbone.measurement.domain.ProgressAssembly.Reported;
import org.backbone.measurement.domain.ProgressRules;
import org.backbone.measurement.persistence.ApprovedValues;
import org.backbone.measurement.persistence.IndicatorEntity;

/**
 * Progress of an indicator period by period ({@link ProgressAssembly}), the scorecard of an
 * initiative and the comparison of partners, from the approved values.
 */
@ApplicationScoped
public class ProgressService {

    private final InitiativeAccess access;
    private final ApprovedValues values;
    private final AgendaProjection agenda;

    ProgressService(InitiativeAccess access, ApprovedValues values, AgendaProjection agenda) {
        this.access = access;
        this.values = values;
        this.agenda = agenda;
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
        Period first = from == null ? null : parse(indicator, from, "from");
        Period last = to == null ? null : parse(indicator, to, "to");
        ProgressAssembly.Indicator definition = indicator.progressDefinition();
        // with a range, read only it (and the period before, for the trend)
        return values.ofIndicator(indicator.id, dimension,
                        first == null ? LocalDate.of(1, 1, 1) : first.previous().start(),
                        last == null ? LocalDate.of(9999, 12, 31) : last.start())
                .chain(reported -> expectedPartners(indicator).map(expected -> ProgressAssembly.compute(definition,
                        reported, ProgressAssembly.range(definition, reported, first, last), expected, dimension != null)));
    }

    /** One line per active indicator: where it stands in the latest period that has data. */
    public record ScorecardLine(UUID indicatorId, String code, String name, String unit, Direction direction,
            String period, BigDecimal value, BigDecimal target, ProgressStatus status, ProgressRules.Trend trend) {
    }

    @WithSession
    public Uni<List<ScorecardLine>> scorecard(Caller caller, UUID initiativeId) {
        return access.readable(caller, initiativeId)
                .chain(() -> IndicatorEntity.<IndicatorEntity>list("initiativeId = ?1 and status = ?2 order by code",
                        initiativeId, IndicatorEntity.Status.ACTIVE))
                .chain(indicators -> values.totalsOfInitiative(initiativeId)
                        .chain(totals -> agenda.memberCount(initiativeId).map(partners -> indicators.stream().map(indicator -> {
                            ProgressAssembly.Indicator definition = indicator.progressDefinition();
                            List<Reported> own = totals.getOrDefault(indicator.id, List.of());
                            Progress progress = ProgressAssembly.compute(definition, own,
                                    ProgressAssembly.range(definition, own, null, null),
                                    indicator.reporters.length > 0 ? indicator.reporters.length : partners, false);
                            PeriodProgress latest = ProgressAssembly.latest(progress).orElse(null);
                            return latest == null
                                    ? new ScorecardLine(indicator.id, indicator.code, indicator.name, indicator.unit,
                                            indicator.direction, null, null, null, ProgressStatus.NO_DATA, null)
                                    : new ScorecardLine(indicator.id, indicator.code, indicator.name, indicator.unit,
                                            indicator.direction, latest.period(), latest.value(), latest.target(),
                                            latest.status(), latest.trend());
                        }).toList())));
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
                    boolean named = caller.isAdmin() || indicator.visibility == Visibility.SHARED;
                    return values.byPartner(indicatorId, period).map(rows -> {
                        List<PartnerFigure> figures = new ArrayList<>();
                        int others = 0;
                        for (ApprovedValues.PartnerValue row : rows) {
                            boolean visible = named || caller.actsFor(row.organisationId());
                            String label = visible ? row.name() : "Partner " + (char) ('A' + others++ % 26);
                            figures.add(new PartnerFigure(visible ? row.organisationId() : null, visible ? row.name() : null,
                                    label, row.observation().value(), row.observation().numerator(),
                                    row.observation().denominator()));
                        }
                        return figures;
                    });
                });
    }

    private Uni<Integer> expectedPartners(IndicatorEntity indicator) {
        return indicator.reporters.length > 0 ? Uni.createFrom().item(indicator.reporters.length)
                : agenda.memberCount(indicator.initiativeId);
    }

    private static Period parse(IndicatorEntity indicator, String code, String field) {
        return indicator.period(code).orElseThrow(() -> ProblemException.invalid(field,
                "not a " + indicator.periodicity.name().toLowerCase() + " period code"));
    }
}
