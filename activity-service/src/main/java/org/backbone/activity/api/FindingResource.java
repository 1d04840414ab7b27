package org.backbone.activity.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.backbone.activity.domain.FindingState;
import org.backbone.activity.service.FindingService;
import org.backbone.contracts.activity.FindingKind;
import org.backbone.kit.paging.Page;
import org.backbone.kit.paging.PageParams;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/initiatives/{initiativeId}/findings")
@Tag(name = "Findings", description = "Gaps, overlaps and other findings Backbone computes from the 3W.")
@Authenticated
public class FindingResource {

    private final FindingService findings;
    private final CurrentCaller caller;

    FindingResource(FindingService findings, CurrentCaller caller) {
        this.findings = findings;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List findings", description = "Filtered by type (kind), status (state) and goal; cursor-paged.")
    @APIResponse(responseCode = "200", description = "A page of findings")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may see")
    public Uni<Page<Dtos.Finding>> list(@PathParam("initiativeId") UUID initiative, @QueryParam("type") FindingKind kind,
            @QueryParam("status") FindingState state, @QueryParam("goal") UUID goal, @BeanParam @Valid PageParams page) {
        return findings.list(caller.get(), initiative, kind, state, goal, page.limit, page.cursor)
                .map(result -> new Page<>(result.items().stream().map(Views::of).toList(), result.next()));
    }

    @GET
    @Path("/{findingId}")
    @Operation(summary = "Get a finding")
    @APIResponse(responseCode = "200", description = "The finding")
    @APIResponse(responseCode = "404", description = "No such finding in an initiative the caller may see")
    public Uni<Dtos.Finding> get(@PathParam("initiativeId") UUID initiative, @PathParam("findingId") UUID id) {
        return findings.get(caller.get(), initiative, id).map(Views::of);
    }

    @POST
    @Path("/{findingId}/acknowledge")
    @Operation(summary = "Acknowledge a finding", description = "Backbone staff or partners.")
    @APIResponse(responseCode = "200", description = "Acknowledged")
    @APIResponse(responseCode = "403", description = "An observer")
    @APIResponse(responseCode = "404", description = "No such finding in an initiative the caller may see")
    @APIResponse(responseCode = "409", description = "Not OPEN")
    public Uni<Dtos.Finding> acknowledge(@PathParam("initiativeId") UUID initiative, @PathParam("findingId") UUID id) {
        return findings.acknowledge(caller.get(), initiative, id).map(Views::of);
    }

    @POST
    @Path("/{findingId}/dismiss")
    @Operation(summary = "Dismiss a finding", description = "Backbone staff, with a reason. It stays dismissed until "
            + "a key field of the activities involved changes.")
    @APIResponse(responseCode = "200", description = "Dismissed")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such finding in an initiative the caller may see")
    @APIResponse(responseCode = "409", description = "Already resolved or dismissed")
    @APIResponse(responseCode = "422", description = "No reason")
    public Uni<Dtos.Finding> dismiss(@PathParam("initiativeId") UUID initiative, @PathParam("findingId") UUID id,
            @NotNull @Valid Dtos.DismissBody body) {
        return findings.dismiss(caller.get(), initiative, id, body.reason()).map(Views::of);
    }

    @POST
    @Path("/recompute")
    @Operation(summary = "Recompute every finding", description = "Backbone staff. Changes recompute what they affect "
            + "on their own; this is for after a repair. Every finding is computed; only the areas whose computed "
            + "findings moved since they were last written are compared with what is stored, unless `rebuild=true`, "
            + "which compares every stored finding (after a repair of the stored findings themselves).")
    @APIResponse(responseCode = "200", description = "How many findings there are, and how many opened or resolved")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may see")
    public Uni<Dtos.Recomputed> recompute(@PathParam("initiativeId") UUID initiative,
            @QueryParam("rebuild") @DefaultValue("false") boolean rebuild) {
        return findings.recompute(caller.get(), initiative, rebuild)
                .map(o -> new Dtos.Recomputed(o.findings(), o.opened(), o.resolved()));
    }
}
