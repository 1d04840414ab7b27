package org.backbone.measurement.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.measurement.IndicatorStatusChanged;
import org.backbone.contracts.measurement.ProgressStatus;
import org.backbone.contracts.measurement.ProgressUpdated;
import org.backbone.kit.outbox.Outbox;
import org.backbone.measurement.config.MeasurementConfig;
import org.backbone.measurement.api.ValueDtos.PeriodProgress;
import org.backbone.measurement.domain.Period;
import org.backbone.measurement.persistence.IndicatorEntity;
import org.hibernate.reactive.mutiny.Mutiny;

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
                        .chain(marks -> publish(session, marks)))));
    }

    /** Recomputes the marked periods indicator by indicator, each span of periods with one read of its values. */
    private Uni<Void> publish(Mutiny.Session session, List<Object[]> marks) {
        if (marks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, Set<String>> marked = new LinkedHashMap<>();
        marks.forEach(m -> marked.computeIfAbsent((UUID) m[0], k -> new HashSet<>()).add((String) m[1]));
        return session.createSelectionQuery("from IndicatorEntity where id in :ids", IndicatorEntity.class)
                .setParameter("ids", marked.keySet()).setReadOnly(true).getResultList()
                .chain(indicators -> Multi.createFrom().iterable(indicators)
                        .onItem().transformToUniAndConcatenate(indicator -> progressOf(indicator, marked.get(indicator.id)))
                        .collect().in(ArrayList<Announcement>::new, List::addAll))
                .chain(announcements -> announce(session, announcements));
    }

    /** A recomputed (indicator, period). */
    private record Announcement(IndicatorEntity indicator, PeriodProgress progress) {
    }

    private Uni<List<Announcement>> progressOf(IndicatorEntity indicator, Set<String> codes) {
        List<Period> periods = codes.stream().map(indicator::period).flatMap(Optional::stream).sorted().toList();
        List<List<Period>> windows = new ArrayList<>();
        for (Period period : periods) {
            List<Period> window = windows.isEmpty() ? null : windows.get(windows.size() - 1);
            // a window spans at most the periods one progress read may cover
            if (window == null || period.compareTo(window.get(0).shifted(ProgressService.MAX_PERIODS - 1)) > 0) {
                windows.add(window = new ArrayList<>());
            }
            window.add(period);
        }
        return Multi.createFrom().iterable(windows)
                .onItem().transformToUniAndConcatenate(window -> progress.progress(indicator, window.get(0).code(),
                        window.get(window.size() - 1).code(), null))
                .collect().in(ArrayList<Announcement>::new, (all, result) -> result.periods().stream()
                        .filter(p -> codes.contains(p.period()))
                        .forEach(p -> all.add(new Announcement(indicator, p))));
    }

    /** Stores the new statuses, then emits progress.updated, and indicator.status-changed where the status moved. */
    private Uni<Void> announce(Mutiny.Session session, List<Announcement> announcements) {
        if (announcements.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] indicators = announcements.stream().map(a -> a.indicator().id).toArray(UUID[]::new);
        String[] periods = announcements.stream().map(a -> a.progress().period()).toArray(String[]::new);
        String[] statuses = announcements.stream().map(a -> a.progress().status().name()).toArray(String[]::new);
        return session.createNativeQuery("""
                        WITH now (indicator_id, period, status) AS (
                            SELECT * FROM unnest(cast(:indicators AS uuid[]), cast(:periods AS text[]), cast(:statuses AS text[]))),
                        previous AS (
                            SELECT s.indicator_id, s.period, s.status FROM progress_state s JOIN now USING (indicator_id, period)),
                        saved AS (
                            INSERT INTO progress_state (indicator_id, period, status) SELECT * FROM now
                            ON CONFLICT (indicator_id, period) DO UPDATE SET status = excluded.status)
                        SELECT indicator_id, period, status FROM previous""", Object[].class)
                .setParameter("indicators", indicators).setParameter("periods", periods).setParameter("statuses", statuses)
                .getResultList()
                .chain(rows -> {
                    Map<String, String> before = new HashMap<>();
                    rows.forEach(r -> before.put(r[0] + " " + r[1], (String) r[2]));
                    List<BackboneEvent> events = new ArrayList<>();
                    for (Announcement a : announcements) {
                        PeriodProgress now = a.progress();
                        UUID initiative = a.indicator().initiativeId;
                        events.add(new ProgressUpdated(initiative, a.indicator().id, now.period(), now.value(), now.target(),
                                now.status(), now.reportingPartners(), now.expectedPartners()));
                        String previous = before.get(a.indicator().id + " " + now.period());
                        if (previous != null && !previous.equals(now.status().name())) {
                            events.add(new IndicatorStatusChanged(initiative, a.indicator().id, now.period(),
                                    ProgressStatus.valueOf(previous), now.status()));
                        }
                    }
                    return outbox.appendAll(events).replaceWithVoid();
                });
    }
}
