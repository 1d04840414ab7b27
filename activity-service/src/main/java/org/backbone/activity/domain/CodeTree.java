package org.backbone.activity.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A vocabulary tree of codes: locations (region → municipality → school) or target groups
 * (pupils → pupils grades 10–12 → girls grades 10–12). Levels count from 1 at the roots.
 */
public final class CodeTree {

    /** One code and its parent (null at a root). */
    public record Node(String code, String parent) {
    }

    private final Map<String, String> parents = new LinkedHashMap<>();
    private final Map<String, Integer> levels = new LinkedHashMap<>();
    private final Set<String> withChildren = new HashSet<>();

    /** @throws IllegalArgumentException for a duplicate code, an unknown parent or a cycle ({@link #problems} says which) */
    public CodeTree(Collection<Node> nodes) {
        List<String> problems = problems(nodes);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        nodes.forEach(n -> parents.put(n.code(), n.parent()));
        nodes.forEach(n -> {
            if (n.parent() != null) {
                withChildren.add(n.parent());
            }
        });
        parents.keySet().forEach(code -> levels.put(code, depth(code)));
    }

    /** What is wrong with these nodes as a tree, by code; empty when nothing is. */
    public static List<String> problems(Collection<Node> nodes) {
        List<String> problems = new ArrayList<>();
        Map<String, String> parents = new LinkedHashMap<>();
        for (Node node : nodes) {
            if (parents.containsKey(node.code())) {
                problems.add(node.code() + ": appears twice");
            }
            parents.put(node.code(), node.parent());
        }
        for (Node node : nodes) {
            if (node.parent() != null && !parents.containsKey(node.parent())) {
                problems.add(node.code() + ": parent " + node.parent() + " is not in the vocabulary");
            }
        }
        for (String code : parents.keySet()) {
            Set<String> seen = new HashSet<>();
            for (String at = code; at != null && parents.containsKey(at); at = parents.get(at)) {
                if (!seen.add(at)) {
                    problems.add(code + ": its parents form a cycle");
                    break;
                }
            }
        }
        return problems;
    }

    public boolean contains(String code) {
        return parents.containsKey(code);
    }

    public Optional<Integer> level(String code) {
        return Optional.ofNullable(levels.get(code));
    }

    /** Whether {@code code} is {@code ancestor} or lies below it. */
    public boolean isWithin(String code, String ancestor) {
        for (String at = code; at != null; at = parents.get(at)) {
            if (at.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the two lies within the other. */
    public boolean related(String a, String b) {
        return isWithin(a, b) || isWithin(b, a);
    }

    public List<String> leaves() {
        return parents.keySet().stream().filter(code -> !withChildren.contains(code)).toList();
    }

    /** The codes at {@code level} that lie within one of {@code roots} (every one when {@code roots} is empty). */
    public List<String> atLevel(int level, Set<String> roots) {
        return parents.keySet().stream().filter(code -> levels.get(code) == level)
                .filter(code -> roots.isEmpty() || roots.stream().anyMatch(root -> isWithin(code, root))).toList();
    }

    /** The code at {@code level} that {@code code} lies within (itself at that level), if it lies that deep. */
    public Optional<String> ancestorAt(String code, int level) {
        Integer own = levels.get(code);
        if (own == null || own < level) {
            return Optional.empty();
        }
        String at = code;
        for (int l = own; l > level; l--) {
            at = parents.get(at);
        }
        return Optional.of(at);
    }

    private int depth(String code) {
        int depth = 0;
        for (String at = code; at != null; at = parents.get(at)) {
            depth++;
        }
        return depth;
    }
}
