package org.backbone.measurement.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventJson;
import org.backbone.contracts.measurement.SubmissionChannel;
import org.backbone.contracts.measurement.ValueRejection;
import org.backbone.contracts.measurement.ValuesRecorded;
import org.backbone.contracts.measurement.ValuesRejected;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.text.StorableText;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.measurement.domain.Period;
import org.backbone.measurement.domain.SubmittedValue;
import org.backbone.measurement.domain.ValueRules;
import org.backbone.measurement.persistence.IndicatorEntity;
import org.hibernate.reactive.mutiny.Mutiny;

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
    private static final String UPSERT = """
            INSERT INTO indicator_value (id, indicator_id, initiative_id, organisation_id, period, period_start,
                dimension_key, dimensions, value, numerator, denominator, comment, status, channel, batch_id,
                submitted_by, submitted_at, revision)
            SELECT gen_random_uuid(), r.indicator_id, :initiative, r.organisation_id, r.period, r.period_start, r.dimension_key,
                cast(r.dimensions AS jsonb), r.value, r.numerator, r.denominator, r.comment, r.status, :channel,
                r.batch_id, :by, now(), 1
            FROM unnest(cast(:indicators AS uuid[]), cast(:organisations AS uuid[]),
                cast(:batches AS uuid[]), cast(:periods AS text[]), cast(:starts AS date[]), cast(:keys AS text[]),
                cast(:dimensions AS text[]), cast(:values AS numeric[]), cast(:numerators AS numeric[]),
                cast(:denominators AS numeric[]), cast(:comments AS text[]), cast(:statuses AS text[]))
                AS r(indicator_id, organisation_id, batch_id, period, period_start, dimension_key, dimensions,
                     value, numerator, denominator, comment, status)
            ON CONFLICT (indicator_id, organisation_id, period, dimension_key) DO UPDATE SET
                value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
                comment = excluded.comment, dimensions = excluded.dimensions, status = excluded.status,
                status_reason = NULL, channel = excluded.channel, batch_id = excluded.batch_id,
                submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at,
                revision = indicator_value.revision + 1
            WHERE (indicator_value.value, indicator_value.numerator, indicator_value.denominator, indicator_value.comment)
                IS DISTINCT FROM (excluded.value, excluded.numerator, excluded.denominator, excluded.comment)""";

    private final Outbox outbox;
    private final ObjectMapper json = EventJson.mapper();

    SubmissionService(Outbox outbox) {
        this.outbox = outbox;
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
        List<Row> rows = prepared.stream().flatMap(p -> p.rows().stream()).sorted(KEY_ORDER).toList();
        return Panache.getSession()
                .chain(session -> store(session, context.initiative(), channel, submittedBy, rows))
                .chain(() -> outbox.appendAll(prepared.stream().flatMap(p -> announcements(context.initiative(),
                        p.organisation(), channel, p.outcome(), p.indicators()).stream()).toList()))
                .replaceWith(() -> prepared.stream().map(Prepared::outcome).toList());
    }

    private record Prepared(UUID organisation, Outcome outcome, Collection<Row> rows, Set<UUID> indicators) {
    }

    /** One accepted value as stored. */
    private record Row(UUID indicator, UUID organisation, UUID batch, Period period, String dimensionKey,
            String dimensions, SubmittedValue value, String status) {
    }

    private static final Comparator<Row> KEY_ORDER = Comparator.comparing(Row::indicator)
            .thenComparing(Row::organisation).thenComparing(r -> r.period().code()).thenComparing(Row::dimensionKey);

    private Prepared prepare(Context context, Batch batch) {
        UUID organisation = batch.organisation();
        UUID batchId = UUID.randomUUID();
        List<Rejection> rejected = new ArrayList<>();
        // the last value for a key wins, as if the partner had sent them one after another
        Map<String, Row> accepted = new LinkedHashMap<>();
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
            Row row = new Row(indicator.id, organisation, batchId, period, key, dimensionsJson(dimensions),
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

    private static Uni<Void> store(Mutiny.Session session, UUID initiative, SubmissionChannel channel, String submittedBy,
            List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery(UPSERT)
                .setParameter("initiative", initiative)
                .setParameter("channel", channel.name())
                .setParameter("by", submittedBy)
                .setParameter("indicators", column(rows, Row::indicator, UUID[]::new))
                .setParameter("organisations", column(rows, Row::organisation, UUID[]::new))
                .setParameter("batches", column(rows, Row::batch, UUID[]::new))
                .setParameter("periods", column(rows, r -> r.period().code(), String[]::new))
                .setParameter("starts", column(rows, r -> r.period().start(), LocalDate[]::new))
                .setParameter("keys", column(rows, Row::dimensionKey, String[]::new))
                .setParameter("dimensions", column(rows, Row::dimensions, String[]::new))
                .setParameter("values", column(rows, r -> r.value().value(), BigDecimal[]::new))
                .setParameter("numerators", column(rows, r -> r.value().numerator(), BigDecimal[]::new))
                .setParameter("denominators", column(rows, r -> r.value().denominator(), BigDecimal[]::new))
                .setParameter("comments", column(rows, r -> r.value().comment(), String[]::new))
                .setParameter("statuses", column(rows, Row::status, String[]::new))
                .executeUpdate()
                .chain(() -> {
                    // the (indicator, period) pairs whose progress changed, for the progress publisher
                    Map<String, Row> pairs = new LinkedHashMap<>();
                    rows.forEach(r -> pairs.putIfAbsent(r.indicator() + " " + r.period().code(), r));
                    List<Row> marks = List.copyOf(pairs.values());
                    return session.createNativeQuery("INSERT INTO progress_mark (indicator_id, period) "
                                    + "SELECT * FROM unnest(cast(:indicators AS uuid[]), cast(:periods AS text[]))")
                            .setParameter("indicators", column(marks, Row::indicator, UUID[]::new))
                            .setParameter("periods", column(marks, r -> r.period().code(), String[]::new))
                            .executeUpdate();
                })
                .replaceWithVoid();
    }

    private static <T> T[] column(List<Row> rows, Function<Row, T> field, IntFunction<T[]> array) {
        T[] column = array.apply(rows.size());
        for (int i = 0; i < column.length; i++) {
            column[i] = field.apply(rows.get(i));
        }
        return column;
    }

    /** values.recorded when anything was accepted, values.rejected when anything was not. */
    private static List<BackboneEvent> announcements(UUID initiative, UUID organisation, SubmissionChannel channel,
            Outcome outcome, Set<UUID> indicators) {
        List<BackboneEvent> events = new ArrayList<>(2);
        if (outcome.accepted() > 0) {
            events.add(new ValuesRecorded(initiative, outcome.batchId(), organisation, channel, outcome.accepted(),
                    outcome.rejected().size(), List.copyOf(indicators)));
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
            List<Object[]> locks, Map<UUID, org.backbone.measurement.domain.IndicatorSpec> specs) {

        Set<String> lockedPeriods(UUID indicator) {
            return locks.stream().filter(l -> l[1] == null || indicator.equals(l[1])).map(l -> (String) l[0])
                    .collect(Collectors.toSet());
        }

        org.backbone.measurement.domain.IndicatorSpec spec(IndicatorEntity indicator) {
            return specs.computeIfAbsent(indicator.id, id -> indicator.spec());
        }
    }

    public Uni<Context> context(UUID initiative) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from IndicatorEntity where initiativeId = :initiative", IndicatorEntity.class)
                .setParameter("initiative", initiative).setReadOnly(true).getResultList()
                .map(list -> {
                    // detached: otherwise every flush of the batch's transaction dirty-checks their JSON maps
                    list.forEach(session::detach);
                    return list.stream().collect(Collectors.toMap(i -> i.code, Function.identity()));
                })
                .chain(byCode -> session.createNativeQuery(
                                "SELECT organisation_id FROM agenda_membership WHERE initiative_id = :initiative AND current", UUID.class)
                        .setParameter("initiative", initiative).getResultList()
                        .chain(members -> session.createNativeQuery(
                                        "SELECT period, indicator_id FROM period_lock WHERE initiative_id = :initiative",
                                        Object[].class)
                                .setParameter("initiative", initiative).getResultList()
                                .map(locks -> new Context(initiative, byCode, Set.copyOf(members), locks,
                                        new java.util.HashMap<>())))));
    }
}
