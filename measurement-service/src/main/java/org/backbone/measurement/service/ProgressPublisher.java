package org.backbone.measurement.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.measurement.IndicatorStatusChanged;
import org.backbone.contracts.measurement.ProgressStatus;
import org.backbone.contracts.measurement.ProgressUpdated;
import org.backbone.kit.outbox.Outbox;
import org.backbone.measurement.config.MeasurementConfig;
import org.backbone.measurement.api.ValueDtos.PeriodProgress;
import org.backbone.measurement.persistence.IndicatorEntity;

/**
 * Emits {@code progress.updated} per (indicator, period) that changed, at most once per interval
 * however many values arrived, and {@code indicator.status-changed} when the status moved. Several
 * replicas may run it; one at a time publishes (a transaction-scoped advisory lock).
 */
@ApplicationScoped
public class ProgressPublisher {

    /**
     * Takes every mark of the oldest marked (indicator, period) pairs, one row per pair. Submissions
     * only ever append marks, so they never wait for this; a mark committed after this statement
     * stays for the next round, and progress computed after it sees every value it marked.
     */
    private static final String TAKE_MARKS = """
            WITH pairs AS (
                SELECT DISTINCT indicator_id, period
                FROM (SELECT indicator_id, period FROM progress_mark ORDER BY seq LIMIT :limit) oldest),
            taken AS (
                DELETE FROM progress_mark m USING pairs p
                WHERE m.indicator_id = p.indicator_id AND m.period = p.period
                RETURNING m.indicator_id, m.period)
            SELECT DISTINCT indicator_id, period FROM taken""";

    private final ProgressService progress;
    private final Outbox outbox;
    private final MeasurementConfig config;

    ProgressPublisher(ProgressService progress, Outbox outbox, MeasurementConfig config) {
        this.progress = progress;
        this.outbox = outbox;
        this.config = config;
    }

    @Scheduled(every = "${backbone.measurement.progress-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> publish() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT pg_try_advisory_xact_lock(hashtext('backbone-progress-publisher'))", Boolean.class)
                .getSingleResult()
                .chain(leader -> !leader ? Uni.createFrom().voidItem() : session.createNativeQuery(TAKE_MARKS, Object[].class)
                        .setParameter("limit", config.progressBatch())
                        .getResultList()
                        .chain(marks -> Multi.createFrom().iterable(marks)
                                .onItem().transformToUniAndConcatenate(mark -> publish((UUID) mark[0], (String) mark[1]))
                                .collect().last().replaceWithVoid()))));
    }

    private Uni<Void> publish(UUID indicatorId, String period) {
        return IndicatorEntity.<IndicatorEntity>findById(indicatorId).chain(indicator -> indicator == null
                ? Uni.createFrom().voidItem()
                : progress.progress(indicator, period, period, null).chain(result -> {
                    PeriodProgress now = result.periods().get(0);
                    return Panache.getSession().chain(session -> session.createNativeQuery(
                                    "SELECT status FROM progress_state WHERE indicator_id = :indicator AND period = :period",
                                    String.class)
                            .setParameter("indicator", indicatorId).setParameter("period", period)
                            .getResultList()
                            .chain(previous -> session.createNativeQuery("INSERT INTO progress_state (indicator_id, period, status) "
                                            + "VALUES (:indicator, :period, :status) ON CONFLICT (indicator_id, period) "
                                            + "DO UPDATE SET status = excluded.status")
                                    .setParameter("indicator", indicatorId).setParameter("period", period)
                                    .setParameter("status", now.status().name())
                                    .executeUpdate()
                                    .chain(() -> outbox.append(new ProgressUpdated(indicator.initiativeId, indicatorId, period,
                                            now.value(), now.target(), now.status(), now.reportingPartners(),
                                            now.expectedPartners())))
                                    .chain(() -> changed(previous, now.status())
                                            ? outbox.append(new IndicatorStatusChanged(indicator.initiativeId, indicatorId,
                                                    period, ProgressStatus.valueOf(previous.get(0)), now.status())).replaceWithVoid()
                                            : Uni.createFrom().voidItem())));
                }));
    }

    private static boolean changed(List<String> previous, ProgressStatus now) {
        return !previous.isEmpty() && !previous.get(0).equals(now.name());
    }
}
