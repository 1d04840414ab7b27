package org.backbone.activity.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.backbone.activity.domain.Ledger;
import org.backbone.activity.domain.VocabularyKind;
import org.backbone.activity.persistence.CommitmentEntity;
import org.backbone.activity.persistence.IndicatorEntity;
import org.backbone.activity.persistence.Vocabularies;
import org.backbone.contracts.activity.CommitmentMade;
import org.backbone.contracts.activity.CommitmentWithdrawn;
import org.backbone.contracts.measurement.Aggregation;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.agenda.AgendaProjection;
import org.backbone.kit.domain.ExactNumbers;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.domain.Period;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;

/**
 * Partners' commitments to indicators' targets, and the ledger they add up to. Everyone who reads the
 * initiative reads every commitment (they are promises to each other); a partner commits and withdraws
 * for its own organisation only, staff for any member. Each change reassesses the indicator's ledger
 * findings in the same transaction.
 */
@ApplicationScoped
public class CommitmentService {

    private final InitiativeAccess access;
    private final AgendaProjection agenda;
    private final Vocabularies vocabularies;
    private final Outbox outbox;
    private final Assessor assessor;

    CommitmentService(InitiativeAccess access, AgendaProjection agenda, Vocabularies vocabularies, Outbox outbox,
            Assessor assessor) {
        this.access = access;
        this.agenda = agenda;
        this.vocabularies = vocabularies;
        this.outbox = outbox;
        this.assessor = assessor;
    }

    public record Pledge(UUID organisation, UUID indicator, String period, String location, BigDecimal amount,
            String note) {
    }

    /** One indicator's ledger for one period. */
    public record LedgerView(IndicatorEntity indicator, Period period, Ledger.Line line,
            List<CommitmentEntity> commitments) {
    }

    @WithTransaction
    public Uni<CommitmentEntity> make(Caller caller, UUID initiative, Pledge pledge) {
        return access.readable(caller, initiative)
                .invoke(() -> requireOwn(caller, pledge.organisation(), "commit"))
                .chain(() -> validate(initiative, pledge))
                .chain(() -> {
                    CommitmentEntity c = new CommitmentEntity();
                    c.id = UUID.randomUUID();
                    c.initiativeId = initiative;
                    c.organisationId = pledge.organisation();
                    c.indicatorId = pledge.indicator();
                    c.period = pledge.period();
                    c.location = pledge.location();
                    c.amount = pledge.amount();
                    c.note = pledge.note();
                    c.createdBy = caller.subject();
                    c.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                    return c.<CommitmentEntity>persistAndFlush();
                })
                .call(c -> outbox.append(new CommitmentMade(initiative, c.id, c.organisationId, c.indicatorId, c.period,
                        c.location, c.amount)))
                .call(c -> assessor.ledger(initiative, c.indicatorId));
    }

    @WithTransaction
    public Uni<CommitmentEntity> withdraw(Caller caller, UUID initiative, UUID id) {
        return access.readable(caller, initiative).chain(() -> find(initiative, id)).chain(c -> {
            requireOwn(caller, c.organisationId, "withdraw");
            if (c.withdrawn) {
                throw ProblemException.of(List.of(FieldProblem.conflict("commitmentId", "is withdrawn already")));
            }
            c.withdrawn = true;
            return c.<CommitmentEntity>persistAndFlush();
        }).call(c -> outbox.append(new CommitmentWithdrawn(initiative, c.id, c.organisationId, c.indicatorId, c.period)))
                .call(c -> assessor.ledger(initiative, c.indicatorId));
    }

    /** Standing commitments, by indicator, period and organisation when given. */
    @WithSession
    public Uni<List<CommitmentEntity>> list(Caller caller, UUID initiative, UUID indicator, String period,
            UUID organisation) {
        return access.readable(caller, initiative).chain(() -> CommitmentEntity.<CommitmentEntity>list(
                "initiativeId = ?1 and withdrawn = false order by createdAt, id", initiative)).map(all -> all.stream()
                .filter(c -> indicator == null || c.indicatorId.equals(indicator))
                .filter(c -> period == null || c.period.equals(period))
                .filter(c -> organisation == null || c.organisationId.equals(organisation)).toList());
    }

    @WithSession
    public Uni<LedgerView> ledger(Caller caller, UUID initiative, UUID indicatorId, String periodCode) {
        Period period = Period.parseAny(periodCode).orElseThrow(() -> ProblemException.invalid(List.of(
                new FieldProblem("period", "must be a DHIS2 period code such as 2025Sep or 2026Q1"))));
        return access.readable(caller, initiative)
                .chain(() -> IndicatorEntity.<IndicatorEntity>findById(indicatorId))
                .map(i -> i == null || !i.initiativeId.equals(initiative) ? null : i)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("indicator " + indicatorId))
                .chain(indicator -> CommitmentEntity.<CommitmentEntity>list(
                                "initiativeId = ?1 and indicatorId = ?2 and period = ?3 and withdrawn = false "
                                        + "order by createdAt, id", initiative, indicatorId, period.code())
                        .map(commitments -> new LedgerView(indicator, period,
                                Ledger.of(indicator.aggregation == Aggregation.SUM,
                                        indicator.targetLine().targetFor(period), commitments.stream()
                                                .map(c -> new Ledger.Commitment(c.organisationId, c.amount, c.location))
                                                .toList()), commitments)));
    }

    private static void requireOwn(Caller caller, UUID organisation, String operation) {
        if (caller.isAdmin()) {
            return;
        }
        if (!caller.isPartner() || !caller.partnerId().map(organisation::equals).orElse(false)) {
            throw ProblemException.forbidden("only backbone staff, or a partner for its own organisation, may "
                    + operation + " a commitment");
        }
    }

    private Uni<Void> validate(UUID initiative, Pledge pledge) {
        return IndicatorEntity.<IndicatorEntity>findById(pledge.indicator())
                .chain(indicator -> agenda.memberIds(initiative)
                        .chain(members -> agenda.activeGoals(initiative)
                                .chain(goals -> vocabularies.get(initiative, VocabularyKind.LOCATION).invoke(locations -> {
                                    List<FieldProblem> problems = new ArrayList<>();
                                    if (!members.contains(pledge.organisation())) {
                                        problems.add(new FieldProblem("organisationId",
                                                "is not a member organisation of the initiative"));
                                    }
                                    if (indicator == null || !indicator.initiativeId.equals(initiative)) {
                                        problems.add(new FieldProblem("indicatorId", "is not an indicator of the initiative"));
                                    } else if (indicator.retired || java.util.Arrays.stream(indicator.goalIds)
                                            .noneMatch(goals::contains)) {
                                        problems.add(new FieldProblem("indicatorId", "is retired, or measures no active goal"));
                                    }
                                    if (Period.parseAny(pledge.period()).isEmpty()) {
                                        problems.add(new FieldProblem("period",
                                                "must be a DHIS2 period code such as 2025Sep or 2026Q1"));
                                    }
                                    if (pledge.location() != null && !locations.tree().contains(pledge.location())) {
                                        problems.add(new FieldProblem("location", "is not a code of the location vocabulary"));
                                    }
                                    String amount = ExactNumbers.storeProblem(pledge.amount());
                                    if (amount != null) {
                                        problems.add(new FieldProblem("amount", amount));
                                    }
                                    if (!problems.isEmpty()) {
                                        throw ProblemException.invalid(problems);
                                    }
                                }))))
                .replaceWithVoid();
    }

    private static Uni<CommitmentEntity> find(UUID initiative, UUID id) {
        return CommitmentEntity.<CommitmentEntity>findById(id)
                .map(c -> c == null || !c.initiativeId.equals(initiative) ? null : c)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("commitment " + id));
    }
}
