package org.backbone.contracts.communication;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** A webhook endpoint was disabled: it answered 410 Gone, or failed every delivery for 5 days. Not bound to one initiative: initiativeId is the nil UUID. */
@EventType("org.backbone.communication.webhook-endpoint.disabled.v1")
public record WebhookEndpointDisabled(
        UUID initiativeId,
        UUID endpointId,
        UUID organisationId,
        String url,
        String reason) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(endpointId);
    }
}
