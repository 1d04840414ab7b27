package org.backbone.activity.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.backbone.activity.domain.Coverage.Activity;
import org.backbone.activity.domain.Coverage.Cell;
import org.backbone.activity.domain.Coverage.Plan;
import org.backbone.contracts.activity.FindingKind;

/**
 * The coverage findings of a plan — gaps and overlaps — computed area by area, so that a full
 * assessment touches each activity only in the few areas it can cover, and an incremental one only
 * the areas a change touches. An <b>area</b> is a leaf goal × a location at the coverage level; its
 * cells are the area × the target groups of {@link Coverage#cells}.
 */
public final class Assessment {

    private Assessment() {
    }

    /** A leaf goal in one location at the coverage level. */
    public record Area(UUID goal, String location) {
    }

    /**
     * One finding. {@code key} names it across recomputations (kind and cell, or kind, cell and the
     * pair of activities); {@code activities} are those involved, for the dismissal memory.
     */
    public record Finding(FindingKind kind, String key, Cell cell, List<UUID> activities, Set<UUID> organisations,
            Integer score) {
    }

    /** The areas {@code activity} can cover: its leaf goals × the coverage-level locations of its places. */
    public static Set<Area> areas(Plan plan, Activity activity) {
        return areas(plan, areaLocations(plan), activity);
    }

    /** The coverage-level locations inside the plan's boundaries: the locations areas are made of. */
    public static Set<String> areaLocations(Plan plan) {
        return new HashSet<>(plan.locations().atLevel(plan.coverageLevel(), plan.boundaries()));
    }

    private static Set<Area> areas(Plan plan, Set<String> boundaries, Activity activity) {
        Set<Area> areas = new HashSet<>();
        for (UUID goal : activity.goals()) {
            if (!plan.leafGoals().contains(goal)) {
                continue;
            }
            for (Coverage.Place place : activity.places()) {
                Optional<String> within = plan.locations().ancestorAt(place.location(), plan.coverageLevel());
                if (within.isPresent()) {
                    if (boundaries.contains(within.get())) {
                        areas.add(new Area(goal, within.get()));
                    }
                } else {
                    for (String location : plan.locations().atLevel(plan.coverageLevel(), Set.of(place.location()))) {
                        if (boundaries.contains(location)) {
                            areas.add(new Area(goal, location));
                        }
                    }
                }
            }
        }
        return areas;
    }

    /** Per leaf goal, the target groups the activities serving it name (cells fall back to all leaf groups). */
    public static Map<UUID, Set<String>> namedGroups(Plan plan, Collection<Activity> activities) {
        Map<UUID, Set<String>> named = new HashMap<>();
        for (Activity activity : activities) {
            for (UUID goal : activity.goals()) {
                if (plan.leafGoals().contains(goal)) {
                    named.computeIfAbsent(goal, g -> new TreeSet<>()).addAll(activity.targetGroups());
                }
            }
        }
        return named;
    }

    /** Every area of the plan. */
    public static List<Area> allAreas(Plan plan) {
        List<String> locations = plan.locations().atLevel(plan.coverageLevel(), plan.boundaries());
        List<Area> areas = new ArrayList<>();
        for (UUID goal : plan.leafGoals().stream().sorted().toList()) {
            for (String location : locations) {
                areas.add(new Area(goal, location));
            }
        }
        return areas;
    }

    /**
     * The gaps and overlaps in {@code areas}.
     *
     * @param activities every activity of the initiative (those outside the areas are skipped cheaply)
     * @param namedGroups as {@link #namedGroups} over every activity — a change elsewhere can change an area's cells
     */
    public static List<Finding> coverage(Plan plan, Span period, Collection<Area> areas, Collection<Activity> activities,
            Map<UUID, Set<String>> namedGroups) {
        Set<Area> wanted = new HashSet<>(areas);
        Map<Area, List<Activity>> byArea = new HashMap<>();
        Set<String> locations = areaLocations(plan);
        for (Activity activity : activities) {
            for (Area area : areas(plan, locations, activity)) {
                if (wanted.contains(area)) {
                    byArea.computeIfAbsent(area, a -> new ArrayList<>()).add(activity);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Area area : areas) {
            List<Activity> here = byArea.getOrDefault(area, List.of());
            Set<String> named = namedGroups.getOrDefault(area.goal(), Set.of());
            Collection<String> groups = named.isEmpty() ? plan.targetGroups().leaves() : named;
            String where = "|" + area.goal() + "|" + area.location() + "|";
            // one overlap per pair and area, at its highest score, however many of the area's cells it spans
            Map<String, Finding> overlaps = new java.util.LinkedHashMap<>();
            for (String group : groups) {
                Cell cell = new Cell(area.goal(), area.location(), group);
                List<Activity> relevant = List.of();
                for (Activity a : here) {
                    if (Coverage.cover(plan, a, cell, period) != Coverage.Cover.NONE) {
                        if (relevant.isEmpty()) {
                            relevant = new ArrayList<>(2);
                        }
                        relevant.add(a);
                    }
                }
                Optional<Coverage.Gap> gap = relevant.isEmpty() ? Optional.of(Coverage.Gap.UNCOVERED)
                        : Coverage.gap(plan, cell, period, relevant);
                if (gap.isPresent()) {
                    String kind = gap.get().name();
                    findings.add(new Finding(FindingKind.valueOf(kind), kind + where + group, cell, ids(relevant),
                            organisations(relevant), null));
                }
                if (relevant.size() < 2) {
                    continue;
                }
                List<Activity> candidates = relevant;
                for (Overlaps.Overlap overlap : Overlaps.in(plan, cell, period, candidates)) {
                    List<Activity> pair = candidates.stream()
                            .filter(a -> a.id().equals(overlap.first()) || a.id().equals(overlap.second())).toList();
                    String key = overlap.kind().name() + where + overlap.first() + "|" + overlap.second();
                    Finding found = new Finding(FindingKind.valueOf(overlap.kind().name()), key, cell,
                            List.of(overlap.first(), overlap.second()), organisations(pair), overlap.score());
                    overlaps.merge(key, found, (a, b) -> b.score() > a.score() ? b : a);
                }
            }
            findings.addAll(overlaps.values());
        }
        return findings;
    }

    /**
     * The fields of an activity that decide its findings, in a stable spelling: a dismissal holds while
     * the fingerprint of the activities involved stays the same.
     */
    public static String keyFields(Activity a) {
        return a.id() + ";" + a.organisation() + ";" + a.type() + ";" + a.status() + ";" + a.span() + ";"
                + new TreeSet<>(a.goals()) + ";" + a.places().stream()
                .map(p -> p.location() + (p.wholeArea() ? "*" : "")).sorted().toList() + ";"
                + new TreeSet<>(a.targetGroups());
    }

    private static List<UUID> ids(List<Activity> activities) {
        if (activities.isEmpty()) {
            return List.of();
        }
        return activities.stream().map(Activity::id).sorted().toList();
    }

    private static Set<UUID> organisations(List<Activity> activities) {
        if (activities.isEmpty()) {
            return Set.of();
        }
        Set<UUID> organisations = new TreeSet<>();
        activities.forEach(a -> organisations.add(a.organisation()));
        return organisations;
    }
}
