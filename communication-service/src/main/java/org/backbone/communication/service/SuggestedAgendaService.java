package org.backbone.communication.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.backbone.communication.config.ActionItemsConfig;
import org.backbone.communication.domain.meeting.Suggestion;
import org.backbone.communication.domain.meeting.Suggestion.Kind;
import org.backbone.communication.persistence.AgendaSources;
import org.backbone.communication.persistence.AgendaSources.Row;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.security.Caller;

/**
 * The agenda Backbone suggests when staff prepare a meeting: what needs the partners now — overdue
 * action items, decisions due for review, indicators off track or at risk, reports overdue, and the
 * 3W's open gaps and overlaps — each linked to its object. Staff only: it draws on every partner's
 * data, some of which only the backbone reads.
 */
@ApplicationScoped
public class SuggestedAgendaService {

    /** More than this is no agenda: the rest stays in the register it came from. */
    public static final int MAX_ITEMS = 30;

    private final AgendaSources sources;
    private final InitiativeAccess access;
    private final Clock clock;
    private final ActionItemsConfig calendar;

    SuggestedAgendaService(AgendaSources sources, InitiativeAccess access, Clock clock, ActionItemsConfig calendar) {
        this.sources = sources;
        this.access = access;
        this.clock = clock;
        this.calendar = calendar;
    }

    @WithSession
    public Uni<List<Suggestion>> suggest(Caller caller, UUID initiative) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), calendar.zone());
        List<Suggestion> all = new ArrayList<>();
        return access.administrable(caller, initiative, "prepare meetings")
                .chain(() -> sources.overdueActionItems(initiative, today)).invoke(rows -> rows.forEach(r ->
                        all.add(of(Kind.ACTION_ITEM_OVERDUE, r, r.title(), "due " + r.words().get(0)))))
                .chain(() -> sources.decisionsDueForReview(initiative, today)).invoke(rows -> rows.forEach(r ->
                        all.add(of(Kind.DECISION_REVIEW_DUE, r, r.title(), "review due " + r.words().get(0)))))
                .chain(() -> sources.indicatorsInTrouble(initiative)).invoke(rows -> rows.forEach(r ->
                        all.add(of("OFF_TRACK".equals(r.words().get(1)) ? Kind.INDICATOR_OFF_TRACK : Kind.INDICATOR_AT_RISK,
                                r, r.title(), r.words().get(1) + " for " + r.words().get(0)))))
                .chain(() -> sources.overdueReports(initiative)).invoke(rows -> rows.forEach(r ->
                        all.add(of(Kind.REPORT_OVERDUE, r, r.title(), "no value for " + r.words().get(0) + " from "
                                + r.words().get(1)))))
                .chain(() -> sources.openFindings(initiative)).invoke(rows -> rows.forEach(r ->
                        Suggestion.ofFinding(r.words().get(0)).ifPresent(kind ->
                                all.add(of(kind, r, findingTitle(r.words()), r.words().get(0))))))
                .map(ignored -> Suggestion.ordered(all, MAX_ITEMS));
    }

    private static Suggestion of(Kind kind, Row row, String title, String detail) {
        return new Suggestion(kind, title, row.service(), row.type(), row.id(), detail);
    }

    private static String findingTitle(List<String> words) {
        String place = words.size() > 1 && !words.get(1).isEmpty() ? " in " + words.get(1) : "";
        String group = words.size() > 2 && !words.get(2).isEmpty() ? " for " + words.get(2) : "";
        return words.get(0) + place + group;
    }
}
