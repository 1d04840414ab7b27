package org.backbone.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventReaderTest {

    /** A payload shaped like a small event's. */
    public record Reading(String code, java.math.BigDecimal value) {
    }

    private static RecordHeaders binaryHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, bytes("event-1"));
        headers.add(CloudEventHeaders.TYPE, bytes("org.backbone.test.reading.taken.v1"));
        headers.add(CloudEventHeaders.SOURCE, bytes("/partners/system"));
        headers.add(CloudEventHeaders.TIME, bytes("2026-11-29T12:00:00.123Z"));
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes("application/json"));
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBinaryModePayloadIsReadStraightIntoTheRequestedClassOrAsATree() {
        ReceivedEvent event = CloudEventReader.read("topic", binaryHeaders(), bytes("{\"code\":\"M1\",\"value\":12.5}"));

        assertThat(event.id()).isEqualTo("event-1");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-29T12:00:00.123Z"));
        assertThat(event.data(Reading.class)).isEqualTo(new Reading("M1", new java.math.BigDecimal("12.5")));
        assertThat(event.data().path("code").asText()).isEqualTo("M1");
    }

    @Test
    void aStructuredModeEventGivesTheSamePayload() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.STRUCTURED));
        ReceivedEvent event = CloudEventReader.read("topic", headers, bytes("""
                {"specversion":"1.0","id":"event-2","type":"org.backbone.test.reading.taken.v1","source":"/partners/system",
                 "data":{"code":"M2","value":3}}"""));

        assertThat(event.id()).isEqualTo("event-2");
        assertThat(event.data(Reading.class)).isEqualTo(new Reading("M2", new java.math.BigDecimal("3")));
    }

    @Test
    void aPayloadThatIsNotJsonOrDoesNotFitIsAPermanentFailureSayingWhich() {
        ReceivedEvent notJson = CloudEventReader.read("topic", binaryHeaders(), bytes("{\"code\": oops"));
        assertThatThrownBy(() -> notJson.data(Reading.class)).isInstanceOf(PermanentEventFailure.class)
                .hasMessageStartingWith("value is not JSON");
        assertThatThrownBy(notJson::data).isInstanceOf(PermanentEventFailure.class)
                .hasMessageStartingWith("value is not JSON");

        ReceivedEvent wrongType = CloudEventReader.read("topic", binaryHeaders(), bytes("{\"code\":\"M1\",\"value\":\"many\"}"));
        assertThatThrownBy(() -> wrongType.data(Reading.class)).isInstanceOf(PermanentEventFailure.class)
                .hasMessageStartingWith("payload unreadable");
    }

    private static RecordHeaders headersOf(String type) {
        RecordHeaders headers = binaryHeaders();
        headers.remove(CloudEventHeaders.TYPE);
        headers.add(CloudEventHeaders.TYPE, bytes(type));
        return headers;
    }

    @Test
    void aCataloguedPayloadIsCheckedAndMappedOnceHoweverOftenItIsAskedFor() {
        ReceivedEvent event = CloudEventReader.read("topic", headersOf("org.backbone.agenda.partner.left.v1"), bytes("""
                {"initiativeId":"7f1c2a52-0000-4000-8000-000000000001","organisationId":"7f1c2a52-0000-4000-8000-000000000002",
                 "leftAt":"2026-11-29T12:00:00Z"}"""));

        var first = event.catalogued().orElseThrow();
        assertThat(first).isInstanceOf(org.backbone.contracts.agenda.PartnerLeft.class);
        assertThat(event.catalogued().orElseThrow()).isSameAs(first);
    }

    @Test
    void aPayloadThatBreaksItsSchemaIsRefusedAlikeEveryTimeItIsAskedFor() {
        ReceivedEvent event = CloudEventReader.read("topic", headersOf("org.backbone.agenda.partner.left.v1"),
                bytes("{\"initiativeId\":\"not a uuid\"}"));

        assertThatThrownBy(event::catalogued).isInstanceOf(PermanentEventFailure.class)
                .hasMessageContaining("does not match its schema");
        assertThatThrownBy(event::catalogued).isInstanceOf(PermanentEventFailure.class)
                .hasMessageContaining("does not match its schema");
    }

    @Test
    void anEventThatDoesNotSayWhoOrWhenIsTheSystemsAndHappenedNow() {
        RecordHeaders headers = binaryHeaders();
        headers.remove(CloudEventHeaders.TIME);
        ReceivedEvent unsaid = CloudEventReader.read("topic", headers, bytes("{}"));
        Instant before = Instant.now();

        assertThat(unsaid.actorOrSystem()).isEqualTo(CloudEventHeaders.SYSTEM_ACTOR);
        assertThat(unsaid.timeOrNow().toInstant()).isBetween(before, Instant.now());

        ReceivedEvent said = CloudEventReader.read("topic", binaryHeaders(), bytes("{}"));
        assertThat(said.timeOrNow().toInstant()).isEqualTo(Instant.parse("2026-11-29T12:00:00.123Z"));
    }
}
