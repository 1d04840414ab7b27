package org.backbone.activity.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.backbone.activity.domain.CodeTree.Node;
import org.backbone.activity.domain.Coverage.Activity;
import org.backbone.activity.domain.Coverage.Place;
import org.backbone.activity.domain.Coverage.Plan;

/**
 * The worked example of the README: a small TOP15. Locations North (Haifa with one school, Karmiel)
 * and South (Be'er Sheva), covered by municipality; pupils → grades 10–12 → girls 10–12, and
 * teachers; goals "advanced maths" and "STEM teachers" below one root; the school year 2025/26.
 */
final class Top15Plan {

    static final UUID ROOT = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final UUID MATHS = UUID.fromString("00000000-0000-4000-8000-000000000002");
    static final UUID TEACHING = UUID.fromString("00000000-0000-4000-8000-000000000003");
    static final UUID ATID = UUID.fromString("11111111-1111-4111-8111-111111111111");
    static final UUID NEGEV = UUID.fromString("22222222-2222-4222-8222-222222222222");
    static final Span YEAR = new Span(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 8, 31));

    static final CodeTree LOCATIONS = new CodeTree(List.of(new Node("N", null), new Node("N-HAI", "N"),
            new Node("N-HAI-1", "N-HAI"), new Node("N-KAR", "N"), new Node("S", null), new Node("S-BS", "S")));
    static final CodeTree GROUPS = new CodeTree(List.of(new Node("pupils", null), new Node("pupils-10-12", "pupils"),
            new Node("girls-10-12", "pupils-10-12"), new Node("teachers", null)));
    static final Plan PLAN = new Plan(Set.of(MATHS, TEACHING), Map.of(MATHS, ROOT, TEACHING, ROOT), LOCATIONS, 2,
            Set.of(), GROUPS);

    private Top15Plan() {
    }

    static Activity activity(int id, UUID organisation, String type, UUID goal, Place place, String group, Span span,
            ActivityStatus status) {
        return new Activity(new UUID(0, id), organisation, type, Set.of(goal), List.of(place), Set.of(group), span, status);
    }

    static Place in(String location) {
        return new Place(location, false);
    }

    static Span months(int fromYear, int fromMonth, int toYear, int toMonth) {
        LocalDate end = LocalDate.of(toYear, toMonth, 1);
        return new Span(LocalDate.of(fromYear, fromMonth, 1), end.withDayOfMonth(end.lengthOfMonth()));
    }
}
