package org.backbone.activity.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * An activity's status (IATI activity status codes 1–5): PLANNED → ONGOING ↔ SUSPENDED → COMPLETED,
 * and CANCELLED from any status before COMPLETED. COMPLETED and CANCELLED are final.
 */
public enum ActivityStatus {
    PLANNED, ONGOING, SUSPENDED, COMPLETED, CANCELLED;

    /** The statuses an activity in this one may move to. */
    public Set<ActivityStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(ONGOING, CANCELLED);
            case ONGOING -> EnumSet.of(SUSPENDED, COMPLETED, CANCELLED);
            case SUSPENDED -> EnumSet.of(ONGOING, COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(ActivityStatus.class);
        };
    }

    public boolean mayMoveTo(ActivityStatus target) {
        return next().contains(target);
    }
}
