package org.backbone.communication.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.backbone.communication.persistence.WebhookEndpoints;
import org.backbone.communication.service.WebhookService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the webhook API. */
public final class WebhookDtos {

    private WebhookDtos() {
    }

    @Schema(description = "Where to deliver which events")
    public record EndpointRequest(
            @NotNull @Size(max = 2_000) @Schema(description = "https; its host must resolve to public addresses only",
                    examples = "https://partner.example/backbone-hooks") String url,
            @Size(max = 500) String description,
            @NotNull @Schema(description = "CloudEvents types, prefixes ending in .*, or *",
                    examples = "[\"org.backbone.measurement.*\"]") List<String> eventTypes,
            @Schema(description = "Only this initiative's events; none: every initiative the owner may read") UUID initiativeId,
            @Schema(description = "Enable or disable (default: enabled)") Boolean enabled) {

        WebhookService.Settings settings() {
            return new WebhookService.Settings(url, description, eventTypes, initiativeId, enabled == null || enabled);
        }
    }

    public record Endpoint(UUID id, String url, String description, List<String> eventTypes, UUID initiativeId,
            @Schema(description = "The owning partner organisation; none for the backbone's own") UUID organisationId,
            boolean enabled, String disabledReason, OffsetDateTime disabledAt,
            @Schema(description = "The first failure since the last success; disabled after 5 days of failures") OffsetDateTime failingSince,
            OffsetDateTime createdAt, long version) {

        static Endpoint of(WebhookEndpoints.Endpoint e) {
            return new Endpoint(e.id(), e.url(), e.description(), e.eventTypes(), e.initiative(), e.owner(), e.enabled(),
                    e.disabledReason(), e.disabledAt(), e.failingSince(), e.createdAt(), e.version());
        }
    }

    @Schema(description = "A new endpoint with its signing secret, shown this once")
    public record RegisteredEndpoint(Endpoint endpoint, @Schema(examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {
    }

    @Schema(description = "A new signing secret, shown this once; the previous one signs beside it for 24 hours")
    public record Secret(String secret) {
    }

    public record RecoverRequest(@NotNull @Schema(description = "Queue again what was held or failed since then")
            OffsetDateTime since) {
    }

    public record Recovered(int queued) {
    }

    public record Queued(long deliveryId) {
    }

    public record Delivery(long id, @Schema(description = "The webhook-id header: the same on every attempt") String webhookId,
            String type, @Schema(description = "PENDING, SUCCEEDED, FAILED, or HELD (fell due while the endpoint was disabled)")
            String state, int attempts,
            @Schema(description = "When it is tried next (PENDING only)") OffsetDateTime nextAttemptAt,
            OffsetDateTime lastAttemptAt, Integer lastStatus, String lastError, OffsetDateTime createdAt,
            @Schema(description = "Each attempt; in a delivery's own view only") List<Attempt> attemptLog) {

        static Delivery of(WebhookEndpoints.Delivery d, List<WebhookEndpoints.Attempt> attempts) {
            return new Delivery(d.id(), d.messageId(), d.type(), d.state(), d.attempts(),
                    d.state().equals("PENDING") ? d.dueAt() : null, d.lastAttemptAt(), d.lastStatus(), d.lastError(),
                    d.createdAt(), attempts == null ? null : attempts.stream().map(Attempt::of).toList());
        }
    }

    public record Attempt(OffsetDateTime at, Integer status, String error,
            @Schema(description = "The answer's first characters") String excerpt, int durationMillis) {

        static Attempt of(WebhookEndpoints.Attempt a) {
            return new Attempt(a.at(), a.statusCode(), a.error(), a.excerpt(), a.durationMs());
        }
    }
}
