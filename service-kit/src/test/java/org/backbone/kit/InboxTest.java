package org.backbone.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.backbone.kit.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InboxTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String TOPIC = "kit.test.v1";
    private static final String DLQ = "kit.test.v1.dlq.kit-test";

    @Inject
    @DataSource("kit")
    AgroalDataSource dataSource;

    @Test
    void redeliveredEventIsAppliedOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            for (int copy = 0; copy < 3; copy++) {
                producer.send(binary(id, "{\"note\":\"copy\"}")).get();
            }
            producer.send(binary(marker, "{\"note\":\"marker\"}")).get();
        }
        // the marker comes after every copy on the same partition: once it is applied, all copies were seen
        await().atMost(DEADLINE).until(() -> effects(marker) == 1);
        assertThat(effects(id)).isEqualTo(1);
    }

    @Test
    void poisonEventGoesToTheDeadLetterTopicWithItsReasonAndTheConsumerGoesOn() throws Exception {
        String after = UUID.randomUUID().toString();
        String missingNote = UUID.randomUUID().toString();
        try (KafkaProbe dlq = KafkaProbe.subscribe(DLQ);
                KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            String key = "poison-" + UUID.randomUUID();
            producer.send(KafkaProbe.record(TOPIC, key, "{not json", "ce_id", UUID.randomUUID().toString(), "ce_type",
                    "org.backbone.test.thing.happened.v1", "ce_source", "/test", "ce_specversion", "1.0")).get();
            producer.send(KafkaProbe.record(TOPIC, key, "{\"other\":1}", "ce_id", missingNote, "ce_type",
                    "org.backbone.test.thing.happened.v1", "ce_source", "/test", "ce_specversion", "1.0")).get();
            producer.send(binary(after, "{\"note\":\"after the poison\"}", key)).get();

            List<ConsumerRecord<String, byte[]>> dead = await().atMost(DEADLINE)
                    .until(() -> dlq.received(r -> key.equals(r.key())), r -> r.size() == 2);
            assertThat(KafkaProbe.header(dead.get(0), "dead-letter-reason")).contains("not JSON");
            assertThat(KafkaProbe.header(dead.get(1), "dead-letter-reason")).contains("payload has no note");
            await().atMost(DEADLINE).until(() -> effects(after) == 1);
            assertThat(effects(missingNote)).isZero();
        }
    }

    /**
     * Records that can never be applied — data the database refuses (NUL in text, a number too large
     * for its column, SQLSTATE classes 22/23) and references to nothing — go to the dead-letter
     * topic with the reason; a passing database failure (class 08) is retried and applied once; and
     * the records behind all of them are applied.
     */
    @Test
    void whatTheDatabaseRefusesIsDeadLetteredAndAnOutageIsRetriedWithoutLoss() throws Exception {
        String key = "refused-" + UUID.randomUUID();
        String nul = UUID.randomUUID().toString();
        String overflow = UUID.randomUUID().toString();
        String dangling = UUID.randomUUID().toString();
        String outage = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        try (KafkaProbe dlq = KafkaProbe.subscribe(DLQ);
                KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            producer.send(binary(nul, "{\"note\":\"a\\u0000b\"}", key)).get();
            producer.send(binary(overflow, "{\"note\":\"too much\",\"amount\":123456.5}", key)).get();
            producer.send(binary(dangling, "{\"note\":\"ref:" + UUID.randomUUID() + "\"}", key)).get();
            producer.send(binary(outage, "{\"note\":\"outage:2\"}", key)).get();
            producer.send(binary(after, "{\"note\":\"after the refusals\"}", key)).get();

            List<ConsumerRecord<String, byte[]>> dead = await().atMost(DEADLINE)
                    .until(() -> dlq.received(r -> key.equals(r.key())), r -> r.size() == 3);
            assertThat(dead).extracting(r -> KafkaProbe.header(r, "dead-letter-reason")).satisfiesExactly(
                    reason -> assertThat(reason).contains("SQLSTATE 22"),
                    reason -> assertThat(reason).contains("SQLSTATE 22003"),
                    reason -> assertThat(reason).contains("does not exist"));
            await().atMost(DEADLINE).until(() -> effects(after) == 1);
            assertThat(effects(outage)).as("applied once after the outage passed").isEqualTo(1);
            assertThat(effects(nul) + effects(overflow) + effects(dangling)).isZero();
        }
    }

    @Test
    void structuredModeEventIsAccepted() throws Exception {
        String id = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            producer.send(KafkaProbe.record(TOPIC, "structured", "{\"specversion\":\"1.0\",\"id\":\"" + id
                    + "\",\"type\":\"org.backbone.test.thing.happened.v1\",\"source\":\"/test\",\"data\":{\"note\":\"s\"}}",
                    "content-type", "application/cloudevents+json")).get();
        }
        await().atMost(DEADLINE).until(() -> effects(id) == 1);
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> binary(String id, String json) {
        return binary(id, json, "same-key");
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> binary(String id, String json, String key) {
        return KafkaProbe.record(TOPIC, key, json, "ce_id", id, "ce_type", "org.backbone.test.thing.happened.v1",
                "ce_source", "/test", "ce_specversion", "1.0", "content-type", "application/json");
    }

    private long effects(String eventId) throws Exception {
        return TestEffects.of(dataSource, eventId);
    }
}
