package org.backbone.communication.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.backbone.communication.service.WebhookService;
import org.backbone.kit.http.ETags;
import org.backbone.kit.paging.Page;
import org.backbone.kit.paging.PageParams;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/webhooks/endpoints")
@Tag(name = "Webhooks", description = "Signed deliveries (Standard Webhooks) of the events an organisation may read")
@Authenticated
public class WebhookResource {

    private final WebhookService webhooks;
    private final CurrentCaller caller;

    WebhookResource(WebhookService webhooks, CurrentCaller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Register an endpoint", description = "Partner members and systems register their "
            + "organisation's endpoints, staff the backbone's. The endpoint receives the events of the types it names "
            + "that its owner may read, signed with the secret in the answer — shown this once.")
    @APIResponse(responseCode = "201", description = "Registered; the secret is in the body")
    @APIResponse(responseCode = "403", description = "Observers have no endpoints")
    @APIResponse(responseCode = "422", description = "A URL that is not https, carries credentials, or whose host resolves "
            + "to a private, loopback or other non-public address; an event type that matches nothing; an initiative "
            + "the caller may not read")
    public Uni<Response> register(@NotNull @Valid WebhookDtos.EndpointRequest request) {
        return webhooks.register(caller.get(), request.settings())
                .map(r -> Response.created(URI.create("/v1/webhooks/endpoints/" + r.endpoint().id()))
                        .tag(ETags.of(r.endpoint().version()))
                        .entity(new WebhookDtos.RegisteredEndpoint(WebhookDtos.Endpoint.of(r.endpoint()), r.secret())).build());
    }

    @GET
    @Operation(summary = "List endpoints", description = "The caller's organisation's; staff see every one. Newest first.")
    @APIResponse(responseCode = "200", description = "A page of endpoints")
    @APIResponse(responseCode = "403", description = "Observers have no endpoints")
    public Uni<Page<WebhookDtos.Endpoint>> list(@BeanParam @Valid PageParams page) {
        return webhooks.list(caller.get(), page.limit, page.cursor)
                .map(p -> new Page<>(p.items().stream().map(WebhookDtos.Endpoint::of).toList(), p.next()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an endpoint (never its secret)")
    @APIResponse(responseCode = "200", description = "The endpoint")
    @APIResponse(responseCode = "404", description = "No such endpoint, or another organisation's")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return webhooks.get(caller.get(), id)
                .map(e -> Response.ok(WebhookDtos.Endpoint.of(e)).tag(ETags.of(e.version())).build());
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change an endpoint", description = "Its URL, types, description, initiative, and whether it is "
            + "enabled. Enabling a disabled endpoint sends what falls due from now on; `recover` sends what it missed. "
            + "With If-Match, only if unchanged since read.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "404", description = "No such endpoint, or another organisation's")
    @APIResponse(responseCode = "412", description = "Changed since it was read")
    @APIResponse(responseCode = "422", description = "As for registration")
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @NotNull @Valid WebhookDtos.EndpointRequest request) {
        return webhooks.update(caller.get(), id, ifMatch, request.settings())
                .map(e -> Response.ok(WebhookDtos.Endpoint.of(e)).tag(ETags.of(e.version())).build());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove an endpoint, its secrets and its delivery log")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such endpoint, or another organisation's")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return webhooks.delete(caller.get(), id).map(v -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/secret/rotate")
    @Operation(summary = "Rotate the signing secret", description = "Answers the new secret, shown this once. For 24 "
            + "hours deliveries carry two signatures, by the old secret and the new, so the receiver can switch at leisure.")
    @APIResponse(responseCode = "200", description = "The new secret")
    @APIResponse(responseCode = "404", description = "No such endpoint, or another organisation's")
    public Uni<WebhookDtos.Secret> rotate(@PathParam("id") UUID id) {
        return webhooks.rotate(caller.get(), id).map(WebhookDtos.Secret::new);
    }

    @POST
    @Path("/{id}/test")
    @Operation(summary = "Send a test ping", description = "Type `org.backbone.webhook.ping.v1`, signed like any delivery.")
    @APIResponse(responseCode = "202", description = "Queued; follow it in the delivery log")
    @APIResponse(responseCode = "404", description = "No such endpoint, or another organisation's")
    public Uni<Response> ping(@PathParam("id") UUID id) {
        return webhooks.ping(caller.get(), id).map(d -> Response.accepted(new WebhookDtos.Queued(d))
                .location(URI.create("/v1/webhooks/endpoints/" + id + "/deliveries/" + d)).build());
    }

    @POST
    @Path("/{id}/recover")
    @Operation(summary = "Replay what the endpoint missed", description = "Queues again, in their order, the deliveries "
            + "held while it was disabled or failed for good since `since` (the log keeps 30 days).")
    @APIResponse(responseCode = "200", description = "How many were queued")
    @APIResponse(responseCode = "404", description = "No such endpoint, or another organisation's")
    @APIResponse(responseCode = "409", description = "The endpoint is disabled: enable it first")
    @APIResponse(responseCode = "422", description = "No `since`")
    public Uni<WebhookDtos.Recovered> recover(@PathParam("id") UUID id, @NotNull @Valid WebhookDtos.RecoverRequest request) {
        return webhooks.recover(caller.get(), id, request.since()).map(WebhookDtos.Recovered::new);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log", description = "Newest first, 30 days; optionally of one state.")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    @APIResponse(responseCode = "404", description = "No such endpoint, or another organisation's")
    @APIResponse(responseCode = "422", description = "An unknown state or a malformed cursor")
    public Uni<Page<WebhookDtos.Delivery>> deliveries(@PathParam("id") UUID id,
            @QueryParam("state") @Pattern(regexp = "PENDING|SUCCEEDED|FAILED|HELD", message = "must be PENDING, SUCCEEDED, FAILED or HELD") String state,
            @BeanParam @Valid PageParams page) {
        return webhooks.deliveries(caller.get(), id, state, page.limit, page.cursor)
                .map(p -> new Page<>(p.items().stream().map(d -> WebhookDtos.Delivery.of(d, null)).toList(), p.next()));
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    @Operation(summary = "One delivery with each of its attempts")
    @APIResponse(responseCode = "200", description = "The delivery")
    @APIResponse(responseCode = "404", description = "No such endpoint or delivery, or another organisation's")
    public Uni<WebhookDtos.Delivery> delivery(@PathParam("id") UUID id, @PathParam("deliveryId") long delivery) {
        return webhooks.delivery(caller.get(), id, delivery).map(d -> WebhookDtos.Delivery.of(d.delivery(), d.attempts()));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send one delivery again now, under the same webhook-id")
    @APIResponse(responseCode = "202", description = "Queued")
    @APIResponse(responseCode = "404", description = "No such endpoint or delivery, or another organisation's")
    public Uni<Response> redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") long delivery) {
        return webhooks.redeliver(caller.get(), id, delivery).map(v -> Response.accepted().build());
    }
}
