package org.backbone.activity;

import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.contracts.agenda.AgendaRatified;
import org.backbone.contracts.agenda.GoalSnapshot;
import org.backbone.contracts.agenda.Horizon;
import org.backbone.contracts.agenda.InitiativeCreated;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.contracts.agenda.RatificationRule;
import org.backbone.contracts.agenda.Sector;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.AgendaEvents;
import org.backbone.kit.testing.Api;

/**
 * A small TOP15, as the README's worked example: partners A and B, goals "advanced maths" and "STEM
 * teachers" below one root, locations North (Haifa, Karmiel) and South (Be'er Sheva) counted by
 * municipality, target groups pupils → grades 10–12 → girls 10–12 and teachers, school year 2025/26.
 */
final class Top15Agenda {

    final UUID initiative = UUID.randomUUID();
    final UUID root = UUID.randomUUID();
    final UUID maths = UUID.randomUUID();
    final UUID teaching = UUID.randomUUID();
    /** A partner with no demo login. */
    final UUID ministry = UUID.randomUUID();

    static Top15Agenda publish(AgroalDataSource db, boolean withPartnerB) throws Exception {
        Top15Agenda t = new Top15Agenda();
        Instant now = Instant.now();
        AgendaEvents.publish(
                new InitiativeCreated(t.initiative, "TOP15 " + t.initiative, null, null, null,
                        new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"),
                new PartnerJoined(t.initiative, Tokens.ORG_A, "Atid STEM Network", Sector.NONPROFIT, PartnerRole.FOUNDING, now),
                new PartnerJoined(t.initiative, t.ministry, "Ministry of Education", Sector.GOVERNMENT, PartnerRole.CORE, now),
                new AgendaRatified(t.initiative, 1, null, null, null, List.of(
                        new GoalSnapshot(t.root, null, "Lift STEM education", null, Horizon.LONG_TERM, null),
                        new GoalSnapshot(t.maths, t.root, "More pupils in advanced maths", null, Horizon.SHORT_TERM, null),
                        new GoalSnapshot(t.teaching, t.root, "More STEM teachers", null, Horizon.SHORT_TERM, null))));
        if (withPartnerB) {
            AgendaEvents.publish(new PartnerJoined(t.initiative, Tokens.ORG_B, "Negev Tech", Sector.BUSINESS,
                    PartnerRole.CORE, now));
        }
        int members = withPartnerB ? 3 : 2;
        await().atMost(Duration.ofSeconds(90)).until(() -> count(db, "SELECT count(*) FROM agenda_goal WHERE initiative_id = '"
                + t.initiative + "' AND active AND (parent_id IS NOT NULL OR id = '" + t.root + "')") == 3
                && count(db, "SELECT count(*) FROM agenda_membership WHERE current AND initiative_id = '" + t.initiative + "'")
                == members);
        return t;
    }

    /** Vocabularies and coverage plan, as staff set them. */
    void plan() {
        vocabulary("locations", List.of(entry("N", null, "North"), entry("N-HAI", "N", "Haifa"),
                entry("N-HAI-1", "N-HAI", "Haifa school 1"), entry("N-KAR", "N", "Karmiel"), entry("S", null, "South"),
                entry("S-BS", "S", "Be'er Sheva")));
        vocabulary("target-groups", List.of(entry("pupils", null, "Pupils"), entry("pupils-10-12", "pupils", "Grades 10-12"),
                entry("girls-10-12", "pupils-10-12", "Girls 10-12"), entry("teachers", null, "Teachers")));
        vocabulary("activity-types", List.of(entry("club", null, "After-school club"),
                entry("training", null, "Teacher training")));
        Api.as(Tokens.admin()).header("If-Match", "\"0\"")
                .body(Map.of("coverageLevel", 2, "period", "2025Sep", "boundaries", List.of()))
                .put(path("/coverage/settings")).then().statusCode(200);
    }

    void vocabulary(String kind, List<Map<String, Object>> entries) {
        Api.as(Tokens.admin()).header("If-Match", "*").body(Map.of("entries", entries))
                .put(path("/vocabularies/" + kind)).then().statusCode(200);
    }

    static Map<String, Object> entry(String code, String parent, String label) {
        Map<String, Object> e = new java.util.HashMap<>();
        e.put("code", code);
        e.put("parent", parent);
        e.put("label", label);
        return e;
    }

    /** An activity body: one implementing organisation, one goal, one place, one group, the school year. */
    Map<String, Object> activity(String title, UUID organisation, String type, UUID goal, String place, String group) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("title", title);
        body.put("activityType", type);
        body.put("participants", List.of(Map.of("organisationId", organisation.toString(), "role", "IMPLEMENTING")));
        body.put("goalIds", List.of(goal.toString()));
        body.put("places", List.of(Map.of("location", place, "wholeArea", false)));
        body.put("targetGroups", List.of(group));
        body.put("plannedStart", "2025-09-01");
        body.put("plannedEnd", "2026-06-30");
        body.put("budget", Map.of("amount", new java.math.BigDecimal("120000.50"), "currency", "ILS"));
        return body;
    }

    String path(String rest) {
        return "/v1/initiatives/" + initiative + rest;
    }

    static long count(AgroalDataSource db, String sql) throws Exception {
        try (var connection = db.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
