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
        threeW(initiative, Map.of("atid", atid, "negev", negev, "ministry", ministry, "innovation", innovation,
                "beersheva", beersheva, "haifa", haifa, "galil", galil, "carmel", carmel, "bank", bank,
                "scientists", scientists), teachers, women,
                Map.of("physics", physics, "teaching", teaching, "girls", girls, "industry", industry));
        communication(initiative, teaching, atid, negev, ministry, teachers);
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

    /** One row of the demo's 3W: what, who, for which leaf goal, where, for whom, and whether it has started. */
    private record Row(String title, String type, String implementer, String goal, String places, String wholeArea,
            String group, boolean ongoing, String start, String end, int reach, String budget, String funder) {
    }

    private static final List<Row> THREE_W = List.of(
            new Row("Girls code club, Be'er Sheva", "after-school-club", "atid", "girls", "S-BS", "", "girls-10-12", true, "2025-09-01", "2026-06-30", 40, "180000", "bank"),
            new Row("Tech girls after school, Be'er Sheva", "after-school-club", "negev", "girls", "S-BS", "", "girls-10-12", true, "2025-09-15", "2026-06-30", 35, "95000", ""),
            new Row("Girls code club, Haifa", "after-school-club", "atid", "girls", "N-HAI", "", "girls-10-12", true, "2025-09-01", "2026-06-30", 45, "", ""),
            new Row("Women in Tech mentoring, Karmiel", "mentoring", "women", "girls", "N-KAR", "", "girls-10-12", true, "2025-10-01", "2026-06-30", 30, "", ""),
            new Row("Women in Tech mentoring, Tel Aviv", "mentoring", "women", "girls", "C-TLV", "", "girls-10-12", false, "2026-01-01", "2026-08-31", 30, "", ""),
            new Row("Girls maths camp, Dimona", "after-school-club", "ministry", "girls", "S-DIM", "", "girls-10-12", false, "2026-02-01", "2026-08-31", 60, "", ""),
            new Row("Girls robotics, Nazareth", "after-school-club", "women", "girls", "N-NAZ", "", "girls-10-12", true, "2025-09-01", "2026-06-30", 25, "", ""),
            new Row("Girls maths boost, Petah Tikva", "after-school-club", "atid", "girls", "C-PT", "", "girls-10-12", true, "2025-09-01", "2026-06-30", 40, "", ""),
            new Row("Physics lab nights, Haifa", "after-school-club", "scientists", "physics", "N-HAI", "", "pupils-10-12", true, "2025-09-01", "2026-06-30", 80, "", ""),
            new Row("Physics lab nights, Petah Tikva", "after-school-club", "scientists", "physics", "C-PT", "", "pupils-10-12", true, "2025-09-01", "2026-06-30", 70, "", ""),
            new Row("Physics olympiad preparation, Tel Aviv", "olympiad-prep", "innovation", "physics", "C-TLV", "", "pupils-10-12", true, "2025-09-01", "2026-05-31", 50, "60000", "innovation"),
            new Row("Physics olympiad preparation, the North", "olympiad-prep", "scientists", "physics", "N", "", "pupils-10-12", true, "2025-09-01", "2026-05-31", 60, "", ""),
            new Row("Haifa municipal physics enrichment", "after-school-club", "haifa", "physics", "N-HAI", "", "pupils-10-12", false, "2025-11-01", "2026-06-30", 90, "", ""),
            new Row("Be'er Sheva municipal physics enrichment", "after-school-club", "beersheva", "physics", "S-BS", "", "pupils-10-12", true, "2025-09-01", "2026-06-30", 90, "", ""),
            new Row("Olympiad preparation, Be'er Sheva", "olympiad-prep", "scientists", "physics", "S-BS", "", "pupils-10-12", true, "2025-09-01", "2026-05-31", 40, "", ""),
            new Row("STEM teacher academy, the North", "teacher-training", "teachers", "teaching", "N", "N", "teachers", true, "2025-09-01", "2026-08-31", 120, "450000", "ministry"),
            new Row("STEM teacher academy, the Centre", "teacher-training", "teachers", "teaching", "C", "C", "teachers", true, "2025-09-01", "2026-08-31", 150, "", ""),
            new Row("In-service maths training, the South", "teacher-training", "ministry", "teaching", "S-BS;S-DIM", "", "teachers", true, "2025-09-01", "2026-06-30", 90, "", ""),
            new Row("New teachers' induction, Yeruham", "teacher-training", "ministry", "teaching", "S-YER", "", "teachers", false, "2026-03-01", "2026-08-31", 12, "", ""),
            new Row("Teacher fellowship, Haifa", "teacher-training", "atid", "teaching", "N-HAI", "", "teachers", true, "2025-09-01", "2026-06-30", 20, "", ""),
            new Row("Maths teacher retention grants, the Centre", "teacher-training", "ministry", "teaching", "C-TLV;C-PT", "", "teachers", true, "2025-09-01", "2026-08-31", 60, "", ""),
            new Row("Summer internships at Galil Semiconductors, Karmiel", "internship", "galil", "industry", "N-KAR", "", "pupils-10-12", true, "2025-10-01", "2026-08-31", 25, "", ""),
            new Row("Carmel Software internships, Haifa", "internship", "carmel", "industry", "N-HAI", "", "pupils-10-12", true, "2025-10-01", "2026-08-31", 30, "", ""),
            new Row("Negev Tech internships, Be'er Sheva", "internship", "negev", "industry", "S-BS", "", "pupils-10-12", true, "2025-10-01", "2026-08-31", 40, "120000", "negev"),
            new Row("Industry mentors for Dimona", "mentoring", "negev", "industry", "S-DIM", "", "pupils-10-12", false, "2026-01-01", "2026-08-31", 30, "", ""),
            new Row("Bank volunteers mentoring, Nazareth", "mentoring", "bank", "industry", "N-NAZ", "", "pupils-10-12", true, "2025-09-01", "2026-06-30", 35, "", ""),
            new Row("Industry mentors, Petah Tikva", "mentoring", "carmel", "industry", "C-PT", "", "pupils-10-12", true, "2025-09-01", "2026-06-30", 30, "", ""),
            new Row("Innovation Authority hackathon, Tel Aviv", "internship", "innovation", "industry", "C-TLV", "", "pupils-10-12", false, "2026-03-01", "2026-08-31", 200, "", ""));

    /**
     * The 3W of TOP15 for the school year 2025/26: vocabularies, the coverage plan and a few dozen
     * activities across the three sectors, imported as one CSV; most have started. Then the gaps and
     * overlaps activity-service found. Imported once: a second run finds the activities there.
     */
    private void threeW(UUID initiative, Map<String, Organisation> partners, Organisation teachers, Organisation women,
            Map<String, Goal> goals) {
        Map<String, Organisation> who = new HashMap<>(partners);
        who.put("teachers", teachers);
        who.put("women", women);
        api.awaitActivityProjection(initiative, goals.get("industry").id());
        api.putVocabulary(initiative, "locations", List.of(entry("N", null, "North"), entry("N-HAI", "N", "Haifa"),
                entry("N-KAR", "N", "Karmiel"), entry("N-NAZ", "N", "Nazareth"), entry("C", null, "Centre"),
                entry("C-TLV", "C", "Tel Aviv"), entry("C-PT", "C", "Petah Tikva"), entry("S", null, "South"),
                entry("S-BS", "S", "Be'er Sheva"), entry("S-DIM", "S", "Dimona"), entry("S-YER", "S", "Yeruham")));
        api.putVocabulary(initiative, "target-groups", List.of(entry("pupils", null, "Pupils"),
                entry("pupils-7-9", "pupils", "Pupils, grades 7-9"), entry("pupils-10-12", "pupils", "Pupils, grades 10-12"),
                entry("girls-10-12", "pupils-10-12", "Girls, grades 10-12"), entry("teachers", null, "STEM teachers")));
        api.putVocabulary(initiative, "activity-types", List.of(entry("teacher-training", null, "Teacher training"),
                entry("after-school-club", null, "After-school club"), entry("internship", null, "Internship"),
                entry("mentoring", null, "Mentoring"), entry("olympiad-prep", null, "Olympiad preparation")));
        api.putCoverageSettings(initiative, 2, "2025Sep");
        if (api.activities(initiative, "").body().path("items").isEmpty()) {
            StringBuilder csv = new StringBuilder("title,activityType,implementing,funding,goals,locations,wholeArea,"
                    + "targetGroups,plannedStart,plannedEnd,plannedReach,budgetAmount,budgetCurrency,budgetFunder\r\n");
            for (Row r : THREE_W) {
                String funder = r.funder().isEmpty() ? "" : who.get(r.funder()).id().toString();
                csv.append(String.join(",", "\"" + r.title() + "\"", r.type(), who.get(r.implementer()).id().toString(),
                        funder, goals.get(r.goal()).id().toString(), r.places(), r.wholeArea(), r.group(), r.start(),
                        r.end(), r.group() + "::" + r.reach(), r.budget(), r.budget().isEmpty() ? "" : "ILS", funder))
                        .append("\r\n");
            }
            api.importActivities(initiative, csv.toString());
        }
        for (var activity : api.activities(initiative, "").body().path("items")) {
            String title = activity.path("title").asText();
            boolean ongoing = THREE_W.stream().anyMatch(r -> r.title().equals(title) && r.ongoing());
            if (ongoing && activity.path("status").asText().equals("PLANNED")) {
                api.admin().post("/v1/initiatives/" + initiative + "/activities/" + activity.path("id").asText()
                        + "/transitions", Map.of("status", "ONGOING", "actualStart", activity.path("plannedStart").asText()))
                        .expect(200);
            }
        }
        Map<String, String> titles = new HashMap<>();
        api.activities(initiative, "").body().path("items")
                .forEach(a -> titles.put(a.path("id").asText(), a.path("title").asText()));
        Map<String, String> goalTitles = new HashMap<>();
        goals.values().forEach(g -> goalTitles.put(g.id().toString(), g.title()));
        System.out.println();
        System.out.println("The 3W: " + THREE_W.size() + " activities of " + who.size() + " partners, school year 2025/26");
        for (var overlap : api.findings(initiative, "DUPLICATION_RISK").body().path("items")) {
            System.out.printf("  Overlap  DUPLICATION_RISK (score %d) in %s: \"%s\" and \"%s\"%n",
                    overlap.path("score").asInt(), overlap.path("location").asText(),
                    titles.get(overlap.path("activityIds").path(0).asText()),
                    titles.get(overlap.path("activityIds").path(1).asText()));
        }
        for (var gap : api.findings(initiative, "UNCOVERED").body().path("items")) {
            if (gap.path("location").asText().equals("S-YER")) {
                System.out.printf("  Gap      UNCOVERED: nothing serves \"%s\" for %s in Yeruham%n",
                        goalTitles.get(gap.path("goalId").asText()), gap.path("targetGroup").asText());
                break;
            }
        }
    }

    private static Map<String, ?> entry(String code, String parent, String label) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("code", code);
        entry.put("parent", parent);
        entry.put("label", label);
        return entry;
    }

    /**
     * What the backbone says and decides: a pinned announcement; last week's steering committee,
     * its agenda as Backbone suggested it (the 3W's gaps and overlaps, indicators off track), the
     * minutes Atid and Negev approved and staff published; two decisions taken there (the second
     * superseding a first); a discussion on the teaching goal; action items for four partners.
     * Once: a meeting or a register that exists already is left as it is.
     */
    private void communication(UUID initiative, Goal teaching, Organisation atid, Organisation negev, Organisation ministry,
            Organisation teachers) {
        String base = "/v1/initiatives/" + initiative;
        var held = api.admin().get(base + "/meetings").expect(200).body().path("items");
        String meeting = held.isEmpty() ? steeringCommittee(base, atid, negev) : held.path(0).path("id").asText();
        if (api.admin().get(base + "/decisions").expect(200).body().path("items").size() > 0) {
            return;
        }
        api.admin().post(base + "/announcements", Map.of("title", "Steering committee: the quarterly data session",
                "body", "The steering committee meets on the **first Sunday of the quarter** to discuss the data.\n\n"
                        + "Please bring your organisation's figures for the last quarter.",
                "audience", "PARTNERS", "acknowledgementRequested", true,
                "pinnedUntil", java.time.Instant.now().plus(java.time.Duration.ofDays(14)).toString())).expect(201);
        Map<String, Object> goal = Map.of("service", "agenda", "type", "goal", "id", teaching.id().toString());
        // the feed learns of the goal from agenda's events: a moment after ratification at most
        String monthly = awaitCreated(base + "/decisions", Map.of("statement",
                "Partners report teacher training monthly", "rationale", "The ministry asked for it.",
                "affects", List.of(goal), "meetingId", meeting));
        awaitCreated(base + "/decisions", Map.of("statement", "Partners report teacher training quarterly, with the "
                        + "attrition figures beside it", "rationale", "Monthly reports cost more than they told us; "
                        + "quarterly matches the ministry's own cycle.", "affects", List.of(goal), "supersedes", monthly,
                "reviewOn", java.time.LocalDate.now().plusMonths(6).toString(), "meetingId", meeting));
        api.as(Tokens.user("member-a")).post(base + "/threads", Map.of("subject", goal, "title",
                "Why are teachers leaving in the south?", "body", "Our exit interviews point at commuting. "
                        + "@member-b, do your mentors see the same?")).expect(201);
        java.time.LocalDate today = java.time.LocalDate.now();
        Map<String, Object> fromMeeting = Map.of("service", "communication", "type", "meeting", "id", meeting);
        api.admin().post(base + "/action-items", Map.of("title", "Share the teacher exit-interview summary",
                "assigneeOrganisationId", atid.id().toString(), "dueOn", today.plusDays(10).toString(),
                "source", fromMeeting)).expect(201);
        api.admin().post(base + "/action-items", Map.of("title", "Propose mentoring hours for Be'er Sheva schools",
                "assigneeOrganisationId", negev.id().toString(), "dueOn", today.plusDays(21).toString())).expect(201);
        api.admin().post(base + "/action-items", Map.of("title", "Send the attrition figures for last year",
                "assigneeOrganisationId", ministry.id().toString(), "dueOn", today.minusDays(3).toString())).expect(201);
        api.admin().post(base + "/action-items", Map.of("title", "Draft the summer training programme",
                "assigneeOrganisationId", teachers.id().toString(), "dueOn", today.plusDays(30).toString())).expect(201);
    }

    /**
     * Last week's steering committee, prepared with the agenda Backbone suggests once communication
     * has seen the 3W's findings and the off-track indicators; Atid and Negev came, approved the
     * minutes by quorum, and staff published them.
     */
    private String steeringCommittee(String base, Organisation atid, Organisation negev) {
        java.time.LocalDateTime start = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jerusalem")).minusDays(7).atTime(10, 0);
        String meeting = api.admin().post(base + "/meetings", Map.of("title", "Steering committee: the quarterly data session",
                "kind", "HYBRID", "place", "Tel Aviv, the backbone's office", "link", "https://meet.example.org/top15-steering",
                "startsAt", start.toString(), "endsAt", start.plusHours(2).toString(), "timeZone", "Asia/Jerusalem",
                "openToAll", true)).expect(201).text("id");
        long deadline = System.nanoTime() + BackboneApi.PROJECTION_DEADLINE.toNanos();
        while (api.admin().get(base + "/meetings/suggested-agenda").expect(200).body().path("items").size() < 3
                && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(500_000_000L); // communication is still reading the 3W
        }
        String path = base + "/meetings/" + meeting;
        api.admin().post(path + "/agenda-items", Map.of("title", "Welcome and last quarter's decisions", "minutes", 10))
                .expect(201);
        api.admin().post(path + "/agenda-items/suggested", Map.of()).expect(200);
        api.admin().put(path + "/attendance", Map.of("organisationIds", List.of(atid.id().toString(), negev.id().toString())),
                Map.of()).expect(200);
        api.admin().put(path + "/status", Map.of("status", "HELD"), Map.of()).expect(200);
        api.admin().put(path + "/minutes", Map.of("body", "# Steering committee, quarterly data session\n\n"
                + "**Present:** Atid STEM Network, Negev Tech Industries, the backbone.\n\n"
                + "1. Teacher training is off track in the south; partners report it quarterly from now on.\n"
                + "2. Two overlaps in the 3W were discussed; Negev proposes mentoring hours for Be'er Sheva.\n"), Map.of())
                .expect(200);
        api.admin().put(path + "/minutes/circulation", Map.of("amendmentsUntil",
                java.time.Instant.now().plus(java.time.Duration.ofDays(3)).toString()), Map.of()).expect(200);
        api.as(Tokens.user("member-a")).put(path + "/minutes/answer", Map.of("verdict", "APPROVE"), Map.of()).expect(200);
        api.as(Tokens.user("member-b")).put(path + "/minutes/answer", Map.of("verdict", "APPROVE"), Map.of()).expect(200);
        api.admin().put(path + "/minutes/publication", Map.of(), Map.of()).expect(200);
        return meeting;
    }

    /** Posts until it is created: 422 while the feed does not know yet what the body names. */
    private String awaitCreated(String path, Map<String, ?> body) {
        long deadline = System.nanoTime() + BackboneApi.PROJECTION_DEADLINE.toNanos();
        while (true) {
            var answer = api.admin().post(path, body);
            if (answer.status() == 201 || answer.status() != 422 || System.nanoTime() > deadline) {
                return answer.expect(201).text("id");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void printGuide(UUID initiative) {
        System.out.println();
        System.out.println("The TOP15 demo initiative is loaded: " + INITIATIVE_NAME);
        System.out.println("  Swagger UI    http://127.0.0.1:8080/api/docs");
        System.out.println("  Dashboard     GET http://127.0.0.1:8080/api/v1/initiatives/" + initiative + "/dashboard");
        System.out.println("  Scorecard     GET http://127.0.0.1:8080/api/v1/initiatives/" + initiative + "/scorecard");
        System.out.println("  Gaps, overlaps GET http://127.0.0.1:8080/api/v1/initiatives/" + initiative + "/findings");
        System.out.println("  Meetings      GET http://127.0.0.1:8080/api/v1/initiatives/" + initiative + "/meetings");
        System.out.println("  Decisions     GET http://127.0.0.1:8080/api/v1/initiatives/" + initiative + "/decisions");
        System.out.println("  Action items  GET http://127.0.0.1:8080/api/v1/initiatives/" + initiative + "/action-items");
        System.out.println("  The 3W (HXL)  GET http://127.0.0.1:8080/api/v1/initiatives/" + initiative
                + "/activities/export?format=hxl");
        System.out.println("  Log in as     admin (backbone staff), member-a (Atid STEM Network, founding partner),");
        System.out.println("                member-b (Negev Tech Industries), observer — password \"backbone\"");
        System.out.println("  For example:  curl -H \"Authorization: Bearer $(./backbone token member-a)\" \\");
        System.out.println("                  http://127.0.0.1:8080/api/v1/initiatives/" + initiative + "/dashboard");
    }
}
