package org.backbone.activity.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.backbone.activity.domain.CodeTree;
import org.backbone.activity.domain.VocabularyKind;
import org.backbone.activity.persistence.CoverageSettingsEntity;
import org.backbone.activity.persistence.Vocabularies;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.domain.Period;
import org.backbone.kit.http.ETags;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;

/** The initiative's vocabularies and coverage settings: staff maintain them, every reader reads them. */
@ApplicationScoped
public class VocabularyService {

    private final Vocabularies vocabularies;
    private final InitiativeAccess access;
    private final Assessor assessor;

    VocabularyService(Vocabularies vocabularies, InitiativeAccess access, Assessor assessor) {
        this.vocabularies = vocabularies;
        this.access = access;
        this.assessor = assessor;
    }

    @WithSession
    public Uni<Vocabularies.Vocabulary> get(Caller caller, UUID initiative, VocabularyKind kind) {
        return access.readable(caller, initiative).chain(() -> vocabularies.get(initiative, kind));
    }

    /**
     * Replaces a vocabulary whole, with {@code If-Match} (a vocabulary never written has ETag "0"), and
     * recomputes the findings: a new tree changes cells. Codes still used by activities may not go.
     */
    @WithTransaction
    public Uni<Vocabularies.Vocabulary> replace(Caller caller, UUID initiative, VocabularyKind kind, String ifMatch,
            List<Vocabularies.Entry> entries) {
        ETags.requirePresent(ifMatch);
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Vocabularies.Entry e = entries.get(i);
            if (!codes.add(e.code())) {
                problems.add(new FieldProblem("entries[" + i + "].code", "appears twice"));
            }
            if (!kind.tree() && e.parent() != null) {
                problems.add(new FieldProblem("entries[" + i + "].parent", kind.path() + " is a list: no parents"));
            }
        }
        if (kind.tree()) {
            CodeTree.problems(entries.stream().map(e -> new CodeTree.Node(e.code(), e.parent())).toList())
                    .forEach(p -> problems.add(new FieldProblem("entries", p)));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return access.administrable(caller, initiative, "maintain vocabularies")
                .chain(() -> vocabularies.lockVersion(initiative, kind))
                .invoke(version -> ETags.requireMatch(ifMatch, version))
                .chain(() -> stillUsed(initiative, kind, codes))
                .chain(() -> vocabularies.replace(initiative, kind, entries))
                .call(() -> assessor.full(initiative))
                .chain(() -> vocabularies.get(initiative, kind));
    }

    private Uni<Void> stillUsed(UUID initiative, VocabularyKind kind, Set<String> kept) {
        String column = switch (kind) {
            case LOCATION -> "location_codes";
            case TARGET_GROUP -> "target_groups";
            case ACTIVITY_TYPE -> "ARRAY[activity_type]";
        };
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT DISTINCT code FROM activity, unnest(" + column + ") AS code "
                                + "WHERE initiative_id = :initiative AND NOT (code = ANY(cast(:kept AS text[]))) LIMIT 5",
                        String.class)
                .setParameter("initiative", initiative).setParameter("kept", kept.toArray(String[]::new))
                .getResultList()).invoke(used -> {
            if (!used.isEmpty()) {
                throw new ProblemException(org.backbone.kit.problem.ProblemType.CONFLICT,
                        "activities still use codes this vocabulary would drop: " + used,
                        List.of(FieldProblem.conflict("entries", "must keep " + used)));
            }
        }).replaceWithVoid();
    }

    public record Settings(int coverageLevel, String period, List<String> boundaries, long version) {
    }

    @WithSession
    public Uni<Settings> settings(Caller caller, UUID initiative) {
        return access.readable(caller, initiative).chain(() -> CoverageSettingsEntity
                .<CoverageSettingsEntity>findById(initiative)).map(VocabularyService::view);
    }

    /** Sets the coverage level and period (If-Match; "0" before the first time) and recomputes the findings. */
    @WithTransaction
    public Uni<Settings> configure(Caller caller, UUID initiative, String ifMatch, int level, String period,
            List<String> boundaries) {
        ETags.requirePresent(ifMatch);
        if (Period.parseAny(period).isEmpty()) {
            throw ProblemException.invalid("period", "not a DHIS2 period code such as 2025Sep, 2026Q1, 2026 or 202603");
        }
        return access.administrable(caller, initiative, "set the coverage plan")
                .chain(() -> vocabularies.get(initiative, VocabularyKind.LOCATION))
                .chain(locations -> {
                    CodeTree tree = locations.tree();
                    List<FieldProblem> problems = new ArrayList<>();
                    if (tree.atLevel(level, Set.of()).isEmpty()) {
                        problems.add(new FieldProblem("coverageLevel", "no location of the vocabulary is at level " + level));
                    }
                    if (new HashSet<>(boundaries).size() != boundaries.size()) {
                        problems.add(new FieldProblem("boundaries", "lists a location twice"));
                    }
                    for (int i = 0; i < boundaries.size(); i++) {
                        if (!tree.contains(boundaries.get(i))) {
                            problems.add(new FieldProblem("boundaries[" + i + "]", "not a code of the initiative's locations"));
                        }
                    }
                    if (!problems.isEmpty()) {
                        throw ProblemException.invalid(problems);
                    }
                    return CoverageSettingsEntity.<CoverageSettingsEntity>findById(initiative);
                })
                .chain(existing -> {
                    ETags.requireMatch(ifMatch, existing == null ? 0 : existing.version);
                    CoverageSettingsEntity settings = existing != null ? existing : new CoverageSettingsEntity();
                    settings.initiativeId = initiative;
                    settings.coverageLevel = level;
                    settings.period = period;
                    settings.boundaries = boundaries.toArray(String[]::new);
                    settings.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    return settings.<CoverageSettingsEntity>persistAndFlush();
                })
                .call(() -> assessor.full(initiative))
                .map(VocabularyService::view);
    }

    private static Settings view(CoverageSettingsEntity s) {
        if (s == null) {
            return new Settings(1, null, List.of(), 0);
        }
        return new Settings(s.coverageLevel, s.period, List.of(s.boundaries), s.version);
    }
}
