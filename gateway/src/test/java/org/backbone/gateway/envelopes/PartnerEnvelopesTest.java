package org.backbone.gateway.envelopes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PartnerEnvelopesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID PARTNER = UUID.fromString("11111111-1111-4111-8111-111111111111");
    private static final String INITIATIVE = UUID.randomUUID().toString();

    private static Map<String, Object> event(Map<String, Object> overrides) {
        Map<String, Object> event = new HashMap<>(Map.of("specversion", "1.0", "id", "e-1", "source", "/partner/a",
                "type", PartnerEnvelopes.SUBMITTED.type(), "data", Map.of("initiativeId", INITIATIVE,
                        "indicatorCode", "TEACHERS", "period", "2026Q1", "value", 4)));
        event.putAll(overrides);
        return event;
    }

    private static PartnerEnvelopes.Outcome structured(Object body) {
        return PartnerEnvelopes.structured(JSON.valueToTree(body), PARTNER);
    }

    @Test
    void aWellFormedEventIsAcceptedWithThePartnersOrganisationFilledIn() {
        PartnerEnvelopes.Outcome outcome = structured(event(Map.of()));
        assertThat(outcome.rejected()).isEmpty();
        assertThat(outcome.accepted()).singleElement().satisfies(accepted -> {
            assertThat(accepted.initiativeId()).isEqualTo(INITIATIVE);
            assertThat(accepted.data().get("organisationId").asText()).isEqualTo(PARTNER.toString());
        });
    }

    @Test
    void eachBrokenEnvelopeIsRejectedWithItsReasonAndTheOthersAccepted() {
        PartnerEnvelopes.Outcome outcome = structured(java.util.List.of(
                event(Map.of("specversion", "0.3")),
                event(Map.of("id", "")),
                event(Map.of("source", " ")),
                event(Map.of("type", "org.example.other")),
                event(Map.of("time", "yesterday")),
                event(Map.of("data", "not an object")),
                event(Map.of("data", Map.of("initiativeId", INITIATIVE, "period", "2026Q1"))),
                event(Map.of("data", Map.of("initiativeId", INITIATIVE, "indicatorCode", "T", "period", "2026Q1",
                        "organisationId", UUID.randomUUID().toString()))),
                event(Map.of("datacontenttype", "text/xml")),
                "not an event",
                event(Map.of("id", "good"))));
        assertThat(outcome.accepted()).extracting(PartnerEnvelopes.Accepted::id).containsExactly("good");
        assertThat(outcome.rejected()).extracting(PartnerEnvelopes.Rejected::reason).satisfiesExactly(
                r -> assertThat(r).contains("specversion"),
                r -> assertThat(r).contains("id is required"),
                r -> assertThat(r).contains("source is required"),
                r -> assertThat(r).contains("type must be"),
                r -> assertThat(r).contains("RFC 3339"),
                r -> assertThat(r).contains("data must be a JSON object"),
                r -> assertThat(r).contains("schema").contains("indicatorCode"),
                r -> assertThat(r).contains("acts for"),
                r -> assertThat(r).contains("datacontenttype"),
                r -> assertThat(r).contains("JSON object"));
        assertThat(outcome.rejected()).extracting(PartnerEnvelopes.Rejected::index)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void binaryModeTakesTheAttributesFromHeadersAndTheDataFromTheBody() {
        JsonNode data = JSON.valueToTree(Map.of("initiativeId", INITIATIVE, "indicatorCode", "T", "period", "2026Q1"));
        assertThat(PartnerEnvelopes.binary(Map.of("specversion", "1.0", "id", "b-1", "source", "/p",
                "type", PartnerEnvelopes.SUBMITTED.type(), "datacontenttype", "application/json"), data, PARTNER)
                .accepted()).hasSize(1);
        assertThat(PartnerEnvelopes.binary(Map.of("specversion", "1.0", "source", "/p",
                "type", PartnerEnvelopes.SUBMITTED.type()), data, PARTNER).rejected()).hasSize(1);
    }
}
