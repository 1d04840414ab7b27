package org.backbone.communication.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.backbone.contracts.measurement.ReportedPeriod;

/** What the reminders of reports due know of measurement, written from its events in the inbox's transaction. */
@ApplicationScoped
public class Reports {

    /** An indicator defined or changed; null {@code reporters} or {@code schoolYearStart}: as before (events written before they were carried). */
    public Uni<Void> define(UUID indicator, UUID initiative, String name, String periodicity, Integer schoolYearStart,
            List<UUID> reporters, LocalDate since) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO report_indicator (indicator_id, initiative_id, "
                        + "name, periodicity, school_year_start, reporters, since) VALUES (:id, :i, :n, :p, :sy, "
                        + "coalesce(cast(:r AS uuid[]), '{}'), :since) ON CONFLICT (indicator_id) DO UPDATE SET name = excluded.name, "
                        + "periodicity = excluded.periodicity, "
                        + "school_year_start = coalesce(cast(:sy AS int), report_indicator.school_year_start), "
                        + "reporters = coalesce(cast(:r AS uuid[]), report_indicator.reporters)")
                .setParameter("id", indicator).setParameter("i", initiative).setParameter("n", name).setParameter("p", periodicity)
                .setParameter("sy", schoolYearStart).setParameter("r", reporters == null ? null : reporters.toArray(UUID[]::new))
                .setParameter("since", since).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> retire(UUID indicator) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE report_indicator SET retired = true WHERE indicator_id = :id")
                .setParameter("id", indicator).executeUpdate()).replaceWithVoid();
    }

    /** The partner gave these indicators values for these periods. */
    public Uni<Void> received(UUID organisation, List<ReportedPeriod> reported) {
        if (reported.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO report_received (indicator_id, period, "
                        + "organisation_id) SELECT i, p, :o FROM unnest(cast(:i AS uuid[]), cast(:p AS text[])) AS x(i, p) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter("o", organisation)
                .setParameter("i", reported.stream().map(ReportedPeriod::indicatorId).toArray(UUID[]::new))
                .setParameter("p", reported.stream().map(ReportedPeriod::period).toArray(String[]::new))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Optional<Integer>> graceDays(UUID initiative) {
        return Panache.getSession().chain(s -> s.<Integer>createNativeQuery("SELECT grace_days FROM report_setting "
                + "WHERE initiative_id = :i").setParameter("i", initiative).getResultList()).map(rows -> rows.stream().findFirst());
    }

    public Uni<Void> setGraceDays(UUID initiative, int days) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO report_setting (initiative_id, grace_days) "
                        + "VALUES (:i, :d) ON CONFLICT (initiative_id) DO UPDATE SET grace_days = excluded.grace_days")
                .setParameter("i", initiative).setParameter("d", days).executeUpdate()).replaceWithVoid();
    }
}
