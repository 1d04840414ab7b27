package org.backbone.communication.domain.announcement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.backbone.kit.domain.FieldProblem;

/**
 * When an announcement appears and how long it stays on top: published at {@code publishAt} (now
 * when absent or past), pinned until {@code pinnedUntil}, which must come after it.
 */
public final class AnnouncementTimes {

    private AnnouncementTimes() {
    }

    /** When it is published: {@code requested}, or {@code now} when that is absent or has passed. */
    public static Instant publishAt(Instant requested, Instant now) {
        return requested == null || requested.isBefore(now) ? now : requested;
    }

    /** Why these times cannot be kept; empty when they can. */
    public static List<FieldProblem> problems(Instant publishAt, Instant pinnedUntil) {
        List<FieldProblem> problems = new ArrayList<>();
        if (pinnedUntil != null && !pinnedUntil.isAfter(publishAt)) {
            problems.add(new FieldProblem("pinnedUntil", "must be after the announcement is published (" + publishAt + ")"));
        }
        return problems;
    }

    /** Whether it is pinned at {@code now}. */
    public static boolean pinned(Instant pinnedUntil, Instant now) {
        return pinnedUntil != null && pinnedUntil.isAfter(now);
    }
}
