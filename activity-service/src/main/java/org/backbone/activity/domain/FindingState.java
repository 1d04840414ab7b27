package org.backbone.activity.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a finding: OPEN → ACKNOWLEDGED (staff or partners saw it) → RESOLVED (the data no longer
 * shows it), or DISMISSED by staff with a reason. A dismissal holds while the key fields of the
 * activities involved stay as they were; when they change, the finding is judged afresh.
 */
public enum FindingState {
    OPEN, ACKNOWLEDGED, RESOLVED, DISMISSED;

    public Set<FindingState> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(ACKNOWLEDGED, RESOLVED, DISMISSED);
            case ACKNOWLEDGED -> EnumSet.of(RESOLVED, DISMISSED);
            case RESOLVED, DISMISSED -> EnumSet.of(OPEN);
        };
    }

    /**
     * What a recomputation does to a finding in this state.
     *
     * @param stillFound whether the data still shows it
     * @param sameKeyFields whether the involved activities' key fields are those the state was set on
     */
    public FindingState recomputed(boolean stillFound, boolean sameKeyFields) {
        return switch (this) {
            case OPEN, ACKNOWLEDGED -> stillFound ? this : RESOLVED;
            case RESOLVED -> stillFound ? OPEN : RESOLVED;
            case DISMISSED -> sameKeyFields ? DISMISSED : stillFound ? OPEN : RESOLVED;
        };
    }
}
