package org.backbone.measurement.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.backbone.kit.http.ETags;
import org.backbone.kit.http.Idempotency;
import org.backbone.kit.security.CurrentCaller;
import org.backbone.measurement.api.IndicatorDtos.Indicator;
import org.backbone.measurement.api.IndicatorDtos.IndicatorRequest;
import org.backbone.measurement.persistence.IndicatorEntity;
import org.backbone.measurement.service.IndicatorService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/initiatives/{initiativeId}/indicators")
@Tag(name = "Indicators", description = "The shared indicator catalogue of an initiative")
@Authenticated
public class IndicatorResource {

    private final IndicatorService indicators;
    private final CurrentCaller caller;
    private final Idempotency idempotency;

    IndicatorResource(IndicatorService indicators, CurrentCaller caller, Idempotency idempotency) {
        this.indicators = indicators;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Define an indicator", description = "Backbone staff only. Linked goals must be active "
            + "goals of the initiative's ratified agenda; baseline and target periods must fit the periodicity.")
    @APIResponse(responseCode = "201", description = "Defined")
    @APIResponse(responseCode = "409", description = "The code is taken in this initiative")
    public Uni<Response> define(@PathParam("initiativeId") UUID initiativeId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @NotNull @Valid IndicatorRequest request) {
        return idempotency.once(idempotencyKey, caller.get(), "POST", "/v1/initiatives/" + initiativeId + "/indicators",
                request, () -> indicators.define(caller.get(), initiativeId, Views.definition(request))
                        .map(i -> Response.created(URI.create("/v1/initiatives/" + initiativeId + "/indicators/" + i.id))
                                .tag(ETags.of(i.version)).entity(Views.indicator(i)).build()));
    }

    @GET
    @Operation(summary = "List indicators", description = "Active ones; `includeRetired=true` adds retired ones.")
    public Uni<List<Indicator>> list(@PathParam("initiativeId") UUID initiativeId,
            @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired) {
        return indicators.list(caller.get(), initiativeId, includeRetired)
                .map(list -> list.stream().map(Views::indicator).toList());
    }

    @GET
    @Path("/{indicatorId}")
    @Operation(summary = "Get an indicator")
    public Uni<Response> get(@PathParam("initiativeId") UUID initiativeId, @PathParam("indicatorId") UUID indicatorId) {
        return indicators.get(caller.get(), initiativeId, indicatorId)
                .map(i -> Response.ok(Views.indicator(i)).tag(ETags.of(i.version)).build());
    }

    @PUT
    @Path("/{indicatorId}")
    @Operation(summary = "Change an indicator's definition", description = "Backbone staff only, with `If-Match`. "
            + "The code cannot change.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = Indicator.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    public Uni<Response> update(@PathParam("initiativeId") UUID initiativeId, @PathParam("indicatorId") UUID indicatorId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid IndicatorRequest request) {
        return indicators.update(caller.get(), initiativeId, indicatorId, ifMatch, Views.definition(request))
                .map(i -> Response.ok(Views.indicator(i)).tag(ETags.of(i.version)).build());
    }

    @POST
    @Path("/{indicatorId}/retirement")
    @Operation(summary = "Retire an indicator", description = "Backbone staff only. It takes no more values; "
            + "what was reported stays.")
    public Uni<Indicator> retire(@PathParam("initiativeId") UUID initiativeId, @PathParam("indicatorId") UUID indicatorId) {
        return indicators.retire(caller.get(), initiativeId, indicatorId).map(Views::indicator);
    }
}
