package org.backbone.measurement.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.backbone.contracts.measurement.SubmissionChannel;
import org.backbone.kit.domain.Period;
import org.backbone.measurement.domain.SubmittedValue;

/** Where accepted values are written: every channel's batches end here. */
@ApplicationScoped
public class ValueStore {

    /** One accepted value as it is stored. */
    public record NewValue(UUID indicator, UUID organisation, UUID batch, Period period, String dimensionKey,
            String dimensions, SubmittedValue value, String status) {
    }

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

    /**
     * Stores accepted values with one statement: a new value replaces the current one for its key (the
     * trigger keeps the previous one as a revision), an identical one changes nothing; the changed
     * (indicator, period) pairs are marked for the progress publisher.
     */
    public Uni<Void> store(UUID initiative, SubmissionChannel channel, String submittedBy, List<NewValue> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter("initiative", initiative)
                .setParameter("channel", channel.name())
                .setParameter("by", submittedBy)
                .setParameter("indicators", column(rows, NewValue::indicator, UUID[]::new))
                .setParameter("organisations", column(rows, NewValue::organisation, UUID[]::new))
                .setParameter("batches", column(rows, NewValue::batch, UUID[]::new))
                .setParameter("periods", column(rows, r -> r.period().code(), String[]::new))
                .setParameter("starts", column(rows, r -> r.period().start(), LocalDate[]::new))
                .setParameter("keys", column(rows, NewValue::dimensionKey, String[]::new))
                .setParameter("dimensions", column(rows, NewValue::dimensions, String[]::new))
                .setParameter("values", column(rows, r -> r.value().value(), BigDecimal[]::new))
                .setParameter("numerators", column(rows, r -> r.value().numerator(), BigDecimal[]::new))
                .setParameter("denominators", column(rows, r -> r.value().denominator(), BigDecimal[]::new))
                .setParameter("comments", column(rows, r -> r.value().comment(), String[]::new))
                .setParameter("statuses", column(rows, NewValue::status, String[]::new))
                .executeUpdate()
                .chain(() -> {
                    // the (indicator, period) pairs whose progress changed, for the progress publisher
                    Map<String, NewValue> pairs = new LinkedHashMap<>();
                    rows.forEach(r -> pairs.putIfAbsent(r.indicator() + " " + r.period().code(), r));
                    List<NewValue> marks = List.copyOf(pairs.values());
                    return session.createNativeQuery("INSERT INTO progress_mark (indicator_id, period) "
                                    + "SELECT * FROM unnest(cast(:indicators AS uuid[]), cast(:periods AS text[]))")
                            .setParameter("indicators", column(marks, NewValue::indicator, UUID[]::new))
                            .setParameter("periods", column(marks, r -> r.period().code(), String[]::new))
                            .executeUpdate();
                }))
                .replaceWithVoid();
    }

    private static <T> T[] column(List<NewValue> rows, Function<NewValue, T> field, IntFunction<T[]> array) {
        T[] column = array.apply(rows.size());
        for (int i = 0; i < column.length; i++) {
            column[i] = field.apply(rows.get(i));
        }
        return column;
    }
}
