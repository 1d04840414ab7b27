package org.backbone.activity.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.backbone.activity.domain.Coverage.Activity;
import org.backbone.activity.domain.Coverage.Cell;
import org.backbone.activity.domain.Coverage.Plan;

/**
 * Two activities doing the same thing for the same people in the same cell. Only activities that
 * fully cover the cell and are ONGOING or PLANNED count, and only pairs of the same activity type:
 * different types in one cell reinforce each other and are never flagged.
 *
 * <ul>
 *   <li>{@link Kind#DUPLICATION_RISK}: different organisations, target groups that overlap (one
 *   within the other), and shared days inside the period of at least a quarter of the shorter span.
 *   The score (0–100) weighs the share of target groups that overlap (40), the share of the shorter
 *   span they run together (40) and whether the places are the same (20, else 10).</li>
 *   <li>{@link Kind#DUPLICATE_RECORD}: the same organisation twice, with the same places and dates
 *   (score 100).</li>
 * </ul>
 */
public final class Overlaps {

    private Overlaps() {
    }

    public enum Kind { DUPLICATION_RISK, DUPLICATE_RECORD }

    /** {@code first} and {@code second} in id order. */
    public record Overlap(Kind kind, Cell cell, UUID first, UUID second, int score) {
    }

    public static List<Overlap> in(Plan plan, Cell cell, Span period, List<Activity> activities) {
        List<Activity> candidates = activities.stream()
                .filter(a -> a.status() == ActivityStatus.ONGOING || a.status() == ActivityStatus.PLANNED)
                .filter(a -> Coverage.cover(plan, a, cell, period) == Coverage.Cover.FULL)
                .sorted(Comparator.comparing(Activity::id)).toList();
        List<Overlap> overlaps = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            for (int j = i + 1; j < candidates.size(); j++) {
                Activity a = candidates.get(i);
                Activity b = candidates.get(j);
                if (!a.type().equals(b.type())) {
                    continue;
                }
                boolean samePlaces = new HashSet<>(a.places()).equals(new HashSet<>(b.places()));
                if (a.organisation().equals(b.organisation())) {
                    if (samePlaces && a.span().equals(b.span())) {
                        overlaps.add(new Overlap(Kind.DUPLICATE_RECORD, cell, a.id(), b.id(), 100));
                    }
                    continue;
                }
                double groups = groupOverlap(plan, a.targetGroups(), b.targetGroups());
                long shorter = Math.min(a.span().days(), b.span().days());
                long together = a.span().intersection(b.span()).map(s -> s.overlapDays(period)).orElse(0L);
                if (groups == 0 || together * 4 < shorter) {
                    continue;
                }
                double time = Math.min(1.0, (double) together / shorter);
                int score = (int) Math.round(40 * groups + 40 * time + (samePlaces ? 20 : 10));
                overlaps.add(new Overlap(Kind.DUPLICATION_RISK, cell, a.id(), b.id(), score));
            }
        }
        return overlaps;
    }

    /** The share of both activities' target groups that overlap one of the other's, averaged. */
    static double groupOverlap(Plan plan, Set<String> a, Set<String> b) {
        return (share(plan, a, b) + share(plan, b, a)) / 2;
    }

    private static double share(Plan plan, Set<String> of, Set<String> against) {
        if (of.isEmpty()) {
            return 0;
        }
        long related = of.stream().filter(g -> against.stream().anyMatch(h -> plan.targetGroups().related(g, h))).count();
        return (double) related / of.size();
    }
}
