package org.backbone.measurement.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.contracts.measurement.IndicatorDefined;
import org.backbone.contracts.measurement.IndicatorRetired;
import org.backbone.contracts.measurement.IndicatorUpdated;
import org.backbone.contracts.measurement.Periodicity;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.http.ETags;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.problem.Problem;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;
import org.backbone.measurement.api.IndicatorDtos.IndicatorRequest;
import org.backbone.measurement.domain.Period;
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
    public Uni<IndicatorEntity> define(Caller caller, UUID initiativeId, IndicatorRequest request) {
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
            IndicatorRequest request) {
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
                            new IndicatorUpdated(initiativeId, saved.id, saved.code, saved.name, saved.version)));
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

    /** Rules beyond the fields' own: periods fit the periodicity, goals are active, the range is a range. */
    private Uni<Void> validate(UUID initiativeId, IndicatorRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        if (request.periodicity() == Periodicity.SCHOOL_YEAR && request.schoolYearStartMonth() == null) {
            errors.add(new FieldProblem("schoolYearStartMonth", "required for SCHOOL_YEAR"));
        }
        java.time.Month start = request.schoolYearStartMonth() == null ? null
                : java.time.Month.of(request.schoolYearStartMonth());
        if (request.baseline() != null && Period.parse(request.baseline().period(), request.periodicity(), start).isEmpty()) {
            errors.add(new FieldProblem("baseline.period", "not a period of this indicator's periodicity"));
        }
        if (request.targets() != null) {
            request.targets().keySet().stream()
                    .filter(code -> Period.parse(code, request.periodicity(), start).isEmpty())
                    .forEach(code -> errors.add(new FieldProblem("targets." + code,
                            "not a period of this indicator's periodicity")));
        }
        if (request.validRange() != null && request.validRange().min() != null && request.validRange().max() != null
                && request.validRange().min().compareTo(request.validRange().max()) > 0) {
            errors.add(new FieldProblem("validRange.max", "must not be below min"));
        }
        return agenda.activeAmong(initiativeId, request.goalIds()).invoke(active -> {
            for (int i = 0; i < request.goalIds().size(); i++) {
                if (!new HashSet<>(active).contains(request.goalIds().get(i))) {
                    errors.add(new FieldProblem("goalIds[" + i + "]", "not an active goal of this initiative"));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
        }).replaceWithVoid();
    }

    private static void apply(IndicatorEntity indicator, IndicatorRequest request) {
        indicator.name = request.name().strip();
        indicator.definition = request.definition();
        indicator.unit = request.unit();
        indicator.valueType = request.valueType();
        indicator.direction = request.direction();
        indicator.aggregation = request.aggregation();
        indicator.periodicity = request.periodicity();
        indicator.schoolYearStart = request.schoolYearStartMonth();
        indicator.dimensions = request.dimensions() == null ? Map.of() : new LinkedHashMap<>(request.dimensions());
        indicator.goalIds = request.goalIds().toArray(UUID[]::new);
        indicator.baselinePeriod = request.baseline() == null ? null : request.baseline().period();
        indicator.baselineValue = request.baseline() == null ? null : request.baseline().value();
        indicator.targets = request.targets() == null ? Map.of() : new LinkedHashMap<>(request.targets());
        indicator.minValue = request.validRange() == null ? null : request.validRange().min();
        indicator.maxValue = request.validRange() == null ? null : request.validRange().max();
        indicator.reporters = request.reporters() == null ? new UUID[0] : request.reporters().toArray(UUID[]::new);
        indicator.visibility = request.visibility();
        indicator.approvalRequired = request.approvalRequired();
    }

    private static IndicatorDefined defined(IndicatorEntity i) {
        return new IndicatorDefined(i.initiativeId, i.id, i.code, i.name, i.unit, i.valueType, i.direction, i.aggregation,
                i.periodicity, List.of(i.goalIds), i.visibility, i.approvalRequired);
    }
}
