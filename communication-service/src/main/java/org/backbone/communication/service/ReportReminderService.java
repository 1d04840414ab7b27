package org.backbone.communication.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.backbone.communication.config.ReportsConfig;
import org.backbone.communication.domain.report.ReportDuties;
import org.backbone.communication.persistence.ReportLedger;
import org.backbone.communication.persistence.Reports;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.measurement.IndicatorDefined;
import org.backbone.contracts.measurement.IndicatorRetired;
import org.backbone.contracts.measurement.IndicatorUpdated;
import org.backbone.contracts.measurement.ValuesRecorded;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.events.ReceivedEvent;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;
import org.jboss.logging.Logger;

/**
 * Reminds partners of reports they owe: follows measurement's indicators and submissions (through
 * the inbox), and every {@code backbone.reports.every} publishes {@code report.due} /
 * {@code report.overdue} for what {@link ReportDuties} finds — events like any other, so the feed shows
 * them, webhooks carry them and notifications tell the partner's people (and staff, when overdue).
 */
@ApplicationScoped
public class ReportReminderService {

    private static final Logger LOG = Logger.getLogger(ReportReminderService.class);

    private final Reports reports;
    private final ReportLedger ledger;
    private final ReportsConfig config;
    private final InitiativeAccess access;
    private final Clock clock;

    ReportReminderService(Reports reports, ReportLedger ledger, ReportsConfig config, InitiativeAccess access, Clock clock) {
        this.reports = reports;
        this.ledger = ledger;
        this.config = config;
        this.access = access;
        this.clock = clock;
    }

    /** Keeps what reminders need from measurement's events, in the inbox's transaction. */
    public Uni<Void> track(ReceivedEvent received) {
        BackboneEvent event = received.catalogued().orElse(null);
        LocalDate day = (received.time() == null ? clock.instant() : received.time()).atZone(config.zone()).toLocalDate();
        if (event instanceof IndicatorDefined e) {
            return reports.define(e.indicatorId(), e.initiativeId(), e.name(), e.periodicity().name(), e.schoolYearStartMonth(),
                    e.reporters(), day);
        } else if (event instanceof IndicatorUpdated e) {
            return reports.define(e.indicatorId(), e.initiativeId(), e.name(), e.periodicity().name(), e.schoolYearStartMonth(),
                    e.reporters(), day);
        } else if (event instanceof IndicatorRetired e) {
            return reports.retire(e.indicatorId());
        } else if (event instanceof ValuesRecorded e && e.reported() != null) {
            return reports.received(e.organisationId(), e.reported());
        }
        return Uni.createFrom().voidItem();
    }

    @Scheduled(identity = "report-reminders", every = "${backbone.reports.every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!config.enabled()) {
            return;
        }
        try {
            remind();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("report reminders failed, the next run tries again: %s", e.toString());
        }
    }

    /** Sends every reminder due today; how many. */
    int remind() throws SQLException {
        LocalDate today = clock.instant().atZone(config.zone()).toLocalDate();
        int sent = 0;
        for (UUID id : ledger.initiatives()) {
            ReportLedger.Initiative initiative = ledger.initiative(id, ReportDuties.DEFAULT_GRACE_DAYS, config.zone());
            List<ReportDuties.Reminder> due = new ArrayList<>();
            for (ReportDuties.Indicator indicator : initiative.indicators()) {
                try {
                    due.addAll(ReportDuties.due(indicator, initiative.partners(), today, initiative.graceDays(), initiative.known()));
                } catch (RuntimeException e) {
                    // one indicator's data that the rules cannot read holds up nobody else's reminders
                    LOG.warnf("report reminders skip indicator %s: %s", indicator.id(), e.toString());
                }
            }
            sent += ledger.remind(id, due);
        }
        return sent;
    }

    /** How many days after a period ends the initiative's reports are on time. */
    @WithSession
    public Uni<Integer> graceDays(Caller caller, UUID initiative) {
        return access.readable(caller, initiative).chain(() -> reports.graceDays(initiative))
                .map(days -> days.orElse(ReportDuties.DEFAULT_GRACE_DAYS));
    }

    @WithTransaction
    public Uni<Integer> setGraceDays(Caller caller, UUID initiative, int days) {
        if (!caller.isAdmin()) {
            // a partner may read the initiative but not change its rules
            return access.readable(caller, initiative).chain(() -> Uni.createFrom()
                    .failure(ProblemException.forbidden("only backbone staff set the initiative's grace for reports")));
        }
        return access.readable(caller, initiative).chain(() -> reports.setGraceDays(initiative, days)).replaceWith(days);
    }
}
