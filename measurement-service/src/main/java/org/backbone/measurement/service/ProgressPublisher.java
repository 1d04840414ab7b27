package org.backbone.measurement.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
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
import org.backbone.measurement.domain.Progress.PeriodProgress;
import org.backbone.kit.domain.Period;
import org.backbone.measurement.persistence.IndicatorEntity;
import org.backbone.measurement.persistence.ProgressMarks;

/**
 * Emits {@code progress.updated} per (indicator, period) that changed, at most once per interval
 * however many values arrived, and {@code indicator.status-changed} when the status moved. Several
 * replicas may run it; one at a time publishes (a transaction-scoped advisory lock).
 */
@ApplicationScoped
public class ProgressPublisher {

    private final ProgressService progress;
    private final ProgressMarks marks;
    private final Outbox outbox;
    private final MeasurementConfig config;

    ProgressPublisher(ProgressService progress, ProgressMarks marks, Outbox outbox, MeasurementConfig config) {
        this.progress = progress;
        this.marks = marks;
        this.outbox = outbox;
        this.config = config;
    }

    @Scheduled(every = "${backbone.measurement.progress-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> publish() {
        return Panache.withTransaction(() -> marks.lead()
                .chain(leader -> !leader ? Uni.createFrom().voidItem()
                        : marks.take(config.progressBatch()).chain(taken -> publish(taken))));
    }

    /** Recomputes the marked periods indicator by indicator, each span of periods with one read of its values. */
    private Uni<Void> publish(List<ProgressMarks.Mark> taken) {
        if (taken.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, Set<String>> marked = new LinkedHashMap<>();
        taken.forEach(m -> marked.computeIfAbsent(m.indicatorId(), k -> new HashSet<>()).add(m.period()));
        return IndicatorEntity.readOnly(marked.keySet())
                .chain(indicators -> Multi.createFrom().iterable(indicators)
                        .onItem().transformToUniAndConcatenate(indicator -> progressOf(indicator, marked.get(indicator.id)))
                        .collect().in(ArrayList<Announcement>::new, List::addAll))
                .chain(announcements -> announce(announcements));
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
            if (window == null || period.compareTo(window.get(0).shifted(org.backbone.measurement.domain.ProgressAssembly.MAX_PERIODS - 1)) > 0) {
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
    private Uni<Void> announce(List<Announcement> announcements) {
        if (announcements.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return marks.saveStatuses(announcements.stream().map(a -> new ProgressMarks.Status(a.indicator().id,
                        a.progress().period(), a.progress().status())).toList())
                .chain(before -> {
                    List<BackboneEvent> events = new ArrayList<>();
                    for (Announcement a : announcements) {
                        PeriodProgress now = a.progress();
                        UUID initiative = a.indicator().initiativeId;
                        events.add(new ProgressUpdated(initiative, a.indicator().id, now.period(), now.value(), now.target(),
                                now.status(), now.reportingPartners(), now.expectedPartners()));
                        ProgressStatus previous = before.get(new ProgressMarks.Mark(a.indicator().id, now.period()));
                        if (previous != null && previous != now.status()) {
                            events.add(new IndicatorStatusChanged(initiative, a.indicator().id, now.period(),
                                    previous, now.status()));
                        }
                    }
                    return outbox.appendAll(events).replaceWithVoid();
                });
    }
}
