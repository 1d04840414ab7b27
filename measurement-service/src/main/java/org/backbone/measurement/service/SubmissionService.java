package org.backbone.measurement.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventJson;
import org.backbone.contracts.measurement.SubmissionChannel;
import org.backbone.contracts.measurement.ValueRejection;
import org.backbone.contracts.measurement.ReportedPeriod;
import org.backbone.contracts.measurement.ValuesRecorded;
import org.backbone.contracts.measurement.ValuesRejected;
import org.backbone.kit.agenda.AgendaProjection;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.domain.StorableText;
import org.backbone.kit.outbox.Outbox;
import org.backbone.measurement.domain.IndicatorSpec;
import org.backbone.kit.domain.Period;
import org.backbone.measurement.domain.SubmittedValue;
import org.backbone.measurement.domain.ValueRules;
import org.backbone.measurement.persistence.IndicatorEntity;
import org.backbone.measurement.persistence.PeriodLocks;
import org.backbone.measurement.persistence.ValueStore;
import org.backbone.measurement.persistence.ValueStore.NewValue;

/**
 * Stores partner values, whichever way they arrived (REST, CSV, Kafka, HTTP events): one
 * validation ({@link ValueRules}) for all, the good values of a batch stored even when others are
 * rejected, one current value per (indicator, partner, period, dimension values) with its history
 * kept, and {@code values.recorded} / {@code values.rejected} announced in the same transaction.
 */
@ApplicationScoped
public class SubmissionService {

    /** Rejections carried in one values.rejected event; the count of all is in values.recorded. */
    static final int MAX_REJECTIONS_PER_EVENT = 500;

    /**
     * Rows arrive as one typed array per column: PostgreSQL reads those far faster than a JSON
     * document. Row ids are made by the database, cheaper than SecureRandom in the service.
     */
    private final Outbox outbox;
    private final ValueStore store;
    private final AgendaProjection agenda;
    private final PeriodLocks locks;
    private final ObjectMapper json = EventJson.mapper();

    SubmissionService(Outbox outbox, ValueStore store, AgendaProjection agenda, PeriodLocks locks) {
        this.outbox = outbox;
        this.store = store;
        this.agenda = agenda;
        this.locks = locks;
    }

    /** A value and where it stood in what the partner sent (its index, or its CSV row). */
    public record Item(int index, SubmittedValue value) {
    }

    /** @param kind a conflict (a locked period) or bad data; the API says it by the status, not per item */
    public record Rejection(int index, String indicatorCode, String period, String field, String reason,
            @JsonIgnore FieldProblem.Kind kind) {

        public Rejection(int index, String indicatorCode, String period, String field, String reason) {
            this(index, indicatorCode, period, field, reason, FieldProblem.Kind.INVALID);
        }
    }

    public record Outcome(UUID batchId, int accepted, List<Rejection> rejected) {
    }

    /**
     * Validates and stores a batch for {@code organisation} in the caller's transaction. Who may
     * submit for the organisation is the caller's check; this one checks the data.
     */
    public Uni<Outcome> submit(UUID initiative, UUID organisation, SubmissionChannel channel, String submittedBy,
            List<Item> items) {
        return context(initiative).chain(context -> submit(context, organisation, channel, submittedBy, items));
    }

    /** Like {@link #submit(UUID, UUID, SubmissionChannel, String, List)} with a context read once for many batches. */
    public Uni<Outcome> submit(Context context, UUID organisation, SubmissionChannel channel, String submittedBy,
            List<Item> items) {
        return submitAll(context, List.of(new Batch(organisation, items)), channel, submittedBy).map(all -> all.get(0));
    }

    /** One organisation's part of what arrived together. */
    public record Batch(UUID organisation, List<Item> items) {
    }

    /**
     * Several organisations' batches for one initiative at once (a Kafka poll): validated one by
     * one, stored with one statement, announced per organisation.
     */
    public Uni<List<Outcome>> submitAll(Context context, List<Batch> batches, SubmissionChannel channel,
            String submittedBy) {
        List<Prepared> prepared = batches.stream().map(b -> prepare(context, b)).toList();
        // in key order, so that two transactions writing the same values lock them in the same order
        List<NewValue> rows = prepared.stream().flatMap(p -> p.rows().stream()).sorted(KEY_ORDER).toList();
        return store.store(context.initiative(), channel, submittedBy, rows)
                .chain(() -> outbox.appendAll(prepared.stream().flatMap(p -> announcements(context.initiative(),
                        p.organisation(), channel, p.outcome(), p.indicators(), p.rows()).stream()).toList()))
                .replaceWith(() -> prepared.stream().map(Prepared::outcome).toList());
    }

    private record Prepared(UUID organisation, Outcome outcome, Collection<NewValue> rows, Set<UUID> indicators) {
    }

    private static final Comparator<NewValue> KEY_ORDER = Comparator.comparing(NewValue::indicator)
            .thenComparing(NewValue::organisation).thenComparing(r -> r.period().code()).thenComparing(NewValue::dimensionKey);

    private Prepared prepare(Context context, Batch batch) {
        UUID organisation = batch.organisation();
        UUID batchId = UUID.randomUUID();
        List<Rejection> rejected = new ArrayList<>();
        // the last value for a key wins, as if the partner had sent them one after another
        Map<String, NewValue> accepted = new LinkedHashMap<>();
        Set<UUID> indicators = new HashSet<>();
        boolean member = context.members().contains(organisation);
        for (Item item : batch.items()) {
            SubmittedValue value = item.value();
            // rejections are stored (values.rejected): what they echo must be storable text
            String code = StorableText.sanitized(value.indicatorCode());
            String periodCode = StorableText.sanitized(value.period());
            IndicatorEntity indicator = context.indicators().get(value.indicatorCode());
            if (indicator == null) {
                rejected.add(new Rejection(item.index(), code, periodCode, "indicatorCode",
                        "no indicator " + code + " in this initiative"));
                continue;
            }
            List<FieldProblem> problems = ValueRules.problems(context.spec(indicator), value, organisation, member,
                    context.lockedPeriods(indicator.id));
            if (!problems.isEmpty()) {
                problems.forEach(p -> rejected.add(new Rejection(item.index(), code, periodCode,
                        p.field(), p.message(), p.kind())));
                continue;
            }
            Period period = indicator.period(value.period()).orElseThrow();
            Map<String, String> dimensions = new TreeMap<>(value.dimensions() == null ? Map.of() : value.dimensions());
            String key = dimensions.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(";"));
            NewValue row = new NewValue(indicator.id, organisation, batchId, period, key, dimensionsJson(dimensions),
                    value, indicator.approvalRequired ? "SUBMITTED" : "APPROVED");
            accepted.put(indicator.id + "|" + period.code() + "|" + key, row);
            indicators.add(indicator.id);
        }
        int acceptedCount = batch.items().size() - (int) rejected.stream().map(Rejection::index).distinct().count();
        return new Prepared(organisation, new Outcome(batchId, acceptedCount, rejected), accepted.values(), indicators);
    }

    private String dimensionsJson(Map<String, String> dimensions) {
        if (dimensions.isEmpty()) {
            return "{}";
        }
        try {
            return json.writeValueAsString(dimensions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    /** values.recorded when anything was accepted, values.rejected when anything was not. */
    private static List<BackboneEvent> announcements(UUID initiative, UUID organisation, SubmissionChannel channel,
            Outcome outcome, Set<UUID> indicators, Collection<NewValue> rows) {
        List<BackboneEvent> events = new ArrayList<>(2);
        if (outcome.accepted() > 0) {
            // each indicator and period once, in order: what reminders of reports due need
            List<ReportedPeriod> reported = rows.stream().map(r -> new ReportedPeriod(r.indicator(), r.period().code())).distinct()
                    .sorted(Comparator.comparing(ReportedPeriod::indicatorId).thenComparing(ReportedPeriod::period)).toList();
            events.add(new ValuesRecorded(initiative, outcome.batchId(), organisation, channel, outcome.accepted(),
                    outcome.rejected().size(), List.copyOf(indicators), reported));
        }
        if (!outcome.rejected().isEmpty()) {
            events.add(new ValuesRejected(initiative, outcome.batchId(), organisation, channel, outcome.rejected().stream()
                    .limit(MAX_REJECTIONS_PER_EVENT)
                    .map(r -> new ValueRejection(r.index(), r.indicatorCode(), r.period(), r.field(), r.reason())).toList()));
        }
        return events;
    }

    /** What validation needs to know of an initiative, read once per batch (read-only entities). */
    public record Context(UUID initiative, Map<String, IndicatorEntity> indicators, Set<UUID> members,
            List<PeriodLocks.Lock> locks, Map<UUID, IndicatorSpec> specs) {

        Set<String> lockedPeriods(UUID indicator) {
            return locks.stream().filter(l -> l.covers(indicator)).map(PeriodLocks.Lock::period).collect(Collectors.toSet());
        }

        IndicatorSpec spec(IndicatorEntity indicator) {
            return specs.computeIfAbsent(indicator.id, id -> indicator.spec());
        }
    }

    public Uni<Context> context(UUID initiative) {
        return IndicatorEntity.detachedOfInitiative(initiative)
                .map(list -> list.stream().collect(Collectors.toMap(i -> i.code, Function.identity())))
                .chain(byCode -> agenda.memberIds(initiative)
                        .chain(members -> locks.ofInitiative(initiative)
                                .map(held -> new Context(initiative, byCode, Set.copyOf(members), held, new HashMap<>()))));
    }
}
