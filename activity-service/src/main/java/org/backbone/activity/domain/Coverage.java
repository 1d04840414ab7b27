package org.backbone.activity.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where the activities cover the plan, cell by cell, and where they leave gaps or duplicate each other.
 *
 * <ul>
 *   <li>A <b>cell</b> is an active leaf goal × a location at the coverage level inside the boundaries ×
 *   a target group the goal's activities or commitments name (all leaf groups when it names none).</li>
 *   <li>An activity <b>covers</b> a cell when it is not cancelled, serves the goal (or a goal below it),
 *   one of its target groups lies within the cell's or the cell's within it, its span shares at least a
 *   quarter of the period, and one of its places lies within the cell's location ({@link Cover#FULL}), or
 *   contains it: then {@link Cover#FULL} if the place is marked as covering its whole area, else only
 *   {@link Cover#NOMINAL}.</li>
 *   <li>A cell's <b>gap</b>: covered by an ONGOING or COMPLETED activity — none; else fully covered only by
 *   PLANNED or SUSPENDED ones — {@link Gap#PLANNED_ONLY}; else covered only nominally —
 *   {@link Gap#NOMINAL_ONLY}; else {@link Gap#UNCOVERED}.</li>
 * </ul>
 */
public final class Coverage {

    private Coverage() {
    }

    /** What the plan asks for in one place for one group of people. */
    public record Cell(UUID goal, String location, String targetGroup) {
    }

    /** Where an activity happens; {@code wholeArea}: it reaches all of that area, not only part of it. */
    public record Place(String location, boolean wholeArea) {
    }

    /** What coverage needs to know of an activity. */
    public record Activity(UUID id, UUID organisation, String type, Set<UUID> goals, List<Place> places,
            Set<String> targetGroups, Span span, ActivityStatus status) {
    }

    public enum Cover { NONE, NOMINAL, FULL }

    public enum Gap { UNCOVERED, PLANNED_ONLY, NOMINAL_ONLY }

    /** The initiative's plan and vocabularies that coverage is computed against. */
    public record Plan(Set<UUID> leafGoals, Map<UUID, UUID> goalParents, CodeTree locations, int coverageLevel,
            Set<String> boundaries, CodeTree targetGroups) {

        /** Whether {@code goal} is {@code ancestor} or lies below it. */
        boolean goalWithin(UUID goal, UUID ancestor) {
            for (UUID at = goal; at != null; at = goalParents.get(at)) {
                if (at.equals(ancestor)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Every cell of the plan.
     *
     * @param namedGroups per goal, the target groups its activities or commitments name
     */
    public static List<Cell> cells(Plan plan, Map<UUID, Set<String>> namedGroups) {
        List<String> places = plan.locations().atLevel(plan.coverageLevel(), plan.boundaries());
        List<Cell> cells = new ArrayList<>();
        for (UUID goal : plan.leafGoals().stream().sorted().toList()) {
            Collection<String> groups = namedGroups.getOrDefault(goal, Set.of());
            List<String> forGoal = groups.isEmpty() ? plan.targetGroups().leaves() : groups.stream().sorted().toList();
            for (String location : places) {
                for (String group : forGoal) {
                    cells.add(new Cell(goal, location, group));
                }
            }
        }
        return cells;
    }

    /** How {@code activity} covers {@code cell} in {@code period}. */
    public static Cover cover(Plan plan, Activity activity, Cell cell, Span period) {
        // loops, not streams: this runs for every activity in every cell of its areas
        if (activity.status() == ActivityStatus.CANCELLED || activity.span().overlapDays(period) * 4 < period.days()) {
            return Cover.NONE;
        }
        boolean serves = false;
        for (UUID goal : activity.goals()) {
            if (plan.goalWithin(goal, cell.goal())) {
                serves = true;
                break;
            }
        }
        if (!serves) {
            return Cover.NONE;
        }
        boolean reaches = false;
        for (String group : activity.targetGroups()) {
            if (plan.targetGroups().related(group, cell.targetGroup())) {
                reaches = true;
                break;
            }
        }
        if (!reaches) {
            return Cover.NONE;
        }
        Cover best = Cover.NONE;
        for (Place place : activity.places()) {
            if (plan.locations().isWithin(place.location(), cell.location())) {
                return Cover.FULL;
            }
            if (plan.locations().isWithin(cell.location(), place.location())) {
                best = place.wholeArea() ? Cover.FULL : Cover.NOMINAL;
                if (best == Cover.FULL) {
                    return best;
                }
            }
        }
        return best;
    }

    /** The cell's gap, given every activity (those that do not cover it change nothing); empty when covered. */
    public static Optional<Gap> gap(Plan plan, Cell cell, Span period, Collection<Activity> activities) {
        boolean planned = false;
        boolean nominal = false;
        for (Activity activity : activities) {
            Cover cover = cover(plan, activity, cell, period);
            if (cover == Cover.FULL && EnumSet.of(ActivityStatus.ONGOING, ActivityStatus.COMPLETED)
                    .contains(activity.status())) {
                return Optional.empty();
            }
            planned |= cover == Cover.FULL;
            nominal |= cover == Cover.NOMINAL;
        }
        return Optional.of(planned ? Gap.PLANNED_ONLY : nominal ? Gap.NOMINAL_ONLY : Gap.UNCOVERED);
    }
}
