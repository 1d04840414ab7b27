package org.backbone.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.backbone.contracts.Topics;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.Sector;
import org.backbone.kit.events.CloudEventRecords;
import org.backbone.kit.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

/** The service's own reaction to the kit's agenda projection (the projection is tested in the kit). */
@QuarkusTest
class PartnerTopicTest {

    @Test
    void aJoiningPartnersSubmissionTopicExistsOnceItIsAMember() throws Exception {
        UUID initiative = UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            producer.send(CloudEventRecords.of(new PartnerJoined(initiative, partner, "Atid", Sector.NONPROFIT,
                    PartnerRole.CORE, Instant.now()), UUID.randomUUID(), Instant.now())).get();
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaProbe.bootstrap()))) {
            await().atMost(Duration.ofSeconds(90)).until(() -> admin.listTopics().names().get()
                    .contains(Topics.partnerMeasurements(partner)));
            assertThat(admin.listTopics().names().get()).contains(Topics.partnerMeasurements(partner));
        }
    }
}
