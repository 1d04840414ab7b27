package org.backbone.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.driver.BackboneApi;
import org.backbone.driver.Tokens;

/**
 * Loads a TOP15-like initiative through the gateway's public API, as a backbone organisation would
 * set one up: a dozen organisations from the three sectors, a ratified agenda with a goal tree,
 * nine indicators with baselines and targets, and three school years of quarterly values from
 * several partners — some indicators on track, some not. Idempotent: fixed ids and names, and
 * values are upserted, so a second run changes nothing.
 */
public final class Top15Demo {

    static final String INITIATIVE_NAME = "TOP15 — a national initiative to lift STEM education";
    private static final List<String> QUARTERS = List.of("2023Q3", "2023Q4", "2024Q1", "2024Q2", "2024Q3", "2024Q4",
            "2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2");

    private record Organisation(UUID id, String name, String sector, String role) {
    }

    private record Goal(UUID id, UUID parent, String title, String horizon) {
    }

    /**
     * An indicator and how its partners' values move: from {@code start} (each partner's share of
     * it) by {@code step} per quarter. Set against the target, that makes it on track or not.
     */
    private record Indicator(String code, String name, String unit, String valueType, String direction, String aggregation,
            Goal goal, double baseline, double target, double start, double step, List<Organisation> reporters) {
    }

    private final BackboneApi api;

    private Top15Demo(String api) {
        this.api = new BackboneApi(api);
    }

    public static void main(String[] args) throws Exception {
        String api = args.length > 0 ? args[0] : "http://127.0.0.1:8080/api";
        long started = System.nanoTime();
        UUID initiative = new Top15Demo(api).load();
        System.out.printf("TOP15 demo loaded in %.1f s: initiative %s%n", (System.nanoTime() - started) / 1e9, initiative);
        System.exit(0);
    }

    private static UUID fixed(String name) {
        return UUID.nameUUIDFromBytes(("backbone-demo:" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static Organisation org(String name, String sector, String role) {
        return new Organisation(fixed(name), name, sector, role);
    }

    private UUID load() {
        Organisation atid = new Organisation(Tokens.ORG_A, "Atid STEM Network", "NONPROFIT", "FOUNDING");
        Organisation negev = new Organisation(Tokens.ORG_B, "Negev Tech Industries", "BUSINESS", "CORE");
        Organisation ministry = org("Ministry of Education", "GOVERNMENT", "SUPPORTING");
        Organisation innovation = org("National Innovation Authority", "GOVERNMENT", "SUPPORTING");
        Organisation beersheva = org("Be'er Sheva Municipality", "GOVERNMENT", "SUPPORTING");
        Organisation haifa = org("Haifa Municipality", "GOVERNMENT", "SUPPORTING");
        Organisation galil = org("Galil Semiconductors", "BUSINESS", "SUPPORTING");
        Organisation carmel = org("Carmel Software", "BUSINESS", "SUPPORTING");
        Organisation bank = org("Northern Bank", "BUSINESS", "SUPPORTING");
        Organisation scientists = org("Future Scientists Foundation", "NONPROFIT", "SUPPORTING");
        Organisation teachers = org("Teachers for STEM", "NONPROFIT", "SUPPORTING");
        Organisation women = org("Women in Tech Forum", "NONPROFIT", "SUPPORTING");
        List<Organisation> organisations = List.of(atid, negev, ministry, innovation, beersheva, haifa, galil, carmel, bank,
                scientists, teachers, women);
        for (Organisation o : organisations) {
            api.ensureOrganisation(o.id(), o.name(), o.sector());
        }

        UUID initiative = api.findOrCreateInitiative(INITIATIVE_NAME, initiativeBody());
        List<UUID> current = api.partners(initiative);
        for (Organisation o : organisations) {
            if (!current.contains(o.id())) {
                api.join(initiative, o.id(), o.role());
            }
        }

        Goal root = new Goal(fixed("goal:root"), null, "Double the pupils reaching advanced STEM by 2030", "LONG_TERM");
        Goal maths = new Goal(fixed("goal:maths"), root.id(), "More pupils in 5-unit mathematics", "INTERMEDIATE");
        Goal physics = new Goal(fixed("goal:physics"), root.id(), "More pupils in advanced physics", "INTERMEDIATE");
        Goal teaching = new Goal(fixed("goal:teaching"), root.id(), "Enough well-trained STEM teachers", "INTERMEDIATE");
        Goal girls = new Goal(fixed("goal:girls"), maths.id(), "Close the gender gap in advanced tracks", "SHORT_TERM");
        Goal periphery = new Goal(fixed("goal:periphery"), root.id(), "Advanced STEM in every town, not just the centre", "LONG_TERM");
        Goal industry = new Goal(fixed("goal:industry"), periphery.id(), "Industry opens its doors to pupils", "SHORT_TERM");
        ratify(initiative, List.of(root, maths, physics, teaching, girls, periphery, industry));

        List<Indicator> indicators = List.of(
                new Indicator("ADV_MATH_SHARE", "Share of pupils taking 5-unit mathematics", "%", "PERCENT", "INCREASE",
                        "AVERAGE", maths, 9.5, 15, 9.8, 0.5, List.of(ministry, beersheva, haifa)),
                new Indicator("ADV_PHYSICS_SHARE", "Share of pupils taking advanced physics", "%", "PERCENT", "INCREASE",
                        "AVERAGE", physics, 8, 12, 8.1, 0.05, List.of(ministry, beersheva, haifa)),
                new Indicator("TEACHERS_TRAINED", "STEM teachers trained this quarter", "teachers", "INTEGER", "INCREASE",
                        "SUM", teaching, 120, 400, 130, 26, List.of(atid, teachers, ministry)),
                new Indicator("TEACHER_ATTRITION", "STEM teachers leaving within two years", "%", "PERCENT", "DECREASE",
                        "AVERAGE", teaching, 12, 8, 12.2, -0.1, List.of(ministry, teachers)),
                new Indicator("GIRLS_ADV_STEM", "Girls in advanced STEM tracks", "pupils", "INTEGER", "INCREASE", "SUM",
                        girls, 4200, 6500, 4300, 200, List.of(atid, women, ministry)),
                new Indicator("PERIPHERY_SCHOOLS", "Schools outside the centre offering 5-unit maths", "schools", "INTEGER",
                        "INCREASE", "SUM", periphery, 310, 420, 312, 9, List.of(beersheva, haifa, ministry)),
                new Indicator("MENTORING_HOURS", "Hours of mentoring by industry volunteers", "hours", "INTEGER", "INCREASE",
                        "SUM", industry, 2000, 6000, 2100, 380, List.of(negev, galil, carmel, bank)),
                new Indicator("INTERNSHIPS", "Pupils in industry internships", "pupils", "INTEGER", "INCREASE", "SUM",
                        industry, 150, 600, 150, 8, List.of(negev, galil, carmel)),
                new Indicator("OLYMPIAD_PUPILS", "Pupils in science olympiads", "pupils", "INTEGER", "INCREASE", "SUM",
                        root, 900, 1300, 920, 40, List.of(scientists, atid, innovation)));
        Map<String, String> ids = api.indicators(initiative);
        for (Indicator indicator : indicators) {
            if (!ids.containsKey(indicator.code())) {
                ids.put(indicator.code(), define(initiative, indicator));
            }
            submitValues(initiative, ids.get(indicator.code()), indicator);
        }
        printGuide(initiative);
        return initiative;
    }

    private static Map<String, Object> initiativeBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", INITIATIVE_NAME);
        body.put("problemStatement", "Too few pupils, and far too few girls and pupils outside the centre, reach "
                + "advanced mathematics and science; industry lacks engineers, and good STEM teachers leave.");
        body.put("vision", "Every pupil, wherever they live, can reach advanced STEM");
        body.put("mission", "Government, business and nonprofits align what they already do, measure it the same way, "
                + "and fill the gaps together");
        body.put("boundaries", Map.of("geography", List.of("North", "Haifa", "Centre", "South"),
                "timeframeFrom", "2023-09-01", "timeframeTo", "2030-08-31"));
        body.put("ratificationRule", Map.of("kind", "UNANIMOUS"));
        return body;
    }

    /** Proposes the goal tree and has the voting partners endorse it, unless an agenda is in force. */
    private void ratify(UUID initiative, List<Goal> goals) {
        List<Map<String, Object>> tree = goals.stream()
                .map(g -> BackboneApi.goal(g.id(), g.parent(), g.title(), g.horizon())).toList();
        api.ratify(initiative, Map.of("problemStatement", "Too few pupils reach advanced STEM",
                        "vision", "Every pupil, wherever they live, can reach advanced STEM",
                        "mission", "Align what we already do, measure it the same way, fill the gaps together",
                        "goals", tree),
                Map.of(Tokens.ORG_A, Tokens.user("member-a"), Tokens.ORG_B, Tokens.user("member-b")));
    }

    /** Defines an indicator once measurement-service has heard of the ratified goals. */
    private String define(UUID initiative, Indicator indicator) {
        Map<String, Object> body = new HashMap<>(Map.of("code", indicator.code(), "name", indicator.name(),
                "unit", indicator.unit(), "valueType", indicator.valueType(), "direction", indicator.direction(),
                "aggregation", indicator.aggregation(), "periodicity", "QUARTERLY",
                "goalIds", List.of(indicator.goal().id()), "visibility", "SHARED", "approvalRequired", false));
        body.put("baseline", Map.of("period", "2023Q2", "value", indicator.baseline()));
        body.put("targets", Map.of("2026Q2", indicator.target()));
        return api.defineIndicator(initiative, body);
    }

    /** Each reporter's twelve quarters, sent on its behalf; a resubmission of the same figures changes nothing. */
    private void submitValues(UUID initiative, String indicatorId, Indicator indicator) {
        int reporters = indicator.reporters().size();
        boolean average = indicator.aggregation().equals("AVERAGE");
        for (int p = 0; p < reporters; p++) {
            List<Map<String, ?>> values = new ArrayList<>();
            for (int q = 0; q < QUARTERS.size(); q++) {
                double total = indicator.start() + indicator.step() * q;
                double wobble = 1 + (((p * 31 + q * 17) % 7) - 3) / 100.0;
                double value = (average ? total : total / reporters) * wobble;
                values.add(Map.of("period", QUARTERS.get(q), "value", indicator.valueType().equals("INTEGER")
                        ? Math.round(value) : Math.round(value * 10) / 10.0));
            }
            api.submitValues(initiative, indicatorId, indicator.reporters().get(p).id(), values);
        }
    }

    private void printGuide(UUID initiative) {
        System.out.println();
        System.out.println("The TOP15 demo initiative is loaded: " + INITIATIVE_NAME);
        System.out.println("  Swagger UI    http://127.0.0.1:8080/api/docs");
        System.out.println("  Dashboard     GET http://127.0.0.1:8080/api/v1/initiatives/" + initiative + "/dashboard");
        System.out.println("  Scorecard     GET http://127.0.0.1:8080/api/v1/initiatives/" + initiative + "/scorecard");
        System.out.println("  Log in as     admin (backbone staff), member-a (Atid STEM Network, founding partner),");
        System.out.println("                member-b (Negev Tech Industries), observer — password \"backbone\"");
        System.out.println("  For example:  curl -H \"Authorization: Bearer $(./backbone token member-a)\" \\");
        System.out.println("                  http://127.0.0.1:8080/api/v1/initiatives/" + initiative + "/dashboard");
    }
}
