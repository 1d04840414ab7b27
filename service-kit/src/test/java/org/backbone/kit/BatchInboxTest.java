package org.backbone.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.backbone.kit.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * The batch inbox keeps the inbox's promises when many records come in one poll: each event applied
 * once, what can never be applied dead-lettered with its reason while the rest of its batch is stored,
 * a passing failure retried without loss, and what was applied told only after its commit.
 */
@QuarkusTest
class BatchInboxTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Inject
    @DataSource("kit")
    AgroalDataSource dataSource;

    @Inject
    TestBatchConsumer consumer;

    @Test
    void aBatchWithDuplicatesPoisonAndAnOutageStoresEveryGoodEventOnceAndDeadLettersTheRest() throws Exception {
        String key = "batch-" + UUID.randomUUID();
        String copied = id();
        String notJson = id();
        String noNote = id();
        String nul = id();
        String overflow = id();
        String dangling = id();
        String outage = id();
        String rejected = id();
        String readerBug = id();
        String after = id();
        try (KafkaProbe dlq = KafkaProbe.subscribe(TestBatchConsumer.DLQ);
                KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            // sent together, so that polls hand over several at once (the producer batches them in one request)
            List<ProducerRecord<String, byte[]>> records = List.of(
                    binary(copied, "{\"note\":\"copy\"}", key), binary(copied, "{\"note\":\"copy\"}", key),
                    KafkaProbe.record(TestBatchConsumer.TOPIC, key, "{not json", "ce_id", notJson, "ce_type",
                            "org.backbone.test.thing.happened.v1", "ce_source", "/test", "ce_specversion", "1.0"),
                    binary(noNote, "{\"other\":1}", key),
                    binary(nul, "{\"note\":\"a\\u0000b\"}", key),
                    binary(overflow, "{\"note\":\"too much\",\"amount\":123456.5}", key),
                    binary(dangling, "{\"note\":\"ref:" + UUID.randomUUID() + "\"}", key),
                    binary(outage, "{\"note\":\"outage:2\"}", key),
                    binary(rejected, "{\"note\":\"rejected\"}", key),
                    KafkaProbe.record(TestBatchConsumer.TOPIC, key, "{\"note\":\"fine\"}", "ce_id", readerBug, "ce_type",
                            "org.backbone.test.thing.happened.v1", "ce_source", "/test", "ce_specversion", "1.0",
                            "test-reader-bug", "yes"),
                    binary(copied, "{\"note\":\"copy\"}", key),
                    binary(after, "{\"note\":\"after the refusals\"}", key));
            records.forEach(producer::send);
            producer.flush();

            List<ConsumerRecord<String, byte[]>> dead = await().atMost(DEADLINE)
                    .until(() -> dlq.received(r -> key.equals(r.key())), r -> r.size() >= 7);
            Map<String, String> reasons = dead.stream().collect(Collectors.toMap(r -> KafkaProbe.header(r, "ce_id"),
                    r -> KafkaProbe.header(r, "dead-letter-reason")));
            assertThat(reasons).hasSize(7);
            assertThat(reasons.get(notJson)).contains("not JSON");
            assertThat(reasons.get(noNote)).contains("payload has no note");
            assertThat(reasons.get(nul)).contains("SQLSTATE 22");
            assertThat(reasons.get(overflow)).contains("SQLSTATE 22003");
            assertThat(reasons.get(dangling)).contains("does not exist");
            assertThat(reasons.get(rejected)).contains("the consumer rejects this one");
            assertThat(reasons.get(readerBug)).contains("cannot be read").contains("a bug in the reader");
            assertThat(dead).allSatisfy(r -> assertThat(KafkaProbe.header(r, "dead-letter-topic"))
                    .isEqualTo(TestBatchConsumer.TOPIC));

            await().atMost(DEADLINE).until(() -> effects(after) == 1);
            assertThat(effects(copied)).as("a copy repeated inside and across batches is applied once").isEqualTo(1);
            assertThat(effects(outage)).as("applied once after the outage passed").isEqualTo(1);
            assertThat(effects(notJson) + effects(noNote) + effects(nul) + effects(overflow) + effects(dangling)
                    + effects(rejected) + effects(readerBug)).isZero();
            assertThat(consumer.told()).as("told after the commit, each applied event once, none of the refused")
                    .containsSubsequence(copied, outage, after)
                    .doesNotContain(notJson, noNote, nul, overflow, dangling, rejected, readerBug);
            assertThat(consumer.told().stream().filter(copied::equals)).hasSize(1);
            assertThat(consumer.batchSizes()).as("polls handed over several records at once").anyMatch(size -> size > 1);
        }
    }

    @Test
    void anEventTheConsumerRejectedIsRejectedAgainWhenItComesAgainNotSkippedAsProcessed() throws Exception {
        // the same event again is what a crash between the commit and the dead letter's send redelivers,
        // and what a sender retries once it has fixed the cause: it must not vanish as "processed before"
        String key = "batch-" + UUID.randomUUID();
        String rejected = id();
        try (KafkaProbe dlq = KafkaProbe.subscribe(TestBatchConsumer.DLQ);
                KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            producer.send(binary(rejected, "{\"note\":\"rejected\"}", key));
            producer.flush();
            await().atMost(DEADLINE).until(() -> dlq.received(r -> key.equals(r.key())), r -> r.size() == 1);

            producer.send(binary(rejected, "{\"note\":\"rejected\"}", key));
            producer.flush();
            List<ConsumerRecord<String, byte[]>> dead = await().atMost(DEADLINE)
                    .until(() -> dlq.received(r -> key.equals(r.key())), r -> r.size() == 2);
            assertThat(dead).allSatisfy(r -> {
                assertThat(KafkaProbe.header(r, "ce_id")).isEqualTo(rejected);
                assertThat(KafkaProbe.header(r, "dead-letter-reason")).contains("the consumer rejects this one");
            });
            assertThat(effects(rejected)).isZero();
        }
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static ProducerRecord<String, byte[]> binary(String id, String json, String key) {
        return KafkaProbe.record(TestBatchConsumer.TOPIC, key, json, "ce_id", id, "ce_type",
                "org.backbone.test.thing.happened.v1", "ce_source", "/test", "ce_specversion", "1.0",
                "content-type", "application/json");
    }

    private long effects(String eventId) throws Exception {
        return TestEffects.of(dataSource, eventId);
    }
}
