package org.backbone.activity.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.backbone.activity.service.CommitmentService;
import org.backbone.kit.http.Idempotency;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/initiatives/{initiativeId}/commitments")
@Tag(name = "Commitments", description = "Partners' contributions to indicators' targets, and the ledger. A caller "
        + "outside the initiative gets 404.")
@Authenticated
public class CommitmentResource {

    private final CommitmentService commitments;
    private final CurrentCaller caller;
    private final Idempotency idempotency;

    CommitmentResource(CommitmentService commitments, CurrentCaller caller, Idempotency idempotency) {
        this.commitments = commitments;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Commit to an indicator's target", description = "A partner for its own organisation, staff "
            + "for any member. Reassesses the indicator's ledger findings at once.")
    @APIResponse(responseCode = "201", description = "Committed")
    @APIResponse(responseCode = "403", description = "Observer, or a partner committing for another organisation")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may see")
    @APIResponse(responseCode = "422", description = "Unknown or retired indicator, not a member, bad period or location")
    public Uni<Response> make(@PathParam("initiativeId") UUID initiative,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @NotNull @Valid Dtos.CommitmentBody body) {
        return idempotency.once(idempotencyKey, caller.get(), "POST", "/v1/initiatives/" + initiative + "/commitments",
                body, () -> commitments.make(caller.get(), initiative, new CommitmentService.Pledge(body.organisationId(),
                                body.indicatorId(), body.period(), body.location(), body.amount(), body.note()))
                        .map(c -> Response.created(URI.create("/v1/initiatives/" + initiative + "/commitments/" + c.id))
                                .entity(Views.of(c)).build()));
    }

    @GET
    @Operation(summary = "Standing commitments", description = "Filtered by indicator, period and organisation.")
    @APIResponse(responseCode = "200", description = "The commitments")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may see")
    public Uni<List<Dtos.Commitment>> list(@PathParam("initiativeId") UUID initiative,
            @QueryParam("indicatorId") UUID indicator, @QueryParam("period") String period,
            @QueryParam("organisationId") UUID organisation) {
        return commitments.list(caller.get(), initiative, indicator, period, organisation)
                .map(list -> list.stream().map(Views::of).toList());
    }

    @GET
    @Path("/ledger")
    @Operation(summary = "An indicator's ledger for a period", description = "Target, committed, unallocated and "
            + "over-committed; `additive: false` and no sums where the indicator's aggregation is not SUM.")
    @APIResponse(responseCode = "200", description = "The ledger line")
    @APIResponse(responseCode = "404", description = "No such indicator in an initiative the caller may see")
    @APIResponse(responseCode = "422", description = "indicatorId or period missing, or period not a period code")
    public Uni<Dtos.LedgerLine> ledger(@PathParam("initiativeId") UUID initiative,
            @QueryParam("indicatorId") UUID indicator, @QueryParam("period") String period) {
        if (indicator == null || period == null) {
            throw ProblemException.invalid(indicator == null ? "indicatorId" : "period", "is required");
        }
        return commitments.ledger(caller.get(), initiative, indicator, period).map(Views::of);
    }

    @DELETE
    @Path("/{commitmentId}")
    @Operation(summary = "Withdraw a commitment", description = "The partner that made it, or staff; it stays, marked.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "403", description = "Observer, or another organisation's commitment")
    @APIResponse(responseCode = "404", description = "No such commitment in an initiative the caller may see")
    @APIResponse(responseCode = "409", description = "Withdrawn already")
    public Uni<Response> withdraw(@PathParam("initiativeId") UUID initiative, @PathParam("commitmentId") UUID id) {
        return commitments.withdraw(caller.get(), initiative, id).replaceWith(Response.noContent().build());
    }
}
