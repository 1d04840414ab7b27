package org.backbone.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.backbone.contracts.Topics;
import org.backbone.gateway.envelopes.PartnerEnvelopes;
import org.backbone.kit.events.CloudEventRecords;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.problem.ProblemType;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Partner systems that cannot reach Kafka post their CloudEvents here; each good event is produced
 * to the partner's own topic (the partner comes from the token), so it takes the same path as one
 * published to Kafka directly. 202 only once Kafka has acknowledged every accepted event.
 */
@Path("/api/v1/partner-events")
@Tag(name = "Partner events", description = "Partner systems' CloudEvents over HTTP, into the same pipeline as Kafka")
@RolesAllowed("partner-system")
public class PartnerEventsResource {

    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";

    private final CurrentCaller caller;
    private final MutinyEmitter<byte[]> topics;
    private final ObjectMapper json;

    // a request may hold 10,000 events, all sent before any is acknowledged: the emitter's default 128 would overflow
    PartnerEventsResource(CurrentCaller caller,
            @Channel("partner-events") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<byte[]> topics,
            ObjectMapper json) {
        this.caller = caller;
        this.topics = topics;
        this.json = json;
    }

    /** What became of the events posted. */
    public record Receipt(int accepted, int rejected, List<PartnerEnvelopes.Rejected> errors) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit measurement events over HTTP", description = "CloudEvents 1.0 of type "
            + "`org.backbone.partner.measurement.submitted.v1` in structured mode (`application/cloudevents+json`), "
            + "batch mode (`application/cloudevents-batch+json`, up to 10,000) or binary mode (`ce-*` headers, the "
            + "data as an `application/json` body). Events are idempotent by source and id.")
    @APIResponse(responseCode = "202", description = "How many were accepted (queued for measurement-service), and why each other one was not")
    @APIResponse(responseCode = "403", description = "The caller is not a partner system acting for an organisation")
    public Uni<Response> submit(HttpHeaders headers, byte[] body) {
        UUID partner = caller.get().partnerId()
                .orElseThrow(() -> ProblemException.forbidden("the token carries no partner_id"));
        PartnerEnvelopes.Outcome outcome = read(headers, body, partner);
        List<Uni<Void>> sends = new ArrayList<>();
        for (PartnerEnvelopes.Accepted event : outcome.accepted()) {
            String key = Topics.partnerMeasurementKey(event.initiativeId(), event.data().path("indicatorCode").asText());
            ProducerRecord<String, byte[]> record = CloudEventRecords.binary(Topics.partnerMeasurements(partner), key,
                    event.id(), PartnerEnvelopes.SUBMITTED.type(), event.source(), event.subject(), event.time(),
                    event.initiativeId(), bytes(event.data()));
            sends.add(topics.sendMessage(Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(record.topic()).withKey(record.key()).withHeaders(record.headers()).build())));
        }
        Uni<Void> produced = sends.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(sends).andFailFast().replaceWithVoid();
        return produced
                .onFailure().transform(e -> new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                        "the events could not be queued; send them again (they are idempotent by source and id)"))
                .replaceWith(() -> Response.accepted(new Receipt(outcome.accepted().size(), outcome.rejected().size(),
                        outcome.rejected())).build());
    }

    private PartnerEnvelopes.Outcome read(HttpHeaders headers, byte[] body, UUID partner) {
        String type = headers.getMediaType() == null ? "" : headers.getMediaType().getType() + "/"
                + headers.getMediaType().getSubtype();
        if (type.equals(STRUCTURED) || type.equals(BATCH)) {
            JsonNode events = parse(body);
            if (type.equals(BATCH) && !events.isArray()) {
                throw ProblemException.invalid("body", "a batch is a JSON array of events");
            }
            if (events.isArray() && events.size() > PartnerEnvelopes.MAX_EVENTS) {
                throw ProblemException.invalid("body", "at most " + PartnerEnvelopes.MAX_EVENTS + " events per request");
            }
            return PartnerEnvelopes.structured(events, partner);
        }
        if (headers.getHeaderString("ce-specversion") != null) {
            Map<String, String> attributes = new HashMap<>();
            headers.getRequestHeaders().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.startsWith("ce-") && !values.isEmpty()) {
                    attributes.put(lower.substring(3), values.get(0));
                }
            });
            if (!type.isEmpty()) {
                attributes.put("datacontenttype", type);
            }
            return PartnerEnvelopes.binary(attributes, parse(body), partner);
        }
        throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send " + STRUCTURED + ", " + BATCH
                + ", or binary mode (ce-* headers with an application/json body)");
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "the body is not JSON: " + e.getMessage());
        }
    }

    private byte[] bytes(JsonNode data) {
        try {
            return json.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree is always JSON", e);
        }
    }
}
