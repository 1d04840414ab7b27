package org.backbone.activity.domain;

import java.util.Arrays;
import java.util.Optional;

/** The three vocabularies an initiative keeps: two trees and a list. */
public enum VocabularyKind {
    LOCATION("locations", true), TARGET_GROUP("target-groups", true), ACTIVITY_TYPE("activity-types", false);

    private final String path;
    private final boolean tree;

    VocabularyKind(String path, boolean tree) {
        this.path = path;
        this.tree = tree;
    }

    public String path() {
        return path;
    }

    /** Whether its codes may have parents. */
    public boolean tree() {
        return tree;
    }

    public static Optional<VocabularyKind> ofPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
