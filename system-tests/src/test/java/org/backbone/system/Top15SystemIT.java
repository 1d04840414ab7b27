package org.backbone.system;

import static org.backbone.kit.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.backbone.contracts.EventCatalog;
import org.backbone.contracts.EventJson;
import org.backbone.contracts.Topics;
import org.backbone.contracts.partner.MeasurementSubmitted;
import org.backbone.kit.events.CloudEventRecords;
import org.backbone.kit.testing.GreenMail;
import org.backbone.kit.testing.KafkaProbe;
import org.backbone.driver.BackboneApi;
import org.backbone.driver.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A TOP15-like initiative from registration to scorecard, driven through the gateway only, as a
 * third-party client would, against all five services running as processes of their own. The
 * figures the platform reports are checked against what the test computes from what it sent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Top15SystemIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String SUBMITTED = EventCatalog.of(MeasurementSubmitted.class).type();
    private static final UUID ORG_A = Tokens.ORG_A;
    private static final UUID ORG_B = Tokens.ORG_B;

    private static Platform platform;
    private static UUID initiative;
    private static String initiativeName;
    private static List<Map<String, Object>> ratifiedGoals;
    private static final Map<String, String> indicators = new HashMap<>();

    @BeforeAll
    static void startPlatform() {
        platform = new Platform().start();
        io.restassured.RestAssured.baseURI = platform.gateway.baseUrl();
        io.restassured.RestAssured.port = -1;
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().jsonConfig(
                io.restassured.config.JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }


    private static String admin() {
        return Tokens.admin();
    }

    @Test
    @Order(1)
    void organisationsJoinAndRatifyAnAgendaAfterAnObjection() {
        ensureOrganisation(ORG_A, "Atid STEM Network", "NONPROFIT");
        ensureOrganisation(ORG_B, "Negev Tech Industries", "BUSINESS");
        UUID ministry = newOrganisation("Ministry of Education", "GOVERNMENT");
        UUID municipality = newOrganisation("Be'er Sheva Municipality", "GOVERNMENT");
        UUID foundation = newOrganisation("Trump Foundation", "NONPROFIT");
        UUID bank = newOrganisation("Bank of the Galilee", "BUSINESS");

        initiativeName = "TOP15 " + UUID.randomUUID();
        initiative = UUID.fromString(as(admin()).body(Map.of("name", initiativeName,
                        "problemStatement", "Too few pupils reach advanced STEM", "vision", "Every pupil can reach advanced STEM",
                        "mission", "Coordinate what works", "ratificationRule", Map.of("kind", "UNANIMOUS")))
                .post("/api/v1/initiatives").then().statusCode(201).extract().path("id"));
        join(ORG_A, "FOUNDING");
        join(ORG_B, "CORE");
        join(ministry, "SUPPORTING");
        join(municipality, "SUPPORTING");
        join(foundation, "SUPPORTING");
        join(bank, "SUPPORTING");

        UUID root = UUID.randomUUID();
        UUID maths = UUID.randomUUID();
        UUID teachers = UUID.randomUUID();
        UUID girls = UUID.randomUUID();
        putDraft("Every pupil can reach advanced STEM", List.of(goal(root, null, "Lift STEM achievement", "LONG_TERM"),
                goal(maths, root, "More pupils in advanced mathematics", "INTERMEDIATE"),
                goal(teachers, root, "More trained STEM teachers", "SHORT_TERM")));
        int first = propose();
        decide("member-b", first, ORG_B, "OBJECT").then().statusCode(200).body("tally.objections", equalTo(1));
        as(admin()).post(base() + "/agenda/versions/" + first + "/withdrawal").then().statusCode(200);

        ratifiedGoals = List.of(
                goal(root, null, "Lift STEM achievement", "LONG_TERM"),
                goal(maths, root, "More pupils in advanced mathematics", "INTERMEDIATE"),
                goal(teachers, root, "More trained STEM teachers", "SHORT_TERM"),
                goal(girls, maths, "More girls in advanced STEM tracks", "SHORT_TERM"));
        putDraft("Every pupil, girls and boys alike, can reach advanced STEM", ratifiedGoals);
        int second = propose();
        decide("member-a", second, ORG_A, "ENDORSE").then().statusCode(200).body("status", equalTo("PROPOSED"));
        decide("member-b", second, ORG_B, "ENDORSE").then().statusCode(200).body("status", equalTo("RATIFIED"));

        as(Tokens.user("member-a")).get(base() + "/dashboard").then().statusCode(200)
                .body("ratifiedVersion", equalTo(2))
                .body("goalTree[0].children.title", hasItem("More pupils in advanced mathematics"))
                .body("partnersBySector.keySet()", org.hamcrest.Matchers.containsInAnyOrder("GOVERNMENT", "BUSINESS", "NONPROFIT"));

        Map<String, Object> advancedMaths = indicator("ADV_MATH", "Share of pupils taking advanced mathematics", "PERCENT",
                "AVERAGE", maths, "SHARED", false);
        advancedMaths.put("baseline", Map.of("period", "2025Q4", "value", 20));
        advancedMaths.put("targets", Map.of("2026Q4", 30));
        indicators.put("ADV_MATH", defineIndicator(advancedMaths));
        indicators.put("TEACHERS", defineIndicator(indicator("TEACHERS", "STEM teachers trained", "INTEGER", "SUM", teachers,
                "BACKBONE_ONLY", true)));
        Map<String, Object> girlsInStem = indicator("GIRLS", "Girls in advanced STEM tracks", "INTEGER", "SUM", girls,
                "SHARED", false);
        girlsInStem.put("dimensions", Map.of("region", List.of("north", "south")));
        indicators.put("GIRLS", defineIndicator(girlsInStem));
    }

    @Test
    @Order(2)
    void partnersReportOverRestCsvKafkaAndHttpEventsAndTheFiguresAddUp() throws Exception {
        // REST: each partner for itself
        as(Tokens.user("member-a")).body(Map.of("values", List.of(value("2026Q1", 22), value("2026Q2", 25))))
                .post(values("ADV_MATH")).then().statusCode(200).body("accepted", equalTo(2));
        as(Tokens.user("member-b")).body(Map.of("values", List.of(value("2026Q1", 26), value("2026Q2", 31))))
                .post(values("ADV_MATH")).then().statusCode(200).body("accepted", equalTo(2));

        // CSV: B's teachers (need approval)
        String template = as(Tokens.user("member-b")).get(values("TEACHERS") + "/template").then().statusCode(200)
                .extract().asString();
        given().auth().oauth2(Tokens.user("member-b")).contentType("text/csv")
                .body(template + "2026Q1,15,first cohort\n2026Q2,9,\n").post(values("TEACHERS"))
                .then().statusCode(200).body("accepted", equalTo(2));

        // Kafka: A's system publishes to its own topic (a poison record among them)
        try (KafkaProbe dlq = KafkaProbe.subscribe(Topics.deadLetter(Topics.partnerMeasurements(ORG_A), "measurement"));
                KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            String topic = Topics.partnerMeasurements(ORG_A);
            producer.send(event(topic, "TEACHERS", "2026Q1", 10, null)).get();
            producer.send(event(topic, "GIRLS", "2026Q1", 5, Map.of("region", "north"))).get();
            producer.send(new ProducerRecord<>(topic, initiative.toString(), "{poison".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(event(topic, "GIRLS", "2026Q1", 7, Map.of("region", "south"))).get();
            var dead = await().atMost(DEADLINE).until(() -> dlq.received(r -> initiative.toString().equals(r.key())),
                    r -> !r.isEmpty());
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{poison");
            assertThat(KafkaProbe.header(dead.get(0), "dead-letter-reason")).contains("JSON");
        }

        // the gateway's partner-events route: B's system, batch mode
        given().auth().oauth2(Tokens.system("partner-b-system")).contentType("application/cloudevents-batch+json")
                .body(List.of(cloudEvent("GIRLS", "2026Q1", 3, "north"), cloudEvent("GIRLS", "2026Q1", 4, "south")))
                .post("/api/v1/partner-events").then().statusCode(202).body("accepted", equalTo(2));

        // teachers count once approved: A's (Kafka) and B's (CSV)
        List<String> pending = await().atMost(DEADLINE).until(() -> as(admin()).get(values("TEACHERS") + "?status=SUBMITTED")
                .then().statusCode(200).extract().<String>jsonPath().getList("id"), ids -> ids.size() == 3);
        as(admin()).body(Map.of("valueIds", pending, "verdict", "APPROVE")).post(values("TEACHERS") + "/review")
                .then().statusCode(200).body("reviewed", equalTo(3));

        // the figures, against what was sent
        await().atMost(DEADLINE).untilAsserted(() -> {
            Response adv = as(admin()).get(progress("ADV_MATH") + "?from=2026Q1&to=2026Q2");
            assertThat(decimal(adv, "periods[0].value")).isEqualByComparingTo(average(22, 26));
            assertThat(decimal(adv, "periods[1].value")).isEqualByComparingTo(average(25, 31));
            assertThat(adv.<Integer>path("periods[0].reportingPartners")).isEqualTo(2);
            // linear between the baseline (2025Q4: 20) and the target (2026Q4: 30)
            assertThat(decimal(adv, "periods[0].target")).isCloseTo(interpolated(), org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
            Response teachers = as(admin()).get(progress("TEACHERS") + "?from=2026Q1&to=2026Q2");
            assertThat(decimal(teachers, "periods[0].value")).isEqualByComparingTo(BigDecimal.valueOf(10 + 15));
            assertThat(decimal(teachers, "periods[1].value")).isEqualByComparingTo(BigDecimal.valueOf(9));
            Response girls = as(admin()).get(progress("GIRLS") + "?from=2026Q1&to=2026Q1&dimension=region");
            assertThat(decimal(girls, "periods[0].byDimension.north")).isEqualByComparingTo(BigDecimal.valueOf(5 + 3));
            assertThat(decimal(girls, "periods[0].byDimension.south")).isEqualByComparingTo(BigDecimal.valueOf(7 + 4));
        });
        Response scorecard = as(Tokens.user("member-a")).get(base() + "/scorecard");
        scorecard.then().statusCode(200).body("find { it.code == 'ADV_MATH' }.period", equalTo("2026Q2"));
        assertThat(decimal(scorecard, "find { it.code == 'ADV_MATH' }.value")).isEqualByComparingTo(average(25, 31));
        assertThat(decimal(scorecard, "find { it.code == 'TEACHERS' }.value")).isEqualByComparingTo("9");
    }

    @Test
    @Order(3)
    void aLockedPeriodRefusesSubmissionsUntilReopened() {
        as(admin()).body(Map.of("indicatorId", indicators.get("ADV_MATH"))).put(base() + "/periods/2026Q1/lock")
                .then().statusCode(204);
        as(Tokens.user("member-a")).body(Map.of("values", List.of(value("2026Q1", 99)))).post(values("ADV_MATH"))
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(decimal(as(admin()).get(progress("ADV_MATH") + "?from=2026Q1&to=2026Q1"), "periods[0].value"))
                .isEqualByComparingTo(average(22, 26));
    }

    @Test
    @Order(4)
    void strangersAndWrongWritersAndBadInputAreRefusedClearly() {
        UUID other = UUID.fromString(as(admin()).body(Map.of("name", "Pilot " + UUID.randomUUID(),
                "ratificationRule", Map.of("kind", "UNANIMOUS"))).post("/api/v1/initiatives").then().statusCode(201)
                .extract().path("id"));
        // a partner that is not a member does not learn the initiative exists
        as(Tokens.user("member-b")).get("/api/v1/initiatives/" + other).then().statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.user("member-b")).get("/api/v1/initiatives/" + other + "/dashboard").then().statusCode(404);
        // a partner writes only for its own organisation
        as(Tokens.user("member-a")).body(Map.of("organisationId", ORG_B.toString(), "values", List.of(value("2026Q3", 1))))
                .post(values("ADV_MATH")).then().statusCode(403).contentType("application/problem+json");
        // malformed values: 422 naming each value's field
        as(Tokens.user("member-a")).body(Map.of("values", List.of(value("2026-13", 1), value("2026Q3", 250))))
                .post(values("ADV_MATH")).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("values[0].period", "values[1].value"));
    }

    @Test
    @Order(5)
    void measurementKilledMidScenarioLosesNothingAndCountsNothingTwice() throws Exception {
        platform.measurement.kill();
        // while it is down: A's system keeps publishing (Kafka holds it), the gateway answers 503 for its routes
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            String topic = Topics.partnerMeasurements(ORG_A);
            for (int i = 0; i < 20; i++) {
                producer.send(event(topic, "GIRLS", "2026Q2", i, Map.of("region", i % 2 == 0 ? "north" : "south")));
            }
            // the same event twice (a retrying partner): applied once
            ProducerRecord<String, byte[]> repeated = event(topic, "GIRLS", "2026Q3", 6, Map.of("region", "north"));
            producer.send(repeated).get();
            producer.send(repeated).get();
        }
        as(admin()).get(base() + "/scorecard").then().statusCode(503).contentType("application/problem+json");

        platform.measurement.start();
        // the last event of the batch to north is 18, to south 19 (the last value for a key wins)
        await().atMost(DEADLINE).untilAsserted(() -> {
            Response girls = as(admin()).get(progress("GIRLS") + "?from=2026Q2&to=2026Q3&dimension=region");
            assertThat(decimal(girls, "periods[0].byDimension.north")).isEqualByComparingTo("18");
            assertThat(decimal(girls, "periods[0].byDimension.south")).isEqualByComparingTo("19");
            assertThat(decimal(girls, "periods[1].byDimension.north")).isEqualByComparingTo("6");
        });
        List<Object> stored = as(admin()).get(values("GIRLS")).then().statusCode(200).extract().jsonPath().getList("id");
        // 2026Q1: A north+south, B north+south; 2026Q2: A north+south; 2026Q3: A north
        assertThat(stored).hasSize(7);
        // and what was there before the kill is still there
        assertThat(decimal(as(admin()).get(progress("ADV_MATH") + "?from=2026Q1&to=2026Q1"), "periods[0].value"))
                .isEqualByComparingTo(average(22, 26));
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static String base() {
        return "/api/v1/initiatives/" + initiative;
    }

    private static String values(String code) {
        return base() + "/indicators/" + indicators.get(code) + "/values";
    }

    /**
     * Mail, end to end: a vote opened mails the partners' people (GreenMail holds what was sent), and the
     * mail's one-click unsubscribe link works through the gateway without a token.
     */
    @Test
    @Order(6)
    void aPartnerIsMailedWhenAVoteOpensAndUnsubscribesInOneClickThroughTheGateway() throws Exception {
        // a revision of the agenda opens a vote (long after start: every consumer is following by now)
        putDraft("Every pupil, girls and boys alike, can reach advanced STEM, in every town", ratifiedGoals);
        int version = propose();
        GreenMail.Received mail = await().atMost(DEADLINE).ignoreExceptions()
                .until(() -> GreenMail.mentioning("member-a@demo.backbone.example", initiativeName), m -> m.stream()
                        .anyMatch(x -> x.subject().contains("version " + version + " "))).stream()
                .filter(x -> x.subject().contains("version " + version + " ")).findFirst().orElseThrow();
        assertThat(mail.subject()).isEqualTo("[Backbone] Agenda version " + version + " is open for your vote");
        String link = mail.listUnsubscribe().replaceAll("^<.*?/api(/v1/mail/unsubscribe/[^>]+)>$", "$1");
        assertThat(link).startsWith("/v1/mail/unsubscribe/");
        try {
            given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click").post("/api" + link)
                    .then().statusCode(200);
            List<Map<String, Object>> preferences = as(Tokens.user("member-a")).get("/api/v1/me/notification-preferences")
                    .then().statusCode(200).extract().path("");
            assertThat(preferences).filteredOn(p -> "agenda.vote-opened".equals(p.get("kind")))
                    .extracting(p -> p.get("email")).containsExactly("NONE");
            // a forged link is refused at the service, a problem detail through the gateway
            given().post("/api/v1/mail/unsubscribe/forged.link").then().statusCode(404).contentType("application/problem+json");
        } finally {
            as(Tokens.user("member-a")).body(Map.of("inApp", true, "email", "IMMEDIATE"))
                    .put("/api/v1/me/notification-preferences/agenda.vote-opened").then().statusCode(200);
        }
    }

    @Test
    @Order(7)
    void staffAnnounceToCorePartnersWhoReadAndAcknowledgeItThroughTheGatewayAndFindItInTheirFeed() {
        String announcements = "/api/v1/initiatives/" + initiative + "/announcements";
        String title = "Core partners: the budget call opens Sunday";
        String id = as(admin()).body(Map.of("title", title, "body", "Proposals by **15 January**.<script>x()</script>",
                        "audience", "PARTNERS", "partnerRoles", List.of("CORE"), "acknowledgementRequested", true))
                .post(announcements).then().statusCode(201).extract().path("id");
        // Negev Tech (B) is a CORE partner, Atid (A) a FOUNDING one
        as(Tokens.user("member-b")).get(announcements + "/" + id).then().statusCode(200)
                .body("bodyHtml", equalTo("<p>Proposals by <strong>15 January</strong>.&lt;script&gt;x()&lt;/script&gt;</p>\n"));
        as(Tokens.user("member-a")).get(announcements + "/" + id).then().statusCode(404);
        as(Tokens.user("member-b")).put(announcements + "/" + id + "/acknowledgement").then().statusCode(200);
        as(admin()).get(announcements + "/" + id + "/acknowledgements").then().statusCode(200).body("count", equalTo(1));

        String feed = "/api/v1/initiatives/" + initiative + "/feed?type=communication.announcement";
        await().atMost(DEADLINE).until(() -> as(Tokens.user("member-b")).get(feed).then().statusCode(200).extract()
                .<List<String>>path("items.object.title").contains(title));
        assertThat(as(Tokens.user("member-a")).get(feed).then().statusCode(200).extract()
                .<List<String>>path("items.object.title")).doesNotContain(title);
    }

    @Test
    @Order(8)
    void aSteeringCommitteeMeetsApprovesAndPublishesItsMinutesAndAnActionItemBecomesAnActivity() {
        String meetings = "/api/v1/initiatives/" + initiative + "/meetings";
        java.time.LocalDateTime yesterday = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Jerusalem")).minusDays(1)
                .withHour(10).withMinute(0).withSecond(0).withNano(0);
        String meeting = as(admin()).body(Map.of("title", "Steering committee", "kind", "IN_PERSON", "place", "Tel Aviv",
                        "startsAt", yesterday.toString(), "endsAt", yesterday.plusHours(2).toString(), "timeZone", "Asia/Jerusalem",
                        "openToAll", true))
                .post(meetings).then().statusCode(201).extract().path("id");
        as(admin()).post(meetings + "/" + meeting + "/agenda-items/suggested").then().statusCode(200);
        as(admin()).body(Map.of("organisationIds", List.of(ORG_A.toString(), ORG_B.toString())))
                .put(meetings + "/" + meeting + "/attendance").then().statusCode(200);
        as(admin()).body(Map.of("status", "HELD")).put(meetings + "/" + meeting + "/status").then().statusCode(200);
        as(admin()).body(Map.of("body", "# Steering committee\n\nThe partners agreed on the data session.")).put(meetings + "/"
                + meeting + "/minutes").then().statusCode(200);
        as(admin()).body(Map.of("amendmentsUntil", Instant.now().plus(Duration.ofDays(7)).toString()))
                .put(meetings + "/" + meeting + "/minutes/circulation").then().statusCode(200);
        as(Tokens.user("member-a")).body(Map.of("verdict", "APPROVE")).put(meetings + "/" + meeting + "/minutes/answer").then()
                .statusCode(200).body("status", equalTo("CIRCULATED"));
        as(Tokens.user("member-b")).body(Map.of("verdict", "APPROVE")).put(meetings + "/" + meeting + "/minutes/answer").then()
                .statusCode(200).body("status", equalTo("APPROVED"));
        as(admin()).put(meetings + "/" + meeting + "/minutes/publication").then().statusCode(200)
                .body("contentHash", org.hamcrest.Matchers.startsWith("sha256:"));
        as(Tokens.user("observer")).get(meetings + "/" + meeting + "/minutes").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        // the invitation, and a private calendar feed a calendar client reads without a token of Keycloak
        assertThat(as(Tokens.user("member-a")).get(meetings + "/" + meeting + ".ics").then().statusCode(200).extract().asString())
                .contains("UID:" + meeting + "@backbone").contains("SEQUENCE:");
        String feed = as(Tokens.user("member-a")).put("/api/v1/me/calendar-feed").then().statusCode(200).extract().path("url");
        String token = feed.substring(feed.indexOf("token=") + "token=".length());
        assertThat(given().queryParam("token", token).get("/api/v1/me/meetings.ics").then().statusCode(200).extract().asString())
                .contains("UID:" + meeting + "@backbone");
        given().get("/api/v1/me/meetings.ics").then().statusCode(401);

        api().putVocabulary(initiative, "locations", List.of(Map.of("code", "S-YER", "label", "Yeruham")));
        api().putVocabulary(initiative, "target-groups", List.of(Map.of("code", "girls-10-12", "label", "Girls, grades 10-12")));
        api().putVocabulary(initiative, "activity-types", List.of(Map.of("code", "mentoring", "label", "Mentoring")));
        String item = as(admin()).body(Map.of("title", "Start mentoring girls in Yeruham", "assigneeOrganisationId", ORG_A.toString(),
                        "dueOn", java.time.LocalDate.now().plusDays(30).toString(), "source",
                        Map.of("service", "communication", "type", "meeting", "id", meeting)))
                .post("/api/v1/initiatives/" + initiative + "/action-items").then().statusCode(201).extract().path("id");
        Map<String, Object> activity = Map.of("activityType", "mentoring",
                "participants", List.of(Map.of("organisationId", ORG_A.toString(), "role", "IMPLEMENTING")),
                "goalIds", List.of(), "places", List.of(Map.of("location", "S-YER", "wholeArea", false)),
                "targetGroups", List.of("girls-10-12"), "plannedStart", "2027-01-01", "plannedEnd", "2027-06-30");
        String activityId = as(Tokens.user("member-a")).body(Map.of("activity", activity))
                .post("/api/v1/initiatives/" + initiative + "/action-items/" + item + "/activity").then().statusCode(201)
                .extract().path("activityId");
        as(Tokens.user("member-b")).get("/api/v1/initiatives/" + initiative + "/activities/" + activityId).then().statusCode(200)
                .body("title", equalTo("Start mentoring girls in Yeruham"));
        as(Tokens.user("member-a")).body(Map.of("activity", activity))
                .post("/api/v1/initiatives/" + initiative + "/action-items/" + item + "/activity").then().statusCode(409);
    }

    private static String progress(String code) {
        return base() + "/indicators/" + indicators.get(code) + "/progress";
    }

    /** The public API through the gateway, as a client drives it. */
    private static BackboneApi api() {
        return new BackboneApi(platform.gateway.baseUrl() + "/api");
    }

    private static void ensureOrganisation(UUID id, String name, String sector) {
        api().ensureOrganisation(id, name, sector);
    }

    private static UUID newOrganisation(String name, String sector) {
        return api().newOrganisation(name + " " + UUID.randomUUID(), sector);
    }

    private static void join(UUID organisation, String role) {
        api().join(initiative, organisation, role);
    }

    private static Map<String, Object> goal(UUID id, UUID parent, String title, String horizon) {
        return BackboneApi.goal(id, parent, title, horizon);
    }

    private static void putDraft(String vision, List<Map<String, Object>> goals) {
        api().putDraft(initiative, Map.of("problemStatement", "Too few pupils reach advanced STEM", "vision", vision,
                "mission", "Coordinate what works", "goals", goals)).expect(200);
    }

    private static int propose() {
        return api().propose(initiative);
    }

    private static Response decide(String user, int version, UUID organisation, String decision) {
        return as(Tokens.user(user)).body(Map.of("decision", decision, "comment", decision + " by " + user))
                .put(base() + "/agenda/versions/" + version + "/endorsements/" + organisation);
    }

    /** Defines an indicator once measurement-service has the ratified goals. */
    private static String defineIndicator(Map<String, Object> body) {
        return api().defineIndicator(initiative, body);
    }

    private static Map<String, Object> indicator(String code, String name, String valueType, String aggregation, UUID goal,
            String visibility, boolean approvalRequired) {
        return new HashMap<>(Map.of("code", code, "name", name, "valueType", valueType, "direction", "INCREASE",
                "aggregation", aggregation, "periodicity", "QUARTERLY", "goalIds", List.of(goal.toString()),
                "visibility", visibility, "approvalRequired", approvalRequired));
    }

    private static Map<String, Object> value(String period, int value) {
        return Map.of("period", period, "value", value);
    }

    private static ProducerRecord<String, byte[]> event(String topic, String code, String period, int value,
            Map<String, String> dimensions) throws Exception {
        MeasurementSubmitted payload = new MeasurementSubmitted(initiative, null, code, period, BigDecimal.valueOf(value),
                null, null, dimensions, null);
        return CloudEventRecords.binary(topic, initiative.toString(), UUID.randomUUID().toString(), SUBMITTED,
                "/partners/atid/reporting", null, Instant.now(), initiative.toString(),
                EventJson.mapper().writeValueAsBytes(payload));
    }

    private static Map<String, Object> cloudEvent(String code, String period, int value, String region) {
        return Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "source", "/partners/negev/reporting",
                "type", SUBMITTED, "data", Map.of("initiativeId", initiative.toString(), "indicatorCode", code,
                        "period", period, "value", value, "dimensions", Map.of("region", region)));
    }

    /** The target for 2026Q1 on the straight line from the baseline (2025Q4: 20) to the target (2026Q4: 30), by days. */
    private static BigDecimal interpolated() {
        long elapsed = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.of(2025, 10, 1), java.time.LocalDate.of(2026, 1, 1));
        long span = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.of(2025, 10, 1), java.time.LocalDate.of(2026, 10, 1));
        return BigDecimal.valueOf(20 + 10.0 * elapsed / span);
    }

    private static BigDecimal average(int a, int b) {
        return BigDecimal.valueOf(a + b).divide(BigDecimal.valueOf(2));
    }

    private static BigDecimal decimal(Response response, String path) {
        Object value = response.path(path);
        assertThat(value).as(path).isNotNull();
        return new BigDecimal(value.toString());
    }
}
