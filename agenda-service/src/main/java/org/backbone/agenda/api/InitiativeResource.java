package org.backbone.agenda.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
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
import org.backbone.agenda.domain.RatificationRule;
import org.backbone.agenda.service.InitiativeService;
import org.backbone.agenda.service.MembershipService;
import org.backbone.contracts.agenda.PartnerRole;
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

@Path("/v1/initiatives")
@Tag(name = "Initiatives", description = "Initiatives and their partners. A caller outside an initiative gets 404 for it.")
@Authenticated
public class InitiativeResource {

    private final InitiativeService initiatives;
    private final MembershipService memberships;
    private final CurrentCaller caller;
    private final Idempotency idempotency;

    InitiativeResource(InitiativeService initiatives, MembershipService memberships, CurrentCaller caller,
            Idempotency idempotency) {
        this.initiatives = initiatives;
        this.memberships = memberships;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Create an initiative", description = "Backbone staff only. Its first agenda draft starts "
            + "from the problem statement, vision, mission and boundaries given here.")
    @APIResponse(responseCode = "201", description = "Created")
    public Uni<Response> create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid Dtos.InitiativeRequest request) {
        return idempotency.once(idempotencyKey, caller.get(), "POST", "/v1/initiatives", request,
                () -> initiatives.create(caller.get(), definition(request))
                        .map(i -> Response.created(URI.create("/v1/initiatives/" + i.id)).tag(ETags.of(i.version))
                                .entity(Views.of(i)).build()));
    }

    @GET
    @Operation(summary = "List the initiatives the caller may see", description = "Backbone staff and observers see "
            + "all; partners see those their organisation currently belongs to.")
    public Uni<Page<Dtos.Initiative>> list(@BeanParam @Valid PageParams page) {
        return initiatives.list(caller.get(), page.limit, page.cursor)
                .map(result -> new Page<>(result.items().stream().map(Views::of).toList(), result.next()));
    }

    @GET
    @Path("/{initiativeId}")
    @Operation(summary = "Get an initiative")
    @APIResponse(responseCode = "200", description = "The initiative, with its ETag", content = @Content(schema = @Schema(implementation = Dtos.Initiative.class)))
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may see")
    public Uni<Response> get(@PathParam("initiativeId") UUID id) {
        return initiatives.get(caller.get(), id).map(i -> Response.ok(Views.of(i)).tag(ETags.of(i.version)).build());
    }

    @PUT
    @Path("/{initiativeId}")
    @Operation(summary = "Update an initiative", description = "Backbone staff only, with `If-Match`.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = Dtos.Initiative.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Uni<Response> update(@PathParam("initiativeId") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Dtos.InitiativeRequest request) {
        return initiatives.update(caller.get(), id, ifMatch, definition(request))
                .map(i -> Response.ok(Views.of(i)).tag(ETags.of(i.version)).build());
    }

    @POST
    @Path("/{initiativeId}/partners")
    @Operation(summary = "Add a partner organisation", description = "Backbone staff only.")
    @APIResponse(responseCode = "201", description = "Joined")
    @APIResponse(responseCode = "409", description = "Already a current partner")
    public Uni<Response> join(@PathParam("initiativeId") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid Dtos.JoinRequest request) {
        return idempotency.once(idempotencyKey, caller.get(), "POST", "/v1/initiatives/" + id + "/partners", request,
                () -> memberships.join(caller.get(), id, request.organisationId(), request.role())
                        .map(row -> Response.created(URI.create("/v1/initiatives/" + id + "/partners/"
                                        + request.organisationId()))
                                .entity(Views.of(row.membership(), row.organisation())).build()));
    }

    @GET
    @Path("/{initiativeId}/partners")
    @Operation(summary = "List partners", description = "Current partners; `includeFormer=true` adds past memberships.")
    public Uni<List<Dtos.Partner>> partners(@PathParam("initiativeId") UUID id, @QueryParam("role") PartnerRole role,
            @QueryParam("sector") Sector sector, @QueryParam("includeFormer") @DefaultValue("false") boolean includeFormer) {
        return memberships.list(caller.get(), id, role, sector, includeFormer)
                .map(rows -> rows.stream().map(row -> Views.of(row.membership(), row.organisation())).toList());
    }

    @DELETE
    @Path("/{initiativeId}/partners/{organisationId}")
    @Operation(summary = "End a partner's membership", description = "Backbone staff or the organisation's own "
            + "members. History is kept; an open agenda vote is re-evaluated without the partner.")
    @APIResponse(responseCode = "204", description = "Left")
    public Uni<Response> leave(@PathParam("initiativeId") UUID id, @PathParam("organisationId") UUID organisationId) {
        return memberships.leave(caller.get(), id, organisationId).replaceWith(Response.noContent().build());
    }

    private static InitiativeService.Definition definition(Dtos.InitiativeRequest r) {
        return new InitiativeService.Definition(r.name(), r.problemStatement(), r.vision(), r.mission(),
                Views.toDomain(r.boundaries()),
                new RatificationRule(r.ratificationRule().kind(), r.ratificationRule().quorum()));
    }
}
