package org.backbone.communication.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.backbone.communication.domain.report.ReportDuties;
import org.backbone.communication.domain.report.ReportDuties.Reminder;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.communication.ReportDue;
import org.backbone.contracts.communication.ReportOverdue;
import org.backbone.contracts.measurement.Periodicity;
import org.backbone.kit.events.CloudEventHeaders;
import org.backbone.kit.outbox.Outbox;

/**
 * The reminder scheduler's view of reports, over JDBC from its worker thread: one initiative at a
 * time, what is owed, and the reminders written together with their events (the outbox), each once.
 */
@ApplicationScoped
public class ReportLedger {

    /** An initiative's state for the reminders. */
    public record Initiative(UUID id, int graceDays, List<ReportDuties.Indicator> indicators, Map<UUID, LocalDate> partners,
            ReportDuties.Known known) {
    }

    private final AgroalDataSource dataSource;

    ReportLedger(@DataSource("kit") AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Initiatives with indicators still in use. */
    public List<UUID> initiatives() throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT initiative_id FROM report_indicator WHERE NOT retired"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.add(r.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    /** Everything the reminders of one initiative need; partners' join days in {@code zone}. */
    public Initiative initiative(UUID initiative, int defaultGrace, ZoneId zone) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            int grace = defaultGrace;
            try (PreparedStatement s = c.prepareStatement("SELECT grace_days FROM report_setting WHERE initiative_id = ?")) {
                s.setObject(1, initiative);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        grace = r.getInt(1);
                    }
                }
            }
            List<ReportDuties.Indicator> indicators = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT indicator_id, name, periodicity, school_year_start, reporters, "
                    + "since FROM report_indicator WHERE initiative_id = ? AND NOT retired")) {
                s.setObject(1, initiative);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int start = r.getInt(4); // 0 when none
                        Set<UUID> reporters = new HashSet<>(List.of((UUID[]) r.getArray(5).getArray()));
                        indicators.add(new ReportDuties.Indicator(initiative, r.getObject(1, UUID.class), r.getString(2),
                                Periodicity.valueOf(r.getString(3)), start == 0 ? null : Month.of(start),
                                r.getObject(6, LocalDate.class), reporters));
                    }
                }
            }
            Map<UUID, LocalDate> partners = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT organisation_id, as_of FROM agenda_membership "
                    + "WHERE initiative_id = ? AND current")) {
                s.setObject(1, initiative);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        partners.put(r.getObject(1, UUID.class), r.getObject(2, OffsetDateTime.class).atZoneSameInstant(zone)
                                .toLocalDate());
                    }
                }
            }
            Set<String> received = keys(c, "SELECT r.indicator_id, r.period, r.organisation_id, '' FROM report_received r "
                    + "JOIN report_indicator i USING (indicator_id) WHERE i.initiative_id = ? AND NOT i.retired", initiative);
            Set<String> reminded = keys(c, "SELECT r.indicator_id, r.period, r.organisation_id, r.stage FROM report_reminder r "
                    + "JOIN report_indicator i USING (indicator_id) WHERE i.initiative_id = ? AND NOT i.retired", initiative);
            return new Initiative(initiative, grace, indicators, partners, new ReportDuties.Known() {
                @Override
                public boolean received(UUID indicator, String period, UUID organisation) {
                    return received.contains(key(indicator, period, organisation, ""));
                }

                @Override
                public boolean reminded(UUID indicator, String period, UUID organisation, ReportDuties.Stage stage) {
                    return reminded.contains(key(indicator, period, organisation, stage.name()));
                }
            });
        }
    }

    /**
     * Records the reminders and publishes their events in one transaction; a reminder another replica
     * recorded first is left out. How many were sent.
     */
    public int remind(UUID initiative, List<Reminder> reminders) throws SQLException {
        if (reminders.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO report_reminder (indicator_id, period, "
                    + "organisation_id, stage) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                List<BackboneEvent> events = new ArrayList<>();
                for (Reminder r : reminders) {
                    insert.setObject(1, r.indicator());
                    insert.setString(2, r.period());
                    insert.setObject(3, r.organisation());
                    insert.setString(4, r.stage().name());
                    if (insert.executeUpdate() == 1) {
                        events.add(r.stage() == ReportDuties.Stage.DUE
                                ? new ReportDue(initiative, r.indicator(), r.indicatorName(), r.period(), r.organisation(),
                                        r.periodEnd(), r.dueBy())
                                : new ReportOverdue(initiative, r.indicator(), r.indicatorName(), r.period(), r.organisation(),
                                        r.periodEnd(), r.dueBy()));
                    }
                }
                Outbox.append(c, events, CloudEventHeaders.SYSTEM_ACTOR);
                c.commit();
                return events.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static Set<String> keys(Connection c, String sql, UUID initiative) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, initiative);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    keys.add(key(r.getObject(1, UUID.class), r.getString(2), r.getObject(3, UUID.class), r.getString(4)));
                }
            }
        }
        return keys;
    }

    private static String key(UUID indicator, String period, UUID organisation, String stage) {
        return indicator + "|" + period + "|" + organisation + "|" + stage;
    }
}
