package org.backbone.contracts.partner;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A partner system submits one value. The partner is taken from the topic (or the token), never from the payload. */
@EventType("org.backbone.partner.measurement.submitted.v1")
public record MeasurementSubmitted(
        UUID initiativeId,
        UUID organisationId,
        String indicatorCode,
        String period,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        Map<String, String> dimensions,
        String comment) implements BackboneEvent {

    @Override
    public String subject() {
        return indicatorCode;
    }
}
