package org.backbone.activity.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.backbone.activity.domain.ActivityFindings;
import org.backbone.activity.domain.Assessment;
import org.backbone.activity.domain.Assessment.Area;
import org.backbone.activity.domain.Coverage;
import org.backbone.activity.domain.FindingState;
import org.backbone.activity.domain.Span;
import org.backbone.activity.domain.VocabularyKind;
import org.backbone.activity.domain.Ledger;
import org.backbone.activity.domain.ReachReports;
import org.backbone.activity.persistence.ActivityEntity;
import org.backbone.activity.persistence.ActivityRows;
import org.backbone.activity.persistence.CommitmentEntity;
import org.backbone.activity.persistence.IndicatorEntity;
import org.backbone.activity.persistence.Indicators;
import org.backbone.activity.persistence.CoverageSettingsEntity;
import org.backbone.activity.persistence.Findings;
import org.backbone.activity.persistence.Vocabularies;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.activity.FindingKind;
import org.backbone.contracts.activity.FindingOpened;
import org.backbone.contracts.activity.FindingResolved;
import org.backbone.contracts.activity.Participant;
import org.backbone.contracts.activity.ParticipationRole;
import org.backbone.contracts.measurement.Aggregation;
import org.backbone.kit.agenda.AgendaProjection;
import org.backbone.kit.domain.Period;
import org.backbone.kit.outbox.Outbox;

/**
 * Keeps the stored findings equal to what {@link Assessment} and {@link ActivityFindings} compute:
 * in full, or — after one activity changed — only in the areas its old and new versions touch (wider
 * when it changes which target groups a goal names). Runs in the caller's transaction, so findings
 * and their events commit with the change that caused them.
 */
@ApplicationScoped
public class Assessor {

    private static final Set<FindingKind> COVERAGE_KINDS = Set.of(FindingKind.UNCOVERED, FindingKind.PLANNED_ONLY,
            FindingKind.NOMINAL_ONLY, FindingKind.DUPLICATION_RISK, FindingKind.DUPLICATE_RECORD);

    private final Vocabularies vocabularies;
    private final Indicators indicators;
    private final Findings findings;
    private final ActivityRows rows;
    private final AgendaProjection agenda;
    private final Outbox outbox;

    Assessor(Vocabularies vocabularies, Indicators indicators, Findings findings, ActivityRows rows,
            AgendaProjection agenda, Outbox outbox) {
        this.vocabularies = vocabularies;
        this.indicators = indicators;
        this.findings = findings;
        this.rows = rows;
        this.agenda = agenda;
        this.outbox = outbox;
    }

    /** What was computed and what changed, for the caller (and the benchmark). */
    public record Outcome(int findings, int opened, int resolved) {
    }

    /** The plan an initiative's coverage is computed against; {@code period} null while none is chosen. */
    record Setting(Coverage.Plan plan, Period period, Set<UUID> activeGoals, Map<UUID, String> goalTitles,
            Set<UUID> members) {
    }

    Uni<Setting> setting(UUID initiative) {
        return CoverageSettingsEntity.<CoverageSettingsEntity>findById(initiative)
                .chain(settings -> vocabularies.get(initiative, VocabularyKind.LOCATION)
                        .chain(locations -> vocabularies.get(initiative, VocabularyKind.TARGET_GROUP)
                                .chain(groups -> agenda.goalTree(initiative)
                                        .chain(goals -> agenda.memberIds(initiative).map(members -> {
                                            Set<UUID> active = goals.stream().map(AgendaProjection.Goal::id)
                                                    .collect(Collectors.toSet());
                                            Set<UUID> parents = goals.stream().map(AgendaProjection.Goal::parentId)
                                                    .filter(Objects::nonNull).collect(Collectors.toSet());
                                            Map<UUID, UUID> parentOf = new HashMap<>();
                                            goals.stream().filter(g -> g.parentId() != null)
                                                    .forEach(g -> parentOf.put(g.id(), g.parentId()));
                                            Set<UUID> leaves = new HashSet<>(active);
                                            leaves.removeAll(parents);
                                            Map<UUID, String> titles = goals.stream().collect(Collectors.toMap(
                                                    AgendaProjection.Goal::id, AgendaProjection.Goal::title));
                                            int level = settings == null ? 1 : settings.coverageLevel;
                                            Set<String> boundaries = settings == null ? Set.of()
                                                    : Set.copyOf(List.of(settings.boundaries));
                                            Coverage.Plan plan = new Coverage.Plan(leaves, parentOf, locations.tree(),
                                                    level, boundaries, groups.tree());
                                            Period period = settings == null ? null
                                                    : Period.parseAny(settings.period).orElse(null);
                                            return new Setting(plan, period, active, titles, Set.copyOf(members));
                                        })))));
    }

    /** Recomputes every finding of the initiative, reconciling the areas whose digest moved. */
    public Uni<Outcome> full(UUID initiative) {
        return full(initiative, false);
    }

    /**
     * Recomputes every finding of the initiative. With {@code rebuild}, every stored finding is read
     * and compared, whatever the digests say: for after a repair of the stored findings.
     */
    public Uni<Outcome> full(UUID initiative, boolean rebuild) {
        return setting(initiative).chain(setting -> rows.assessable(initiative).chain(activities ->
                rows.reportedQuarters(initiative, null).chain(reported -> indicators.of(initiative).chain(indicatorList ->
                        commitments(initiative, null).chain(commitments -> {
                            Collection<Area> areas = setting.period() == null ? List.of()
                                    : Assessment.allAreas(setting.plan());
                            List<Computed> computed = new ArrayList<>(
                                    compute(setting, areas, activities, activities, reported));
                            computed.addAll(ledger(setting, indicatorList, commitments));
                            Map<Area, String> now = digests(setting, areas, computed);
                            now.put(OWN, ownDigest(computed));
                            return findings.digests(initiative).chain(before -> before.isEmpty() || rebuild
                                    ? findings.all(initiative)
                                            .chain(stored -> reconcile(initiative, setting, computed, stored))
                                            .call(() -> findings.saveDigests(initiative, digestRows(now), before.stream()
                                                    .filter(d -> !now.containsKey(new Area(d.goalId(), d.location())))
                                                    .toList()))
                                    : reconcileMoved(initiative, setting, computed, now, before));
                        })))));
    }

    /**
     * Reconciles only the areas whose digest moved (or that left the plan), and the findings of no area
     * when theirs moved: what a hundred thousand unchanged findings would otherwise cost to read and compare.
     */
    private Uni<Outcome> reconcileMoved(UUID initiative, Setting setting, List<Computed> computed,
            Map<Area, String> now, List<Findings.AreaDigest> before) {
        Map<Area, String> was = new HashMap<>();
        before.forEach(d -> was.put(new Area(d.goalId(), d.location()), d.digest()));
        Map<Area, String> moved = new HashMap<>();
        now.forEach((area, digest) -> {
            if (!digest.equals(was.get(area))) {
                moved.put(area, digest);
            }
        });
        List<Findings.AreaDigest> gone = before.stream()
                .filter(d -> !now.containsKey(new Area(d.goalId(), d.location()))).toList();
        boolean ownMoved = moved.remove(OWN) != null;
        List<Area> reconciled = new ArrayList<>(moved.keySet());
        gone.forEach(d -> reconciled.add(new Area(d.goalId(), d.location())));
        Set<Area> wanted = new HashSet<>(reconciled);
        List<Computed> subset = new ArrayList<>();
        for (Computed c : computed) {
            Area area = wanted.isEmpty() ? null : area(c).orElse(null);
            if (area != null ? wanted.contains(area) : ownMoved && area(c).isEmpty()) {
                subset.add(c);
            }
        }
        if (ownMoved) {
            moved.put(OWN, now.get(OWN));
        }
        // past half of the areas, one read of every finding is cheaper than a join on the areas
        Uni<List<Findings.Stored>> inAreasRead = reconciled.size() * 2 > now.size()
                ? findings.all(initiative).map(all -> all.stream().filter(f -> f.goalId() != null
                        && wanted.contains(new Area(f.goalId(), f.location()))).toList())
                : findings.inAreasOrWithKeys(initiative, reconciled.stream().map(Area::goal).toList(),
                        reconciled.stream().map(Area::location).toList(), List.of());
        return inAreasRead
                .chain(inAreas -> (ownMoved ? findings.withoutArea(initiative) : Uni.createFrom().item(List.<Findings.Stored>of()))
                        .chain(own -> {
                            List<Findings.Stored> stored = new ArrayList<>(inAreas);
                            stored.addAll(own);
                            return reconcile(initiative, setting, subset, stored);
                        }))
                .call(() -> findings.saveDigests(initiative, digestRows(moved), gone))
                .map(o -> new Outcome(computed.size(), o.opened(), o.resolved()));
    }

    /** The area a coverage finding belongs to; empty for the activities' own and the ledger's. */
    private static Optional<Area> area(Computed c) {
        Assessment.Finding f = c.finding();
        return COVERAGE_KINDS.contains(f.kind()) && f.cell() != null
                ? Optional.of(new Area(f.cell().goal(), f.cell().location())) : Optional.empty();
    }

    /**
     * For every area of {@code areas}, a digest of its computed coverage findings (key, fingerprint,
     * score, period): equal digests mean reconciling the area would change nothing.
     */
    private static Map<Area, String> digests(Setting setting, Collection<Area> areas, List<Computed> computed) {
        String periodCode = setting.period() == null ? "" : setting.period().code();
        // the assessment yields each area's findings in the same order for the same inputs, so no sorting
        Map<Area, java.security.MessageDigest> open = new HashMap<>();
        Area last = null;
        java.security.MessageDigest md = null;
        for (Computed c : computed) {
            Assessment.Finding f = c.finding();
            if (f.cell() == null || !COVERAGE_KINDS.contains(f.kind())) {
                continue;
            }
            // an area's findings come one after the other: look it up only when it changes
            if (last == null || !last.goal().equals(f.cell().goal()) || !last.location().equals(f.cell().location())) {
                last = new Area(f.cell().goal(), f.cell().location());
                md = open.computeIfAbsent(last, x -> md5(periodCode));
            }
            md.update(f.key().getBytes(StandardCharsets.UTF_8));
            if (f.activities().isEmpty()) {
                md.update(NONE_INVOLVED); // most findings: an uncovered cell
            } else {
                md.update(("\t" + c.fingerprint() + "\t" + f.score() + "\t" + f.activities() + "\t" + f.organisations()
                        + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Map<Area, String> digests = new HashMap<>();
        for (Area area : areas) {
            java.security.MessageDigest own = open.get(area);
            digests.put(area, own == null ? NOTHING : java.util.HexFormat.of().formatHex(own.digest()));
        }
        return digests;
    }

    /** The digest of the findings that belong to no area (the activities' own, the ledger's), as {@link #OWN}'s. */
    private static String ownDigest(List<Computed> computed) {
        // they come in no set order: sorted
        java.security.MessageDigest own = md5("");
        computed.stream().filter(c -> area(c).isEmpty())
                .map(c -> c.finding().key() + "\t" + c.fingerprint() + "\t" + c.period() + "\t"
                        + c.finding().activities() + "\t" + c.finding().organisations() + "\n")
                .sorted().forEach(line -> own.update(line.getBytes(StandardCharsets.UTF_8)));
        return java.util.HexFormat.of().formatHex(own.digest());
    }

    private static java.security.MessageDigest md5(String seed) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD5");
            md.update((seed + "\n").getBytes(StandardCharsets.UTF_8));
            return md;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String NOTHING = "-";

    private static final byte[] NONE_INVOLVED = "\t-\n".getBytes(StandardCharsets.UTF_8);

    /**
     * The digest row of the findings that belong to no area. Whatever reconciles some of them alone (a
     * change of one activity, one indicator's ledger) removes it, so the next full recompute compares them all.
     */
    private static final Area OWN = new Area(new UUID(0, 0), "");

    private Uni<Void> forgetOwnDigest(UUID initiative) {
        return findings.forgetDigest(initiative, OWN.goal(), OWN.location());
    }

    private static List<Findings.AreaDigest> digestRows(Map<Area, String> digests) {
        return digests.entrySet().stream()
                .map(e -> new Findings.AreaDigest(e.getKey().goal(), e.getKey().location(), e.getValue())).toList();
    }

    /** Recomputes the ledger findings of one indicator (its targets or commitments changed). */
    public Uni<Outcome> ledger(UUID initiative, UUID indicator) {
        return setting(initiative).chain(setting -> IndicatorEntity.<IndicatorEntity>findById(indicator)
                .chain(found -> commitments(initiative, indicator).chain(commitments -> {
                    List<IndicatorEntity> subject = found == null || !found.initiativeId.equals(initiative) ? List.of()
                            : List.of(found);
                    List<Computed> computed = ledger(setting, subject, commitments);
                    return findings.ofIndicator(initiative, indicator)
                            .chain(stored -> reconcile(initiative, setting, computed, stored))
                            .call(() -> forgetOwnDigest(initiative));
                })));
    }

    /** Recomputes the findings of one activity on its own (a report of it came in or was reviewed). */
    public Uni<Outcome> ownFindings(UUID initiative, UUID activity) {
        return setting(initiative).chain(setting -> ActivityEntity.<ActivityEntity>findById(activity)
                .chain(a -> rows.reportedQuarters(initiative, activity).chain(reported -> {
                    List<ActivityRows.Assessable> subject = a == null ? List.of() : List.of(a.assessable());
                    List<Computed> computed = compute(setting, List.of(), subject, subject, reported);
                    List<String> keys = ownKeys(activity);
                    return findings.withKeys(initiative, keys)
                            .chain(stored -> reconcile(initiative, setting, computed, stored))
                            .call(() -> forgetOwnDigest(initiative));
                })));
    }

    /**
     * Recomputes what one activity's change can affect.
     *
     * @param before the activity as it was (null when it is new)
     * @param after the activity as it is now (null when it was deleted)
     */
    public Uni<Outcome> changed(UUID initiative, Coverage.Activity before, Coverage.Activity after) {
        UUID id = before != null ? before.id() : after.id();
        // only activities serving one of its goals can share an area with it (areas are per leaf goal)
        Set<UUID> goals = new HashSet<>();
        if (before != null) {
            goals.addAll(before.goals());
        }
        if (after != null) {
            goals.addAll(after.goals());
        }
        return setting(initiative).chain(setting -> rows.servingAny(initiative, goals).chain(activities ->
                rows.reportedQuarters(initiative, id).chain(reported -> {
            List<ActivityEntity> others = activities.stream().filter(a -> !a.id.equals(id)).toList();
            Set<Area> areas = new HashSet<>();
            if (setting.period() != null) {
                Coverage.Plan plan = setting.plan();
                List<Coverage.Activity> now = coverageOf(activities);
                List<Coverage.Activity> then = new ArrayList<>(coverageOf(others));
                if (before != null) {
                    then.add(before);
                    areas.addAll(Assessment.areas(plan, before));
                }
                if (after != null) {
                    areas.addAll(Assessment.areas(plan, after));
                }
                Map<UUID, Set<String>> namedNow = Assessment.namedGroups(plan, now);
                Map<UUID, Set<String>> namedThen = Assessment.namedGroups(plan, then);
                Set<UUID> widened = new HashSet<>();
                for (UUID goal : plan.leafGoals()) {
                    if (!Objects.equals(namedNow.get(goal), namedThen.get(goal))) {
                        widened.add(goal);
                    }
                }
                if (!widened.isEmpty()) {
                    Assessment.allAreas(plan).stream().filter(a -> widened.contains(a.goal())).forEach(areas::add);
                }
            }
            List<ActivityRows.Assessable> assessable = activities.stream().map(ActivityEntity::assessable).toList();
            List<ActivityRows.Assessable> subject = assessable.stream().filter(a -> a.activity().id().equals(id)).toList();
            List<Computed> computed = compute(setting, areas, assessable, subject, reported);
            List<Area> touched = List.copyOf(areas);
            List<String> ownKeys = ownKeys(id);
            return findings.inAreasOrWithKeys(initiative, touched.stream().map(Area::goal).toList(),
                            touched.stream().map(Area::location).toList(), ownKeys)
                    .chain(stored -> reconcile(initiative, setting, computed, stored.stream()
                            .filter(f -> COVERAGE_KINDS.contains(f.kind())
                                    ? areas.contains(new Area(f.goalId(), f.location()))
                                    : ownKeys.contains(f.key()))
                            .toList()))
                    // the areas it reconciled now hold what was computed for them
                    .call(() -> findings.saveDigests(initiative, digestRows(digests(setting, areas, computed)), List.of()))
                    .call(() -> forgetOwnDigest(initiative));
        })));
    }

    private static List<String> ownKeys(UUID activity) {
        return java.util.Arrays.stream(ActivityFindings.Kind.values()).map(k -> k.name() + "|" + activity).toList();
    }

    /** A finding as computed; {@code indicator} and {@code period} only for ledger findings. */
    private record Computed(Assessment.Finding finding, String fingerprint, UUID indicator, String period) {

        Computed(Assessment.Finding finding, String fingerprint) {
            this(finding, fingerprint, null, null);
        }
    }

    /**
     * The ledger findings: for every live indicator that is additive, in the coverage period and in every
     * period a commitment names. Its fingerprint is the commitments (id and amount), so a dismissal
     * holds until someone commits, withdraws or the target moves.
     */
    private static List<Computed> ledger(Setting setting, List<IndicatorEntity> indicators,
            List<CommitmentEntity> commitments) {
        List<Computed> computed = new ArrayList<>();
        Map<UUID, List<CommitmentEntity>> byIndicator = commitments.stream()
                .collect(Collectors.groupingBy(c -> c.indicatorId));
        for (IndicatorEntity indicator : indicators) {
            boolean live = !indicator.retired
                    && java.util.Arrays.stream(indicator.goalIds).anyMatch(setting.activeGoals()::contains);
            if (!live) {
                continue;
            }
            List<CommitmentEntity> own = byIndicator.getOrDefault(indicator.id, List.of());
            Set<String> periods = new java.util.TreeSet<>();
            if (setting.period() != null) {
                periods.add(setting.period().code());
            }
            own.forEach(c -> periods.add(c.period));
            for (String code : periods) {
                Optional<Period> period = Period.parseAny(code);
                if (period.isEmpty()) {
                    continue;
                }
                List<CommitmentEntity> here = own.stream().filter(c -> c.period.equals(code)).toList();
                Optional<BigDecimal> target = indicator.targetLine().targetFor(period.get());
                Ledger.Line line = Ledger.of(indicator.aggregation == Aggregation.SUM, target, here.stream()
                        .map(c -> new Ledger.Commitment(c.organisationId, c.amount, c.location)).toList());
                String fingerprint = UUID.nameUUIDFromBytes((target.map(BigDecimal::toPlainString).orElse("") + ";"
                        + here.stream().map(c -> c.id + "=" + c.amount.toPlainString()).sorted()
                        .collect(Collectors.joining(","))).getBytes(StandardCharsets.UTF_8)).toString();
                for (Ledger.Finding kind : line.findings()) {
                    Assessment.Finding f = new Assessment.Finding(FindingKind.valueOf(kind.name()),
                            kind.name() + "|" + indicator.id + "|" + code, null, List.of(),
                            here.stream().map(c -> c.organisationId).collect(Collectors.toCollection(java.util.TreeSet::new)),
                            null);
                    computed.add(new Computed(f, fingerprint, indicator.id, code));
                }
            }
        }
        return computed;
    }

    private List<Computed> compute(Setting setting, Collection<Area> areas, List<ActivityRows.Assessable> all,
            List<ActivityRows.Assessable> subjects, Map<UUID, Set<String>> reported) {
        List<Coverage.Activity> coverage = all.stream().map(ActivityRows.Assessable::activity).toList();
        Fingerprints fingerprints = new Fingerprints(coverage);
        List<Computed> computed = new ArrayList<>();
        if (setting.period() != null && !areas.isEmpty()) {
            Span period = new Span(setting.period().start(), setting.period().end());
            for (Assessment.Finding f : Assessment.coverage(setting.plan(), period, areas, coverage,
                    Assessment.namedGroups(setting.plan(), coverage))) {
                computed.add(new Computed(f, fingerprints.of(f.activities())));
            }
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (ActivityRows.Assessable a : subjects) {
            UUID id = a.activity().id();
            int unreported = ReachReports.unreportedInARow(ReachReports.due(a.actualStart(), a.actualEnd(), today),
                    reported.getOrDefault(id, Set.of()));
            ActivityFindings.Facts facts = new ActivityFindings.Facts(a.activity().status(), a.activity().goals(),
                    a.implementers(), a.plannedStart(), a.plannedEnd(), unreported);
            for (ActivityFindings.Kind kind : ActivityFindings.of(facts, setting.activeGoals(), setting.members(), today)) {
                Assessment.Finding f = new Assessment.Finding(FindingKind.valueOf(kind.name()), kind.name() + "|" + id,
                        null, List.of(id), Set.copyOf(a.implementers()), null);
                computed.add(new Computed(f, fingerprints.of(f.activities())));
            }
        }
        return computed;
    }

    private Uni<Outcome> reconcile(UUID initiative, Setting setting, List<Computed> computed,
            List<Findings.Stored> stored) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Findings.Stored> byKey = new HashMap<>();
        stored.forEach(f -> byKey.put(f.key(), f));
        List<BackboneEvent> events = new ArrayList<>();
        List<Findings.New> inserts = new ArrayList<>();
        List<Findings.Redescribed> redescribed = new ArrayList<>();
        List<Findings.Moved> moved = new ArrayList<>();
        Set<String> found = new HashSet<>();
        String periodCode = setting.period() == null ? null : setting.period().code();
        for (Computed c : computed) {
            Assessment.Finding f = c.finding();
            if (!found.add(f.key())) {
                continue;
            }
            Findings.Described described = describe(c, periodCode);
            Findings.Stored row = byKey.get(f.key());
            if (row == null) {
                Findings.New created = new Findings.New(UUID.randomUUID(), f.key(), f.kind(), described);
                inserts.add(created);
                events.add(opened(initiative, created.id(), f.kind(), described, setting));
                continue;
            }
            boolean same = Objects.equals(row.dismissedFingerprint(), c.fingerprint());
            FindingState next = row.state().recomputed(true, same);
            boolean changedFields = !Objects.equals(row.fingerprint(), c.fingerprint())
                    || !Objects.equals(row.score(), f.score()) || !Objects.equals(row.period(), described.period());
            if (next != row.state() || changedFields) {
                boolean reopened = next == FindingState.OPEN && row.state() != FindingState.OPEN;
                redescribed.add(new Findings.Redescribed(row, next, reopened, described));
                if (reopened) {
                    events.add(opened(initiative, row.id(), row.kind(), described, setting));
                }
            }
        }
        for (Findings.Stored row : stored) {
            if (found.contains(row.key())) {
                continue;
            }
            FindingState next = row.state().recomputed(false, true);
            if (next != row.state()) {
                moved.add(new Findings.Moved(row, next));
                events.add(new FindingResolved(initiative, row.id(), row.kind()));
            }
        }
        int opened = inserts.size() + (int) redescribed.stream().filter(Findings.Redescribed::reopened).count();
        Outcome outcome = new Outcome(found.size(), opened, moved.size());
        return findings.insert(initiative, inserts, now)
                .chain(() -> findings.redescribe(redescribed, now))
                .chain(() -> findings.move(moved, now))
                .chain(() -> outbox.appendAll(events))
                .replaceWith(outcome);
    }

    private static Findings.Described describe(Computed c, String period) {
        Assessment.Finding f = c.finding();
        return new Findings.Described(f.cell() == null ? null : f.cell().goal(),
                f.cell() == null ? null : f.cell().location(), f.cell() == null ? null : f.cell().targetGroup(),
                c.period() != null ? c.period() : f.cell() == null ? null : period, c.indicator(),
                List.copyOf(f.activities()), List.copyOf(f.organisations()), f.score(), c.fingerprint());
    }

    private static FindingOpened opened(UUID initiative, UUID id, FindingKind kind, Findings.Described d,
            Setting setting) {
        return new FindingOpened(initiative, id, kind, d.goalId(), d.location(), d.targetGroup(), d.period(),
                d.indicatorId(), d.activityIds(), d.organisationIds(), d.score(),
                summary(kind, d.goalId(), d.location(), d.targetGroup(), d.period(), d.score(), setting));
    }

    /** One line for people; the feed translates from the fields. */
    static String summary(FindingKind kind, UUID goalId, String location, String targetGroup, String period,
            Integer score, Setting setting) {
        String goal = goalId == null ? "" : setting.goalTitles().getOrDefault(goalId, goalId.toString());
        return switch (kind) {
            case UNCOVERED -> "No activity covers \"" + goal + "\" in " + location + " for " + targetGroup;
            case PLANNED_ONLY -> "Only planned or suspended activities cover \"" + goal + "\" in " + location
                    + " for " + targetGroup;
            case NOMINAL_ONLY -> "Only activities of a wider area cover \"" + goal + "\" in " + location + " for "
                    + targetGroup;
            case DUPLICATION_RISK -> "Two partners run the same kind of activity for \"" + goal + "\" in " + location
                    + " (score " + score + ")";
            case DUPLICATE_RECORD -> "The same activity is registered twice for \"" + goal + "\" in " + location;
            case ORPHANED -> "An activity serves only goals the agenda in force has retired";
            case STALE -> "An activity is overdue to start, past its planned end, or unreported";
            case PARTNER_LEFT -> "An implementing partner of a live activity has left the initiative";
            case UNALLOCATED_TARGET -> "Part of an indicator's target for " + period + " is committed by no partner";
            case OVER_COMMITTED -> "Partners committed more than 120 % of an indicator's target for " + period;
        };
    }

    /**
     * The fingerprint of a finding's activities: a dismissal holds while it stays the same. Each
     * activity's key fields are spelled out once, and only for activities some finding names.
     */
    private static final class Fingerprints {

        /** Most findings (an uncovered cell) name no activity, so their fingerprint is worked out once. */
        private static final String NO_ACTIVITIES = UUID.nameUUIDFromBytes(new byte[0]).toString();

        private final Map<UUID, Coverage.Activity> byId = new HashMap<>();
        private final Map<UUID, String> keyFields = new HashMap<>();

        Fingerprints(List<Coverage.Activity> activities) {
            activities.forEach(a -> byId.put(a.id(), a));
        }

        private final Map<UUID, String> ofOne = new HashMap<>();

        String of(List<UUID> activities) {
            if (activities.isEmpty()) {
                return NO_ACTIVITIES;
            }
            if (activities.size() == 1) {
                return ofOne.computeIfAbsent(activities.get(0), id -> digest(activities));
            }
            return digest(activities);
        }

        private String digest(List<UUID> activities) {
            String joined = activities.stream().sorted().map(id -> keyFields.computeIfAbsent(id,
                    k -> byId.containsKey(k) ? Assessment.keyFields(byId.get(k)) : k.toString()))
                    .collect(Collectors.joining("\n"));
            return UUID.nameUUIDFromBytes(joined.getBytes(StandardCharsets.UTF_8)).toString();
        }
    }

    private static Uni<List<CommitmentEntity>> commitments(UUID initiative, UUID indicator) {
        return indicator == null
                ? CommitmentEntity.list("initiativeId = ?1 and withdrawn = false", initiative)
                : CommitmentEntity.list("initiativeId = ?1 and indicatorId = ?2 and withdrawn = false", initiative,
                        indicator);
    }

    private static List<Coverage.Activity> coverageOf(List<ActivityEntity> activities) {
        return activities.stream().map(ActivityEntity::forCoverage).toList();
    }
}
