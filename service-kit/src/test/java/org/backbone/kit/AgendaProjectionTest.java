package org.backbone.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.Topics;
import org.backbone.contracts.agenda.AgendaRatified;
import org.backbone.contracts.agenda.GoalActivated;
import org.backbone.contracts.agenda.GoalRetired;
import org.backbone.contracts.agenda.GoalSnapshot;
import org.backbone.contracts.agenda.Horizon;
import org.backbone.contracts.agenda.InitiativeCreated;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerLeft;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.contracts.agenda.RatificationRule;
import org.backbone.contracts.agenda.Sector;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import org.backbone.kit.access.InitiativeMemberships;
import org.backbone.kit.access.Standing;
import org.backbone.kit.agenda.AgendaProjection;
import org.backbone.kit.events.CloudEventRecords;
import org.backbone.kit.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

/** Agenda events, published as agenda-service publishes them, arrive late, twice or malformed; the queries read them. */
@QuarkusTest
class AgendaProjectionTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Inject
    @DataSource("kit")
    AgroalDataSource db;

    @Inject
    AgendaProjection projection;

    @Inject
    InitiativeMemberships memberships;

    private static <T> T query(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> query) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(query));
    }

    @Test
    void aLeaveThatArrivesBeforeItsJoinStillEndsTheMembership() throws Throwable {
        UUID initiative = UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        PartnerJoined joined = new PartnerJoined(initiative, partner, "Atid", Sector.NONPROFIT, PartnerRole.CORE, t0);
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            send(producer, new InitiativeCreated(initiative, "TOP15", null, null, null,
                    new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"));
            send(producer, new PartnerLeft(initiative, partner, t0.plusSeconds(60)));
            UUID joinedId = UUID.randomUUID();
            producer.send(CloudEventRecords.of(joined, joinedId, t0)).get();
            producer.send(CloudEventRecords.of(joined, joinedId, t0)).get();
            send(producer, new PartnerJoined(initiative, marker, "Marker", Sector.BUSINESS, PartnerRole.CORE, t0));
        }
        await().atMost(DEADLINE).until(() -> count("SELECT count(*) FROM agenda_membership WHERE organisation_id = '" + marker + "'") == 1);
        assertThat(count("SELECT count(*) FROM agenda_membership WHERE organisation_id = '" + partner + "' AND NOT current")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM agenda_initiative WHERE id = '" + initiative + "'")).isEqualTo(1);
        // both the join and the later leave are in the history, once each, whatever order they came in
        assertThat(count("SELECT count(*) FROM agenda_membership_change WHERE organisation_id = '" + partner + "'"))
                .isEqualTo(2);
        assertThat(query(() -> projection.isCurrentMember(initiative, partner))).isFalse();
        assertThat(query(() -> projection.wasMemberAt(initiative, partner, t0.plusSeconds(30)))).isTrue();
        assertThat(query(() -> projection.wasMemberAt(initiative, partner, t0.plusSeconds(60)))).isFalse();
        assertThat(query(() -> projection.wasMemberAt(initiative, partner, t0.minusSeconds(1)))).isFalse();
    }

    @Test
    void theQueriesAnswerFromTheProjection() throws Throwable {
        UUID initiative = UUID.randomUUID();
        UUID core = UUID.randomUUID();
        UUID supporter = UUID.randomUUID();
        UUID goal = UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            send(producer, new InitiativeCreated(initiative, "TOP15", null, null, null,
                    new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"));
            send(producer, new PartnerJoined(initiative, supporter, "Beta", Sector.BUSINESS, PartnerRole.SUPPORTING, t0));
            send(producer, new PartnerJoined(initiative, core, "Alpha", Sector.NONPROFIT, PartnerRole.CORE, t0));
            send(producer, ratified(initiative, 1, goal));
        }
        await().atMost(DEADLINE).until(() -> count("SELECT count(*) FROM agenda_goal WHERE initiative_id = '"
                + initiative + "'") == 1 && count("SELECT count(*) FROM agenda_membership WHERE initiative_id = '"
                + initiative + "'") == 2);
        assertThat(query(() -> projection.exists(initiative))).isTrue();
        assertThat(query(() -> projection.exists(UUID.randomUUID()))).isFalse();
        assertThat(query(() -> projection.role(initiative, core))).contains(PartnerRole.CORE);
        assertThat(query(() -> projection.role(initiative, UUID.randomUUID()))).isEmpty();
        assertThat(query(() -> projection.members(initiative))).extracting(AgendaProjection.Member::name)
                .containsExactly("Alpha", "Beta");
        assertThat(query(() -> projection.activeAmong(initiative, List.of(UUID.randomUUID(), goal)))).containsExactly(goal);
        // the access policy answers from the same rows
        assertThat(query(() -> memberships.standing(initiative, java.util.Optional.of(core)))).isEqualTo(Standing.MEMBER);
        assertThat(query(() -> memberships.standing(initiative, java.util.Optional.of(UUID.randomUUID()))))
                .isEqualTo(Standing.NOT_MEMBER);
        assertThat(query(() -> memberships.standing(initiative, java.util.Optional.empty()))).isEqualTo(Standing.NOT_MEMBER);
        assertThat(query(() -> memberships.standing(UUID.randomUUID(), java.util.Optional.of(core))))
                .isEqualTo(Standing.ABSENT);
    }

    @Test
    void goalsFollowTheNewestRatifiedVersionWhateverTheOrderOfArrival() throws Exception {
        UUID initiative = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            send(producer, ratified(initiative, 2, a, b));
            send(producer, ratified(initiative, 1, a, c));
            send(producer, new GoalRetired(initiative, b, 3));
            send(producer, new GoalActivated(initiative, b, null, "late activation of b", Horizon.SHORT_TERM, 2));
            send(producer, ratified(initiative, 2, a, b));
            send(producer, ratified(initiative, 4, marker));
            send(producer, new GoalActivated(initiative, a, null, "a", Horizon.LONG_TERM, 5));
        }
        await().atMost(DEADLINE).until(() -> count("SELECT count(*) FROM agenda_goal WHERE initiative_id = '" + initiative
                + "' AND id = '" + a + "' AND as_of_version = 5") == 1);
        assertThat(activeGoals(initiative)).containsExactlyInAnyOrder(a.toString(), marker.toString());
        assertThat(count("SELECT count(*) FROM agenda_goal WHERE id = '" + c + "'")).isZero();
    }

    @Test
    void anEventThatBreaksItsSchemaIsDeadLetteredWithTheReason() throws Exception {
        String key = UUID.randomUUID().toString();
        try (KafkaProbe dlq = KafkaProbe.subscribe(Topics.deadLetter(Topics.AGENDA, "kit"));
                KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            producer.send(CloudEventRecords.binary(Topics.AGENDA, key, UUID.randomUUID().toString(),
                    "org.backbone.agenda.partner.joined.v1", "/backbone/agenda", key, t0, key,
                    "{\"initiativeId\":\"not-a-uuid\"}".getBytes())).get();
            var dead = await().atMost(DEADLINE).until(() -> dlq.received(r -> key.equals(r.key())), r -> !r.isEmpty());
            assertThat(KafkaProbe.header(dead.get(0), "dead-letter-reason")).contains("does not match its schema");
        }
    }

    private static AgendaRatified ratified(UUID initiative, int version, UUID... goals) {
        return new AgendaRatified(initiative, version, null, null, null, java.util.Arrays.stream(goals)
                .map(g -> new GoalSnapshot(g, null, "goal " + g, null, Horizon.LONG_TERM, null)).toList());
    }

    private void send(KafkaProducer<String, byte[]> producer, BackboneEvent event) throws Exception {
        producer.send(CloudEventRecords.of(event, UUID.randomUUID(), Instant.now())).get();
    }

    private long count(String sql) throws Exception {
        try (var connection = db.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private List<String> activeGoals(UUID initiative) throws Exception {
        try (var connection = db.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT id FROM agenda_goal WHERE active AND initiative_id = '" + initiative + "'")) {
            List<String> ids = new java.util.ArrayList<>();
            while (result.next()) {
                ids.add(result.getString(1));
            }
            return ids;
        }
    }
}
