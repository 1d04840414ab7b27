package org.backbone.agenda.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import java.util.UUID;
import org.backbone.agenda.service.OrganisationService;
import org.backbone.contracts.agenda.Sector;
import org.backbone.kit.http.ETags;
import org.backbone.kit.http.Idempotency;
import org.backbone.kit.paging.Page;
import org.backbone.kit.paging.PageParams;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.quarkus.security.Authenticated;

@Path("/v1/organisations")
@Tag(name = "Organisations", description = "Organisations from every sector that take part in initiatives")
@Authenticated
public class OrganisationResource {

    private final OrganisationService organisations;
    private final CurrentCaller caller;
    private final Idempotency idempotency;

    OrganisationResource(OrganisationService organisations, CurrentCaller caller, Idempotency idempotency) {
        this.organisations = organisations;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Register an organisation", description = "Backbone staff only. Send `id` to use a chosen id, "
            + "e.g. the one the identity provider puts in partner tokens.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "409", description = "The id is taken")
    public Uni<Response> register(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid Dtos.OrganisationRequest request) {
        return idempotency.once(idempotencyKey, caller.get(), "POST", "/v1/organisations", request,
                () -> organisations.register(caller.get(), registration(request))
                        .map(o -> Response.created(URI.create("/v1/organisations/" + o.id)).tag(ETags.of(o.version))
                                .entity(Views.of(o)).build()));
    }

    @GET
    @Operation(summary = "Search organisations by name (contains, case-insensitive) and sector")
    public Uni<Page<Dtos.Organisation>> search(@QueryParam("name") String name, @QueryParam("sector") Sector sector,
            @BeanParam @Valid PageParams page) {
        return organisations.search(name, sector, page.limit, page.cursor)
                .map(result -> new Page<>(result.items().stream().map(Views::of).toList(), result.next()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an organisation")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return organisations.get(id).map(o -> Response.ok(Views.of(o)).tag(ETags.of(o.version)).build());
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Update an organisation's profile", description = "Backbone staff, or a member of the "
            + "organisation itself. Send `If-Match` with the ETag you read.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = Dtos.Organisation.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Dtos.OrganisationRequest request) {
        return organisations.update(caller.get(), id, ifMatch, registration(request))
                .map(o -> Response.ok(Views.of(o)).tag(ETags.of(o.version)).build());
    }

    private static OrganisationService.Registration registration(Dtos.OrganisationRequest r) {
        return new OrganisationService.Registration(r.id(), r.name(), r.sector(), r.country(), r.website());
    }
}
