package org.backbone.measurement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.backbone.contracts.EventJson;
import org.backbone.contracts.Topics;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.Sector;
import org.backbone.contracts.partner.MeasurementSubmitted;
import org.backbone.kit.events.CloudEventRecords;
import org.backbone.kit.testing.KafkaProbe;
import org.backbone.driver.Tokens;
import org.junit.jupiter.api.Test;

/** Partner systems publishing to their own topics, good events and poison ones mixed. */
@QuarkusTest
class PartnerIngestionTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String TYPE = "org.backbone.partner.measurement.submitted.v1";

    @Inject
    @DataSource("kit")
    AgroalDataSource db;

    @Test
    void valuesArriveOncePoisonIsDeadLetteredAndThePartnerIsTheTopicsOrganisation() throws Exception {
        AgendaFixture agenda = AgendaFixture.publish(db);
        Map<String, Object> body = agenda.indicator("TEACHERS", "QUARTERLY");
        body.put("validRange", Map.of("min", 0));
        String indicator = agenda.define(body);

        String topicA = Topics.partnerMeasurements(Tokens.ORG_A);
        String topicB = Topics.partnerMeasurements(Tokens.ORG_B);
        try (KafkaProbe dlq = KafkaProbe.subscribe(Topics.deadLetter(topicA, "measurement"), Topics.deadLetter(topicB, "measurement"));
                KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            String key = agenda.initiative.toString();
            UUID repeated = UUID.randomUUID();
            producer.send(submitted(topicA, repeated, agenda.initiative, "2026Q1", "40")).get();
            producer.send(submitted(topicA, repeated, agenda.initiative, "2026Q1", "40")).get();
            producer.send(submitted(topicA, UUID.randomUUID(), agenda.initiative, "2026Q2", "55")).get();
            producer.send(submitted(topicA, UUID.randomUUID(), agenda.initiative, "2026-04", "1")).get();
            producer.send(new ProducerRecord<>(topicA, key, "{oops".getBytes(StandardCharsets.UTF_8))).get();
            String structured = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + TYPE
                    + "\",\"source\":\"/partners/a\",\"data\":" + EventJson.mapper().writeValueAsString(new MeasurementSubmitted(
                    agenda.initiative, null, "TEACHERS", "2026Q3", new BigDecimal("60"), null, null, null, null)) + "}";
            ProducerRecord<String, byte[]> structuredRecord = new ProducerRecord<>(topicA, key, structured.getBytes(StandardCharsets.UTF_8));
            structuredRecord.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
            producer.send(structuredRecord).get();
            // A's topic, but the payload claims to be organisation B
            producer.send(submitted(topicA, UUID.randomUUID(), agenda.initiative, Tokens.ORG_B, "TEACHERS", "2026Q4", "7")).get();
            // an indicator the initiative does not have
            producer.send(submitted(topicA, UUID.randomUUID(), agenda.initiative, null, "NO_SUCH", "2026Q4", "7")).get();
            // a value out of range (INTEGER, and below the valid minimum)
            producer.send(submitted(topicA, UUID.randomUUID(), agenda.initiative, "2026Q4", "-3")).get();
            // organisation B writes to its own topic for an initiative it does not belong to
            producer.send(submitted(topicB, UUID.randomUUID(), agenda.initiative, "2026Q1", "1000")).get();

            var dead = await().atMost(DEADLINE).until(() -> dlq.received(r -> key.equals(r.key())), r -> r.size() >= 6);
            assertThat(dead).extracting(r -> KafkaProbe.header(r, "dead-letter-reason"))
                    .anySatisfy(reason -> assertThat(reason).contains("period"))
                    .anySatisfy(reason -> assertThat(reason).contains("not JSON"))
                    .anySatisfy(reason -> assertThat(reason).contains("belongs to"))
                    .anySatisfy(reason -> assertThat(reason).contains("no indicator NO_SUCH"))
                    .anySatisfy(reason -> assertThat(reason).contains("at least 0"))
                    .anySatisfy(reason -> assertThat(reason).contains("not a current partner"));
        }
        String progress = "/v1/initiatives/" + agenda.initiative + "/indicators/" + indicator + "/progress?from=2026Q1&to=2026Q3";
        await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(Tokens.admin()).get(progress).then()
                .body("periods.value", org.hamcrest.Matchers.equalTo(List.of(40, 55, 60))));
        assertThat(AgendaFixture.count(db, "SELECT count(*) FROM indicator_value WHERE indicator_id = '" + indicator
                + "' AND organisation_id = '" + Tokens.ORG_B + "'")).isZero();
        assertThat(AgendaFixture.count(db, "SELECT max(revision) FROM indicator_value WHERE indicator_id = '" + indicator + "'"))
                .as("the repeated event was applied once").isEqualTo(1);
    }

    @Test
    void twoPartnersEventsWithTheSameSourceAndIdAreBothStored() throws Exception {
        AgendaFixture agenda = AgendaFixture.publish(db);
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            producer.send(CloudEventRecords.of(new PartnerJoined(agenda.initiative, Tokens.ORG_B, "Partner B",
                    Sector.BUSINESS, PartnerRole.CORE, Instant.now()), UUID.randomUUID(), Instant.now())).get();
        }
        await().atMost(DEADLINE).until(() -> AgendaFixture.count(db, "SELECT count(*) FROM agenda_membership WHERE initiative_id = '"
                + agenda.initiative + "' AND current") == 3);
        String indicator = agenda.define(agenda.indicator("MENTORS", "QUARTERLY"));

        // both partner systems use the same source, and B's id happens to be one A has used
        UUID id = UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            producer.send(submitted(Topics.partnerMeasurements(Tokens.ORG_A), id, agenda.initiative, null, "MENTORS",
                    "2026Q1", "10")).get();
            producer.send(submitted(Topics.partnerMeasurements(Tokens.ORG_B), id, agenda.initiative, null, "MENTORS",
                    "2026Q1", "20")).get();
        }
        await().atMost(DEADLINE).until(() -> AgendaFixture.count(db, "SELECT count(*) FROM indicator_value WHERE indicator_id = '"
                + indicator + "'") == 2);
        assertThat(AgendaFixture.count(db, "SELECT sum(value) FROM indicator_value WHERE indicator_id = '" + indicator
                + "' AND organisation_id IN ('" + Tokens.ORG_A + "', '" + Tokens.ORG_B + "')")).isEqualTo(30);
    }

    /**
     * Issue 14's critical defect: one partner's value with a NUL character used to fail the whole
     * batch in PostgreSQL, and the consumer retried it forever while nobody's values were stored.
     */
    @Test
    void hostileValuesAreDeadLetteredAndTheRestOfTheirBatchIsStored() throws Exception {
        AgendaFixture agenda = AgendaFixture.publish(db);
        Map<String, Object> body = agenda.indicator("TEACHERS", "QUARTERLY");
        body.put("dimensions", Map.of("region", List.of("north", "south")));
        String indicator = agenda.define(body);
        // a refusal no validation foresees, as a constraint added later would be: the database's own
        execute("CREATE OR REPLACE FUNCTION refuse_marked_value() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.comment = 'refused-by-database' THEN RAISE EXCEPTION 'refused for the test' USING ERRCODE = '23514'; "
                + "END IF; RETURN NEW; END $$");
        execute("CREATE TRIGGER refuse_marked_value BEFORE INSERT OR UPDATE ON indicator_value FOR EACH ROW "
                + "EXECUTE FUNCTION refuse_marked_value()");
        String topic = Topics.partnerMeasurements(Tokens.ORG_A);
        String key = agenda.initiative.toString();
        String initiative = agenda.initiative.toString();
        try (KafkaProbe dlq = KafkaProbe.subscribe(Topics.deadLetter(topic, "measurement"));
                KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            List<String> poison = List.of(
                    "{\"initiativeId\":\"" + initiative + "\",\"indicatorCode\":\"TEACHERS\",\"period\":\"2026Q1\\u0000\",\"value\":1}",
                    "{\"initiativeId\":\"" + initiative + "\",\"indicatorCode\":\"TEACHERS\",\"period\":\"2026Q1\",\"value\":1,\"comment\":\"a\\u0000b\"}",
                    "{\"initiativeId\":\"" + initiative + "\",\"indicatorCode\":\"TEACHERS\",\"period\":\"2026Q1\",\"value\":1,\"comment\":\"a\\ud800b\"}",
                    "{\"initiativeId\":\"" + initiative + "\",\"indicatorCode\":\"TEACHERS\",\"period\":\"2026Q1\",\"value\":1,\"dimensions\":{\"region\":\"no\\u0000rth\"}}",
                    "{\"initiativeId\":\"" + initiative + "\",\"indicatorCode\":\"TEACHERS\",\"period\":\"2026Q1\",\"value\":1e131071}",
                    "{\"initiativeId\":\"" + initiative + "\",\"indicatorCode\":\"TEACHERS\",\"period\":\"2026Q1\",\"value\":12345678901234567890}",
                    "{\"initiativeId\":\"" + initiative + "\",\"indicatorCode\":\"TEACHERS\",\"period\":\"2026Q1\",\"value\":1,\"comment\":\"refused-by-database\"}");
            String[] good = {"2026Q1", "2026Q2", "2026Q3"};
            for (int i = 0; i < poison.size(); i++) {
                producer.send(raw(topic, key, poison.get(i)));
                if (i < good.length) {
                    producer.send(submitted(topic, UUID.randomUUID(), agenda.initiative, good[i], String.valueOf(10 * (i + 1))));
                }
            }
            producer.flush();
            var dead = await().atMost(DEADLINE).until(() -> dlq.received(r -> key.equals(r.key())), r -> r.size() >= poison.size());
            assertThat(dead).hasSize(poison.size()).extracting(r -> KafkaProbe.header(r, "dead-letter-reason"))
                    .anySatisfy(reason -> assertThat(reason).contains("period").contains("NUL"))
                    .anySatisfy(reason -> assertThat(reason).contains("comment").contains("NUL"))
                    .anySatisfy(reason -> assertThat(reason).contains("surrogate"))
                    .anySatisfy(reason -> assertThat(reason).contains("digits before the decimal point"))
                    .anySatisfy(reason -> assertThat(reason).contains("SQLSTATE 23514"));
        } finally {
            execute("DROP TRIGGER IF EXISTS refuse_marked_value ON indicator_value");
        }
        String progress = "/v1/initiatives/" + agenda.initiative + "/indicators/" + indicator + "/progress?from=2026Q1&to=2026Q3";
        await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(Tokens.admin()).get(progress).then()
                .body("periods.value", org.hamcrest.Matchers.equalTo(List.of(10, 20, 30))));
    }

    private void execute(String sql) throws Exception {
        try (var connection = db.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static ProducerRecord<String, byte[]> raw(String topic, String key, String json) {
        return CloudEventRecords.binary(topic, key, UUID.randomUUID().toString(), TYPE, "/partners/system", null,
                Instant.now(), key, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPollFullOfPoisonIsDeadLetteredWhole() throws Exception {
        String topic = Topics.partnerMeasurements(Tokens.ORG_A);
        String key = "poison-" + UUID.randomUUID();
        int poison = 3000;
        try (KafkaProbe dlq = KafkaProbe.subscribe(Topics.deadLetter(topic, "measurement"));
                KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            for (int i = 0; i < poison; i++) {
                producer.send(new ProducerRecord<>(topic, key, ("{oops " + i).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
            // more than the dead-letter emitter's default buffer and in-flight window, sent from few polls
            await().atMost(DEADLINE).until(() -> dlq.received(r -> key.equals(r.key())).size(), n -> n == poison);
        }
    }

    private static ProducerRecord<String, byte[]> submitted(String topic, UUID id, UUID initiative, String period,
            String value) throws Exception {
        return submitted(topic, id, initiative, null, "TEACHERS", period, value);
    }

    private static ProducerRecord<String, byte[]> submitted(String topic, UUID id, UUID initiative, UUID claimedPartner,
            String indicatorCode, String period, String value) throws Exception {
        MeasurementSubmitted payload = new MeasurementSubmitted(initiative, claimedPartner, indicatorCode, period,
                new BigDecimal(value), null, null, null, null);
        return CloudEventRecords.binary(topic, initiative.toString(), id.toString(), TYPE, "/partners/system", null,
                Instant.now(), initiative.toString(), EventJson.mapper().writeValueAsBytes(payload));
    }
}
