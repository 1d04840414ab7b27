package org.backbone.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backbone.agenda.AgendaApi.ORG_A;
import static org.backbone.agenda.AgendaApi.ORG_B;
import static org.backbone.agenda.AgendaApi.admin;
import static org.backbone.agenda.AgendaApi.decide;
import static org.backbone.agenda.AgendaApi.goal;
import static org.backbone.agenda.AgendaApi.join;
import static org.backbone.agenda.AgendaApi.propose;
import static org.backbone.agenda.AgendaApi.putDraft;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backbone.contracts.EventCatalog;
import org.backbone.contracts.EventJson;
import org.backbone.contracts.EventSchemas;
import org.backbone.contracts.Topics;
import org.backbone.kit.testing.KafkaProbe;
import org.backbone.driver.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole ratification as partners live it: draft → propose → one objection → withdrawn → revised
 * version → endorsements → ratified; then a later version that drops a goal. The events are read
 * back from Kafka and held against the contracts.
 */
@QuarkusTest
class RatificationFlowTest {

    @BeforeEach
    void demoOrganisations() {
        AgendaApi.ensureOrganisation(ORG_A, "Atid STEM Network", "NONPROFIT");
        AgendaApi.ensureOrganisation(ORG_B, "Negev Tech Industries", "BUSINESS");
    }

    @Test
    void draftProposeObjectReviseEndorseRatify() throws Exception {
        try (KafkaProbe events = KafkaProbe.subscribe(Topics.AGENDA)) {
            UUID ministry = AgendaApi.newOrganisation("Ministry of Education " + UUID.randomUUID(), "GOVERNMENT");
            UUID initiative = AgendaApi.newInitiative("TOP15 " + UUID.randomUUID(), Map.of("kind", "UNANIMOUS"));
            join(initiative, ORG_A, "FOUNDING");
            join(initiative, ORG_B, "CORE");
            join(initiative, ministry, "SUPPORTING");

            UUID root = UUID.randomUUID();
            UUID maths = UUID.randomUUID();
            UUID teachers = UUID.randomUUID();
            putDraft(initiative, "Every pupil can reach advanced STEM", List.of(
                    goal(root, null, "Lift STEM achievement", "LONG_TERM"),
                    goal(maths, root, "More pupils in advanced mathematics", "INTERMEDIATE"),
                    goal(teachers, root, "More trained STEM teachers", "SHORT_TERM"))).then().statusCode(200);
            int first = propose(initiative);
            assertThat(first).isEqualTo(1);

            decide(Tokens.user("member-b"), initiative, first, ORG_B, "OBJECT").then().statusCode(200)
                    .body("status", equalTo("PROPOSED")).body("tally.objections", equalTo(1));
            decide(Tokens.user("member-a"), initiative, first, ORG_A, "ENDORSE").then().statusCode(200)
                    .body("status", equalTo("PROPOSED")).body("tally.endorsements", equalTo(1));
            // one open proposal at a time
            admin().post("/v1/initiatives/" + initiative + "/agenda/versions").then().statusCode(409)
                    .contentType("application/problem+json");
            admin().post("/v1/initiatives/" + initiative + "/agenda/versions/" + first + "/withdrawal")
                    .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
            decide(Tokens.user("member-a"), initiative, first, ORG_A, "ENDORSE").then().statusCode(409);

            UUID girls = UUID.randomUUID();
            putDraft(initiative, "Every pupil, girls and boys alike, can reach advanced STEM", List.of(
                    goal(root, null, "Lift STEM achievement", "LONG_TERM"),
                    goal(maths, root, "More pupils in 5-unit mathematics", "INTERMEDIATE"),
                    goal(teachers, root, "More trained STEM teachers", "SHORT_TERM"),
                    goal(girls, maths, "More girls in advanced STEM tracks", "SHORT_TERM"))).then().statusCode(200);
            int second = propose(initiative);
            assertThat(second).isEqualTo(2);
            decide(Tokens.user("member-a"), initiative, second, ORG_A, "ENDORSE").then().statusCode(200)
                    .body("status", equalTo("PROPOSED"));
            decide(Tokens.user("member-b"), initiative, second, ORG_B, "ENDORSE").then().statusCode(200)
                    .body("status", equalTo("RATIFIED"));

            admin().get("/v1/initiatives/" + initiative + "/agenda").then().statusCode(200)
                    .body("current.number", equalTo(2)).body("current.content.vision",
                            equalTo("Every pupil, girls and boys alike, can reach advanced STEM"))
                    .body("openVersion", equalTo(null));
            admin().get("/v1/initiatives/" + initiative + "/goals?status=ACTIVE").then().statusCode(200)
                    .body("id", containsInAnyOrder(root.toString(), maths.toString(), teachers.toString(), girls.toString()));
            admin().get("/v1/initiatives/" + initiative + "/agenda/diff?from=1&to=2").then().statusCode(200)
                    .body("changes.fields.field", hasItem("vision"))
                    .body("changes.goalsAdded.id", containsInAnyOrder(girls.toString()))
                    .body("changes.goalsChanged[0].goalId", equalTo(maths.toString()))
                    .body("changes.goalsChanged[0].changes[0].field", equalTo("title"));

            // version 3 drops the teachers goal: it is retired, the others stay active
            putDraft(initiative, "Every pupil, girls and boys alike, can reach advanced STEM", List.of(
                    goal(root, null, "Lift STEM achievement", "LONG_TERM"),
                    goal(maths, root, "More pupils in 5-unit mathematics", "INTERMEDIATE"),
                    goal(girls, maths, "More girls in advanced STEM tracks", "SHORT_TERM"))).then().statusCode(200);
            int third = propose(initiative);
            decide(Tokens.user("member-a"), initiative, third, ORG_A, "ENDORSE").then().statusCode(200);
            decide(Tokens.user("member-b"), initiative, third, ORG_B, "ENDORSE").then().statusCode(200)
                    .body("status", equalTo("RATIFIED"));
            admin().get("/v1/initiatives/" + initiative + "/goals?status=RETIRED").then().statusCode(200)
                    .body("id", containsInAnyOrder(teachers.toString())).body("[0].retiredIn", equalTo(3));
            admin().get("/v1/initiatives/" + initiative + "/agenda/versions").then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.contains("WITHDRAWN", "SUPERSEDED", "RATIFIED"));

            List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(60))
                    .until(() -> events.received(r -> initiative.toString().equals(r.key())),
                            r -> r.stream().anyMatch(e -> type(e).endsWith("goal.retired.v1")));
            Map<String, Long> types = records.stream().collect(Collectors.groupingBy(RatificationFlowTest::type,
                    Collectors.counting()));
            assertThat(types).containsEntry("org.backbone.agenda.initiative.created.v1", 1L)
                    .containsEntry("org.backbone.agenda.partner.joined.v1", 3L)
                    .containsEntry("org.backbone.agenda.agenda.proposed.v1", 3L)
                    .containsEntry("org.backbone.agenda.agenda.endorsed.v1", 6L)
                    .containsEntry("org.backbone.agenda.agenda.ratified.v1", 2L)
                    .containsEntry("org.backbone.agenda.goal.activated.v1", 4L)
                    .containsEntry("org.backbone.agenda.goal.retired.v1", 1L);
            for (ConsumerRecord<String, byte[]> record : records) {
                JsonNode payload = EventJson.mapper().readTree(record.value());
                assertThat(EventSchemas.violations(EventCatalog.byType(type(record)).orElseThrow(), payload))
                        .as(type(record)).isEmpty();
                assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("/backbone/agenda");
                assertThat(KafkaProbe.header(record, "ce_initiativeid")).isEqualTo(initiative.toString());
                assertThat(KafkaProbe.header(record, "ce_specversion")).isEqualTo("1.0");
            }
            // who did it: the subject of the token each request carried
            assertThat(records.stream().filter(r -> type(r).endsWith("initiative.created.v1"))
                    .map(r -> KafkaProbe.header(r, "ce_actor"))).containsExactly(subject(Tokens.admin()));
            assertThat(records.stream().filter(r -> type(r).endsWith("agenda.endorsed.v1"))
                    .map(r -> KafkaProbe.header(r, "ce_actor")).distinct())
                    .containsExactlyInAnyOrder(subject(Tokens.user("member-a")), subject(Tokens.user("member-b")));
            JsonNode joined = payload(records, "partner.joined.v1", ministry.toString());
            assertThat(joined.get("sector").asText()).isEqualTo("GOVERNMENT");
            assertThat(joined.get("organisationName").asText()).startsWith("Ministry of Education");
            JsonNode ratified = records.stream().filter(r -> type(r).endsWith("agenda.ratified.v1"))
                    .map(RatificationFlowTest::json).filter(j -> j.get("version").asInt() == 2).findFirst().orElseThrow();
            assertThat(ratified.get("goals")).hasSize(4);
            assertThat(ratified.get("goals").findValuesAsText("parentGoalId")).contains(root.toString(), maths.toString());
        }
    }

    @Test
    void aQuorumIsMetWhenAnObjectingCorePartnerLeaves() {
        UUID initiative = AgendaApi.newInitiative("Quorum " + UUID.randomUUID(),
                Map.of("kind", "QUORUM", "quorum", 1));
        join(initiative, ORG_A, "FOUNDING");
        join(initiative, ORG_B, "CORE");
        putDraft(initiative, "v", List.of(goal(UUID.randomUUID(), null, "Goal", "LONG_TERM"))).then().statusCode(200);
        int version = propose(initiative);
        decide(Tokens.user("member-a"), initiative, version, ORG_A, "ENDORSE").then().body("status", equalTo("PROPOSED"));
        decide(Tokens.user("member-b"), initiative, version, ORG_B, "OBJECT").then().body("status", equalTo("PROPOSED"));

        // the objecting partner leaves of its own accord: the remaining electorate has all endorsed
        AgendaApi.as(Tokens.user("member-b")).delete("/v1/initiatives/" + initiative + "/partners/" + ORG_B)
                .then().statusCode(204);
        admin().get("/v1/initiatives/" + initiative + "/agenda/versions/" + version).then().statusCode(200)
                .body("status", equalTo("RATIFIED")).body("tally.voters", equalTo(1));
        admin().get("/v1/initiatives/" + initiative + "/partners?includeFormer=true").then().statusCode(200)
                .body("$", hasSize(2)).body("find { it.organisationId == '" + ORG_B + "' }.leftAt",
                        org.hamcrest.Matchers.notNullValue());
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return KafkaProbe.header(record, "ce_type");
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode payload(List<ConsumerRecord<String, byte[]>> records, String typeSuffix, String subject) {
        return records.stream().filter(r -> type(r).endsWith(typeSuffix) && subject.equals(KafkaProbe.header(r, "ce_subject")))
                .map(RatificationFlowTest::json).findFirst().orElseThrow();
    }

    /** The {@code sub} claim of a token, read as any relying party would. */
    private static String subject(String token) throws Exception {
        byte[] claims = java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        return EventJson.mapper().readTree(claims).get("sub").asText();
    }
}
