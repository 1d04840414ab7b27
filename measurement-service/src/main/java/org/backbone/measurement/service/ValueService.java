package org.backbone.measurement.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.backbone.contracts.measurement.SubmissionChannel;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;
import org.backbone.measurement.domain.SubmittedValue;
import org.backbone.kit.access.InitiativeAccess;

/** Values submitted over REST: who may submit for whom, then the shared submission path. */
@ApplicationScoped
public class ValueService {

    private final InitiativeAccess access;
    private final SubmissionService submissions;

    ValueService(InitiativeAccess access, SubmissionService submissions) {
        this.access = access;
        this.submissions = submissions;
    }

    /** One value of a batch for one indicator, as the caller sent it. */
    public record Entry(String period, Map<String, String> dimensions, BigDecimal value, BigDecimal numerator,
            BigDecimal denominator, String comment) {
    }

    /** A batch for one indicator: each entry is reported by its position in {@code entries}. */
    @WithTransaction
    public Uni<SubmissionService.Outcome> submit(Caller caller, UUID initiativeId, UUID indicatorId, UUID organisationId,
            List<Entry> entries) {
        UUID organisation = reportingOrganisation(caller, organisationId);
        return access.readable(caller, initiativeId)
                .chain(() -> IndicatorService.find(initiativeId, indicatorId))
                .chain(indicator -> submissions.submit(initiativeId, organisation, SubmissionChannel.REST, caller.subject(),
                        IntStream.range(0, entries.size()).mapToObj(i -> {
                            Entry v = entries.get(i);
                            return new SubmissionService.Item(i, new SubmittedValue(indicator.code, v.period(),
                                    v.dimensions(), v.value(), v.numerator(), v.denominator(), v.comment()));
                        }).toList()));
    }

    /**
     * A CSV upload: rows the CSV reader refused are reported with the rows validation refused,
     * each by its line in the file.
     */
    @WithTransaction
    public Uni<SubmissionService.Outcome> submitCsv(Caller caller, UUID initiativeId, UUID indicatorId, UUID organisationId,
            String csv) {
        UUID organisation = reportingOrganisation(caller, organisationId);
        return access.readable(caller, initiativeId)
                .chain(() -> IndicatorService.find(initiativeId, indicatorId))
                .chain(indicator -> {
                    CsvValues.Parsed parsed = CsvValues.parse(csv, indicator);
                    return submissions.submit(initiativeId, organisation, SubmissionChannel.CSV, caller.subject(),
                                    parsed.items())
                            .map(outcome -> {
                                java.util.List<SubmissionService.Rejection> all = new java.util.ArrayList<>(parsed.unreadable());
                                all.addAll(outcome.rejected());
                                all.sort(java.util.Comparator.comparingInt(SubmissionService.Rejection::index));
                                return new SubmissionService.Outcome(outcome.batchId(), outcome.accepted(), all);
                            });
                });
    }

    @io.quarkus.hibernate.reactive.panache.common.WithSession
    public Uni<String> csvTemplate(Caller caller, UUID initiativeId, UUID indicatorId) {
        return access.readable(caller, initiativeId)
                .chain(() -> IndicatorService.find(initiativeId, indicatorId)).map(CsvValues::template);
    }

    /** A partner reports for its own organisation; backbone staff report on a partner's behalf. */
    static UUID reportingOrganisation(Caller caller, UUID requested) {
        if (caller.isAdmin()) {
            if (requested == null) {
                throw ProblemException.invalid("organisationId", "required when backbone staff submit on a partner's behalf");
            }
            return requested;
        }
        if (!caller.isPartner()) {
            throw ProblemException.forbidden("only partners and backbone staff submit values");
        }
        UUID own = caller.partnerId().orElseThrow();
        if (requested != null && !requested.equals(own)) {
            throw ProblemException.forbidden("a partner submits values for its own organisation only");
        }
        return own;
    }
}
