package org.backbone.communication.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What needs an initiative's partners now, read for a meeting's suggested agenda: the newest state
 * the feed knows of every indicator and finding, the reports still overdue, decisions due for review
 * and overdue action items.
 */
@ApplicationScoped
public class AgendaSources {

    /** One row of a source: the object, its title, and the words that describe its state. */
    public record Row(String service, String type, String id, String title, List<String> words) {
    }

    /** Indicators whose newest status is AT_RISK or OFF_TRACK; words: period, status. */
    public Uni<List<Row>> indicatorsInTrouble(UUID initiative) {
        return rows("""
                SELECT 'measurement', 'indicator', object_id, coalesce(title, (SELECT o.title FROM feed_object o WHERE
                    o.object_service = 'measurement' AND o.object_type = 'indicator' AND o.object_id = latest.object_id), object_id),
                    params[1] || E'\\x1f' || status
                FROM (SELECT DISTINCT ON (object_id) object_id, title, params,
                          CASE verb WHEN 'measurement.progress.updated' THEN params[2] ELSE params[3] END AS status
                      FROM feed_entry
                      WHERE initiative_id = :initiative
                        AND verb IN ('measurement.indicator.status-changed', 'measurement.progress.updated')
                      ORDER BY object_id, params[1] DESC, seq DESC) latest
                WHERE status IN ('AT_RISK', 'OFF_TRACK')""", initiative);
    }

    /** Findings of the 3W whose newest entry opened them (not resolved or dismissed since); words: kind, place, group. */
    public Uni<List<Row>> openFindings(UUID initiative) {
        return rows("""
                SELECT 'activity', 'finding', object_id, '', params[1] || E'\\x1f' || coalesce(params[2], '') || E'\\x1f'
                    || coalesce(params[3], '')
                FROM (SELECT DISTINCT ON (object_id) object_id, verb, params FROM feed_entry
                      WHERE initiative_id = :initiative AND verb LIKE 'activity.finding.%'
                      ORDER BY object_id, seq DESC) latest
                WHERE verb = 'activity.finding.opened'""", initiative);
    }

    /** Partners' values still missing after the grace; words: period, organisation. */
    public Uni<List<Row>> overdueReports(UUID initiative) {
        return rows("""
                SELECT 'measurement', 'indicator', cast(i.indicator_id AS text), i.name, r.period || E'\\x1f'
                    || cast(r.organisation_id AS text)
                FROM report_reminder r JOIN report_indicator i ON i.indicator_id = r.indicator_id
                WHERE i.initiative_id = :initiative AND NOT i.retired AND r.stage = 'OVERDUE' AND NOT EXISTS (
                    SELECT 1 FROM report_received x WHERE x.indicator_id = r.indicator_id AND x.period = r.period
                    AND x.organisation_id = r.organisation_id)
                ORDER BY i.name, r.period""", initiative);
    }

    /** ADOPTED decisions whose review day has come by {@code today}; words: the review day. */
    public Uni<List<Row>> decisionsDueForReview(UUID initiative, LocalDate today) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("""
                        SELECT 'communication', 'decision', cast(id AS text), statement, cast(review_on AS text) FROM decision
                        WHERE initiative_id = :initiative AND status = 'ADOPTED' AND review_on <= :today ORDER BY review_on""")
                .setParameter("initiative", initiative).setParameter("today", today).getResultList())
                .map(AgendaSources::rows);
    }

    /** Unfinished action items past their due day; words: the due day. */
    public Uni<List<Row>> overdueActionItems(UUID initiative, LocalDate today) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery("""
                        SELECT 'communication', 'action-item', cast(id AS text), title, cast(due_on AS text) FROM action_item
                        WHERE initiative_id = :initiative AND status IN ('OPEN', 'IN_PROGRESS') AND due_on < :today
                        ORDER BY due_on""")
                .setParameter("initiative", initiative).setParameter("today", today).getResultList())
                .map(AgendaSources::rows);
    }

    private Uni<List<Row>> rows(String sql, UUID initiative) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(sql).setParameter("initiative", initiative)
                .getResultList()).map(AgendaSources::rows);
    }

    private static List<Row> rows(List<Object[]> rows) {
        return rows.stream().map(r -> new Row((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                List.of(((String) r[4]).split("\u001f", -1)))).toList();
    }
}
