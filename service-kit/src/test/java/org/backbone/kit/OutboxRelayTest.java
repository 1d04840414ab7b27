package org.backbone.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.agroal.DataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backbone.contracts.EventCatalog;
import org.backbone.contracts.EventJson;
import org.backbone.contracts.EventSchemas;
import org.backbone.contracts.Topics;
import org.backbone.kit.events.CloudEventHeaders;
import org.backbone.contracts.agenda.InitiativeUpdated;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.contracts.agenda.RatificationRule;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.outbox.OutboxRelay;
import org.backbone.kit.testing.KafkaProbe;
import org.backbone.kit.testing.ThrowawayBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRelayTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Inject
    Outbox outbox;

    @Inject
    @DataSource("kit")
    AgroalDataSource dataSource;

    private final List<OutboxRelay> relays = new ArrayList<>();

    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::stop);
    }

    @Test
    void committedEventIsPublishedOnceWithCloudEventsHeadersAndInitiativeKey() throws Exception {
        UUID initiative = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.subscribe(Topics.AGENDA)) {
            startRelay("committed", KafkaProbe.bootstrap());
            UUID eventId = commit(List.of(updated(initiative, 1)));

            List<ConsumerRecord<String, byte[]>> records = await().atMost(DEADLINE)
                    .until(() -> probe.received(r -> initiative.toString().equals(r.key())), r -> !r.isEmpty());
            ConsumerRecord<String, byte[]> record = records.get(0);
            assertThat(KafkaProbe.header(record, "ce_id")).isEqualTo(eventId.toString());
            assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo("org.backbone.agenda.initiative.updated.v1");
            assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("/backbone/agenda");
            assertThat(KafkaProbe.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(KafkaProbe.header(record, "ce_subject")).isEqualTo(initiative.toString());
            assertThat(KafkaProbe.header(record, "ce_initiativeid")).isEqualTo(initiative.toString());
            assertThat(KafkaProbe.header(record, "ce_time")).isNotBlank();
            assertThat(KafkaProbe.header(record, "content-type")).isEqualTo("application/json");
            assertThat(EventSchemas.violations(EventCatalog.of(InitiativeUpdated.class),
                    EventJson.mapper().readTree(record.value()))).isEmpty();

            // published once: a later marker arrives, and still only one record carries the first id
            commit(List.of(updated(initiative, 2)));
            await().atMost(DEADLINE).until(() -> probe.received(r -> initiative.toString().equals(r.key())).size() >= 2);
            assertThat(probe.received(r -> eventId.toString().equals(KafkaProbe.header(r, "ce_id")))).hasSize(1);
        }
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        UUID initiative = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.subscribe(Topics.AGENDA)) {
            startRelay("rollback", KafkaProbe.bootstrap());
            Throwable failure = failureOf(() -> Panache.withTransaction(() -> outbox.append(updated(initiative, 1))
                    .chain(id -> Uni.createFrom().failure(new IllegalStateException("business rule broken")))));
            assertThat(failure).hasMessage("business rule broken");
            commit(List.of(updated(initiative, 2)));

            List<ConsumerRecord<String, byte[]>> records = await().atMost(DEADLINE)
                    .until(() -> probe.received(r -> initiative.toString().equals(r.key())), r -> !r.isEmpty());
            assertThat(records).extracting(r -> version(r)).containsExactly(2L);
        }
    }

    @Test
    void appendOutsideATransactionIsRefused() {
        Throwable failure = failureOf(() -> Panache.withSession(() -> outbox.append(updated(UUID.randomUUID(), 1))));
        assertThat(failure).hasMessageContaining("needs a transaction");
    }

    @Test
    void perKeyOrderHoldsAcrossAThousandEvents() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.subscribe(Topics.AGENDA)) {
            startRelay("order", KafkaProbe.bootstrap());
            for (int batch = 0; batch < 10; batch++) {
                List<InitiativeUpdated> events = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    long version = batch * 50L + i;
                    events.add(updated(first, version));
                    events.add(updated(second, version));
                }
                commit(events);
            }
            for (UUID initiative : List.of(first, second)) {
                List<ConsumerRecord<String, byte[]>> records = await().atMost(DEADLINE)
                        .until(() -> probe.received(r -> initiative.toString().equals(r.key())), r -> r.size() >= 500);
                assertThat(records).extracting(OutboxRelayTest::version)
                        .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 500).boxed().toList());
            }
        }
    }

    @Test
    void eventsAppendedTogetherAndAloneKeepTheOrderOfAppendingAndTheirIds() {
        UUID initiative = UUID.randomUUID();
        List<InitiativeUpdated> together = new ArrayList<>();
        for (long version = 1; version <= 300; version++) {
            together.add(updated(initiative, version));
        }
        try (KafkaProbe probe = KafkaProbe.subscribe(Topics.AGENDA)) {
            startRelay("together", KafkaProbe.bootstrap());
            List<UUID> ids = inTransaction(() -> outbox.append(updated(initiative, 0))
                    .chain(first -> outbox.appendAll(together).chain(many -> outbox.append(updated(initiative, 301))
                            .map(last -> {
                                List<UUID> all = new ArrayList<>(List.of(first));
                                all.addAll(many);
                                all.add(last);
                                return all;
                            }))));

            List<ConsumerRecord<String, byte[]>> records = await().atMost(DEADLINE)
                    .until(() -> probe.received(r -> initiative.toString().equals(r.key())), r -> r.size() >= 302);
            assertThat(records).extracting(OutboxRelayTest::version)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(0, 301).boxed().toList());
            assertThat(records).extracting(r -> UUID.fromString(KafkaProbe.header(r, CloudEventHeaders.ID)))
                    .containsExactlyElementsOf(ids);
        }
    }

    @Test
    void twoRelaysOnTheSameTablePublishEachEventOnce() {
        List<UUID> initiatives = java.util.stream.Stream.generate(UUID::randomUUID).limit(20).toList();
        try (KafkaProbe probe = KafkaProbe.subscribe(Topics.AGENDA)) {
            startRelay("twin-1", KafkaProbe.bootstrap());
            startRelay("twin-2", KafkaProbe.bootstrap());
            List<UUID> ids = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                List<InitiativeUpdated> events = new ArrayList<>();
                for (UUID initiative : initiatives) {
                    events.add(updated(initiative, round));
                }
                ids.addAll(commitAll(events));
            }
            java.util.Set<String> keys = initiatives.stream().map(UUID::toString).collect(Collectors.toSet());
            List<ConsumerRecord<String, byte[]>> records = await().atMost(DEADLINE)
                    .until(() -> probe.received(r -> keys.contains(r.key())), r -> r.size() >= 400);
            Map<String, Long> perId = records.stream()
                    .collect(Collectors.groupingBy(r -> KafkaProbe.header(r, "ce_id"), Collectors.counting()));
            assertThat(perId.keySet()).containsExactlyInAnyOrderElementsOf(ids.stream().map(UUID::toString).toList());
            assertThat(perId.values()).allMatch(count -> count == 1);
            // nothing left behind, nothing more arriving for these keys
            await().atMost(DEADLINE).until(() -> relays.get(0).pending() == 0 && relays.get(1).pending() == 0);
            assertThat(probe.received(r -> keys.contains(r.key()))).hasSize(400);
        }
    }

    @Test
    void eventsWaitWhileTheBrokerIsDownAndAreAllPublishedOnceItIsBack() throws Exception {
        UUID initiative = UUID.randomUUID();
        try (ThrowawayBroker broker = new ThrowawayBroker()) {
            broker.start();
            OutboxRelay relay = startRelay("broker-outage", broker.bootstrap());
            // the throwaway broker has its own topics: probe it, and let the relay publish once to create them
            try (KafkaProbe probe = KafkaProbe.subscribeAt(broker.bootstrap(), Topics.AGENDA)) {
                commit(List.of(updated(initiative, 0)));
                await().atMost(DEADLINE).until(() -> probe.received(r -> initiative.toString().equals(r.key())).size() == 1);
            }
            broker.stop();
            for (long version = 1; version <= 20; version++) {
                commit(List.of(updated(initiative, version)));
            }
            assertThat(unsentRows(initiative)).isEqualTo(20);

            broker.start();
            await().atMost(DEADLINE).until(() -> unsentRows(initiative) == 0);
            // read the topic from the start: every event once, in order
            List<Long> versions = allVersions(broker.bootstrap(), initiative, 21);
            assertThat(versions).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(0, 20).boxed().toList());
        }
    }

    private List<Long> allVersions(String bootstrap, UUID initiative, int expected) {
        java.util.Properties properties = new java.util.Properties();
        properties.put("bootstrap.servers", bootstrap);
        properties.put("group.id", "replay-" + UUID.randomUUID());
        properties.put("auto.offset.reset", "earliest");
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]> consumer =
                new org.apache.kafka.clients.consumer.KafkaConsumer<>(properties,
                        new org.apache.kafka.common.serialization.StringDeserializer(),
                        new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.AGENDA));
            List<Long> versions = new ArrayList<>();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (versions.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (initiative.toString().equals(r.key())) {
                        versions.add(version(r));
                    }
                });
            }
            // one more poll: a duplicate would show up here
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (initiative.toString().equals(r.key())) {
                    versions.add(version(r));
                }
            });
            return versions;
        }
    }

    private OutboxRelay startRelay(String name, String bootstrap) {
        OutboxRelay relay = new OutboxRelay(dataSource, bootstrap, new OutboxRelay.Settings(name, 100,
                Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofDays(7), Map.of()),
                new SimpleMeterRegistry());
        relays.add(relay);
        relay.start();
        return relay;
    }

    private UUID commit(List<InitiativeUpdated> events) {
        return commitAll(events).get(0);
    }

    private List<UUID> commitAll(List<InitiativeUpdated> events) {
        return inTransaction(() -> {
            Uni<List<UUID>> chain = Uni.createFrom().item(new ArrayList<>());
            for (InitiativeUpdated event : events) {
                chain = chain.chain(ids -> outbox.append(event).map(id -> {
                    ids.add(id);
                    return ids;
                }));
            }
            return chain;
        });
    }

    /** Hibernate Reactive needs a Vert.x context: run the work on one and wait for it. */
    private static <T> T inTransaction(java.util.function.Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Throwable failureOf(java.util.function.Supplier<Uni<?>> work) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> work.get().replaceWithVoid());
            return null;
        } catch (Throwable e) {
            return e;
        }
    }

    private long unsentRows(UUID initiative) throws Exception {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND record_key = ?")) {
            statement.setString(1, initiative.toString());
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static InitiativeUpdated updated(UUID initiative, long version) {
        return new InitiativeUpdated(initiative, "TOP15", null, null, null,
                new RatificationRule(RatificationKind.UNANIMOUS, null), version);
    }

    private static long version(ConsumerRecord<String, byte[]> record) {
        try {
            return EventJson.mapper().readTree(new String(record.value(), StandardCharsets.UTF_8)).get("version").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
