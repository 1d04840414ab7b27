package org.backbone.communication.domain.webhook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.backbone.kit.domain.FieldProblem;

/**
 * The event types an endpoint subscribes to: an exact CloudEvents type
 * ({@code org.backbone.agenda.partner.joined.v1}), a prefix ending in {@code .*}
 * ({@code org.backbone.measurement.*}), or {@code *} for all. Each must match a type that exists.
 */
public final class EventTypePatterns {

    public static final int MAX = 50;
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("\\*|[a-z0-9-]+(\\.[a-z0-9-]+)*(\\.\\*)?");

    private EventTypePatterns() {
    }

    public static boolean matches(String pattern, String type) {
        if (pattern.equals("*")) {
            return true;
        }
        return pattern.endsWith(".*") ? type.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(type);
    }

    public static boolean matchesAny(Collection<String> patterns, String type) {
        return patterns.stream().anyMatch(p -> matches(p, type));
    }

    /** What is wrong with {@code patterns}, field by field, given the types that exist. */
    public static List<FieldProblem> problems(String field, List<String> patterns, Collection<String> knownTypes) {
        List<FieldProblem> problems = new ArrayList<>();
        if (patterns == null || patterns.isEmpty()) {
            problems.add(new FieldProblem(field, "must name at least one event type, e.g. org.backbone.measurement.*"));
            return problems;
        }
        if (patterns.size() > MAX) {
            problems.add(new FieldProblem(field, "must name at most " + MAX + " event types"));
            return problems;
        }
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            String at = field + "[" + i + "]";
            if (pattern == null || pattern.length() > 200 || !SHAPE.matcher(pattern).matches()) {
                problems.add(new FieldProblem(at, "must be an event type, a prefix ending in .* or *"));
            } else if (knownTypes.stream().noneMatch(t -> matches(pattern, t))) {
                problems.add(new FieldProblem(at, "matches no event type Backbone sends"));
            }
        }
        return problems;
    }
}
