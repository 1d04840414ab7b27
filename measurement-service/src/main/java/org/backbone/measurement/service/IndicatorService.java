package org.backbone.measurement.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.backbone.contracts.measurement.IndicatorDefined;
import org.backbone.contracts.measurement.IndicatorRetired;
import org.backbone.contracts.measurement.IndicatorTarget;
import org.backbone.contracts.measurement.IndicatorUpdated;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.http.ETags;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;
import org.backbone.measurement.domain.IndicatorDefinition;
import org.backbone.measurement.persistence.IndicatorEntity;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.agenda.AgendaProjection;

/** The shared indicator catalogue: defined and changed by backbone staff, read by every member. */
@ApplicationScoped
public class IndicatorService {

    private final Outbox outbox;
    private final InitiativeAccess access;
    private final AgendaProjection agenda;

    IndicatorService(Outbox outbox, InitiativeAccess access, AgendaProjection agenda) {
        this.outbox = outbox;
        this.access = access;
        this.agenda = agenda;
    }

    @WithTransaction
    public Uni<IndicatorEntity> define(Caller caller, UUID initiativeId, IndicatorDefinition request) {
        return access.administrable(caller, initiativeId, "define indicators")
                .chain(() -> validate(initiativeId, request))
                .chain(() -> IndicatorEntity.count("initiativeId = ?1 and code = ?2", initiativeId, request.code()))
                .chain(existing -> {
                    if (existing > 0) {
                        throw ProblemException.conflict("indicator code " + request.code() + " is taken in this initiative");
                    }
                    IndicatorEntity indicator = new IndicatorEntity();
                    indicator.id = UUID.randomUUID();
                    indicator.initiativeId = initiativeId;
                    indicator.code = request.code();
                    indicator.status = IndicatorEntity.Status.ACTIVE;
                    indicator.createdBy = caller.subject();
                    indicator.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                    apply(indicator, request);
                    return indicator.<IndicatorEntity>persist().call(saved -> outbox.append(defined(saved)));
                });
    }

    @WithSession
    public Uni<List<IndicatorEntity>> list(Caller caller, UUID initiativeId, boolean includeRetired) {
        return access.readable(caller, initiativeId).chain(() -> includeRetired
                ? IndicatorEntity.<IndicatorEntity>list("initiativeId = ?1 order by code", initiativeId)
                : IndicatorEntity.<IndicatorEntity>list("initiativeId = ?1 and status = ?2 order by code", initiativeId,
                        IndicatorEntity.Status.ACTIVE));
    }

    @WithSession
    public Uni<IndicatorEntity> get(Caller caller, UUID initiativeId, UUID indicatorId) {
        return access.readable(caller, initiativeId).chain(() -> find(initiativeId, indicatorId));
    }

    /** Changes the definition; the code stays. */
    @WithTransaction
    public Uni<IndicatorEntity> update(Caller caller, UUID initiativeId, UUID indicatorId, String ifMatch,
            IndicatorDefinition request) {
        ETags.requirePresent(ifMatch);
        return access.administrable(caller, initiativeId, "change indicators")
                .chain(() -> validate(initiativeId, request))
                .chain(() -> find(initiativeId, indicatorId))
                .chain(indicator -> {
                    ETags.requireMatch(ifMatch, indicator.version);
                    if (!indicator.code.equals(request.code())) {
                        throw ProblemException.invalid("code", "an indicator's code cannot change");
                    }
                    apply(indicator, request);
                    return indicator.<IndicatorEntity>persistAndFlush().call(saved -> outbox.append(
                            updated(saved)));
                });
    }

    /** Retired indicators take no more values; their values and history stay. */
    @WithTransaction
    public Uni<IndicatorEntity> retire(Caller caller, UUID initiativeId, UUID indicatorId) {
        return access.administrable(caller, initiativeId, "retire indicators")
                .chain(() -> find(initiativeId, indicatorId))
                .chain(indicator -> {
                    if (indicator.status == IndicatorEntity.Status.RETIRED) {
                        return Uni.createFrom().item(indicator);
                    }
                    indicator.status = IndicatorEntity.Status.RETIRED;
                    return indicator.<IndicatorEntity>persistAndFlush()
                            .call(saved -> outbox.append(new IndicatorRetired(initiativeId, saved.id)));
                });
    }

    static Uni<IndicatorEntity> find(UUID initiativeId, UUID indicatorId) {
        return IndicatorEntity.<IndicatorEntity>find("id = ?1 and initiativeId = ?2", indicatorId, initiativeId)
                .firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("indicator " + indicatorId));
    }

    /** The definition's own rules ({@link IndicatorDefinition#problems}), against the goals active now. */
    private Uni<Void> validate(UUID initiativeId, IndicatorDefinition request) {
        return agenda.activeAmong(initiativeId, request.goalIds()).invoke(active -> {
            List<FieldProblem> problems = request.problems(Set.copyOf(active));
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems);
            }
        }).replaceWithVoid();
    }

    private static void apply(IndicatorEntity indicator, IndicatorDefinition request) {
        indicator.name = request.name().strip();
        indicator.definition = request.definition();
        indicator.unit = request.unit();
        indicator.valueType = request.valueType();
        indicator.direction = request.direction();
        indicator.aggregation = request.aggregation();
        indicator.periodicity = request.periodicity();
        indicator.schoolYearStart = request.schoolYearStartMonth();
        indicator.dimensions = new LinkedHashMap<>(request.dimensions());
        indicator.goalIds = request.goalIds().toArray(UUID[]::new);
        indicator.baselinePeriod = request.baseline() == null ? null : request.baseline().period();
        indicator.baselineValue = request.baseline() == null ? null : request.baseline().value();
        indicator.targets = new LinkedHashMap<>(request.targets());
        indicator.minValue = request.validRange() == null ? null : request.validRange().min();
        indicator.maxValue = request.validRange() == null ? null : request.validRange().max();
        indicator.reporters = request.reporters().toArray(UUID[]::new);
        indicator.visibility = request.visibility();
        indicator.approvalRequired = request.approvalRequired();
    }

    private static IndicatorDefined defined(IndicatorEntity i) {
        return new IndicatorDefined(i.initiativeId, i.id, i.code, i.name, i.unit, i.valueType, i.direction, i.aggregation,
                i.periodicity, List.of(i.goalIds), i.visibility, i.approvalRequired, i.baselinePeriod, i.baselineValue,
                targets(i), List.of(i.reporters), i.schoolYearStart);
    }

    private static IndicatorUpdated updated(IndicatorEntity i) {
        return new IndicatorUpdated(i.initiativeId, i.id, i.code, i.name, i.version, i.unit, i.aggregation, i.periodicity,
                List.of(i.goalIds), i.visibility, i.baselinePeriod, i.baselineValue, targets(i), List.of(i.reporters),
                i.schoolYearStart);
    }

    /** In period order, so that equal definitions give equal events. */
    private static List<IndicatorTarget> targets(IndicatorEntity i) {
        return i.targets == null ? List.of() : new java.util.TreeMap<>(i.targets).entrySet().stream()
                .map(t -> new IndicatorTarget(t.getKey(), t.getValue())).toList();
    }
}
