package org.backbone.measurement;

import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.agenda.AgendaRatified;
import org.backbone.contracts.agenda.GoalSnapshot;
import org.backbone.contracts.agenda.Horizon;
import org.backbone.contracts.agenda.InitiativeCreated;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.contracts.agenda.RatificationRule;
import org.backbone.contracts.agenda.Sector;
import org.backbone.kit.events.CloudEventRecords;
import org.backbone.kit.testing.KafkaProbe;
import org.backbone.driver.Tokens;

/**
 * An initiative as agenda-service would announce it — created, organisation A as a partner, a
 * ratified agenda with two goals — published to the agenda topic, and awaited in the projection.
 */
final class AgendaFixture {

    final UUID initiative = UUID.randomUUID();
    final UUID goal = UUID.randomUUID();
    final UUID otherGoal = UUID.randomUUID();
    /** A partner with no demo login: backbone staff report on its behalf. */
    final UUID ministry = UUID.randomUUID();

    private AgendaFixture() {
    }

    static AgendaFixture publish(AgroalDataSource db) throws Exception {
        AgendaFixture fixture = new AgendaFixture();
        Instant now = Instant.now();
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            send(producer, new InitiativeCreated(fixture.initiative, "TOP15 " + fixture.initiative, null, null, null,
                    new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"));
            send(producer, new PartnerJoined(fixture.initiative, Tokens.ORG_A, "Atid STEM Network", Sector.NONPROFIT,
                    PartnerRole.FOUNDING, now));
            send(producer, new PartnerJoined(fixture.initiative, fixture.ministry, "Ministry of Education",
                    Sector.GOVERNMENT, PartnerRole.CORE, now));
            send(producer, new AgendaRatified(fixture.initiative, 1, null, null, null, List.of(
                    new GoalSnapshot(fixture.goal, null, "More pupils in advanced mathematics", null, Horizon.LONG_TERM, null),
                    new GoalSnapshot(fixture.otherGoal, fixture.goal, "More girls in STEM", null, Horizon.SHORT_TERM, null))));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> count(db, "SELECT count(*) FROM agenda_goal WHERE initiative_id = '"
                + fixture.initiative + "' AND active") == 2 && count(db, "SELECT count(*) FROM agenda_membership WHERE initiative_id = '"
                + fixture.initiative + "'") == 2);
        return fixture;
    }

    /**
     * The body of an INTEGER, INCREASE, SUM indicator on this initiative's first goal; tests change
     * what they need before posting it.
     */
    java.util.Map<String, Object> indicator(String code, String periodicity) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("code", code);
        body.put("name", code);
        body.put("valueType", "INTEGER");
        body.put("direction", "INCREASE");
        body.put("aggregation", "SUM");
        body.put("periodicity", periodicity);
        body.put("goalIds", List.of(goal.toString()));
        body.put("visibility", "SHARED");
        body.put("approvalRequired", false);
        return body;
    }

    /** Defines an indicator on this initiative as backbone staff; returns its id. */
    String define(java.util.Map<String, Object> body) {
        return io.restassured.RestAssured.given().auth().oauth2(Tokens.admin())
                .contentType(io.restassured.http.ContentType.JSON).body(body)
                .post("/v1/initiatives/" + initiative + "/indicators").then().statusCode(201).extract().path("id");
    }

    private static void send(KafkaProducer<String, byte[]> producer, BackboneEvent event) throws Exception {
        producer.send(CloudEventRecords.of(event, UUID.randomUUID(), Instant.now())).get();
    }

    static long count(AgroalDataSource db, String sql) throws Exception {
        try (var connection = db.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
