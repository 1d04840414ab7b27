package org.backbone.measurement.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.backbone.kit.security.CurrentCaller;
import org.backbone.measurement.persistence.StoredValues;
import org.backbone.measurement.service.ReviewService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/initiatives/{initiativeId}")
@Tag(name = "Review", description = "Backbone staff approve values and lock periods")
@Authenticated
public class ReviewResource {

    public record ReviewRequest(@NotNull @Size(min = 1, max = 10_000) List<@NotNull UUID> valueIds,
            @NotNull ReviewService.Verdict verdict, @Size(max = 2000) String reason) {
    }

    public record ReviewResult(int reviewed) {
    }

    public record LockRequest(UUID indicatorId) {
    }

    private final ReviewService review;
    private final CurrentCaller caller;

    ReviewResource(ReviewService review, CurrentCaller caller) {
        this.review = review;
        this.caller = caller;
    }

    @GET
    @Path("/indicators/{indicatorId}/values")
    @Operation(summary = "List stored values", description = "Backbone staff and observers see every partner's "
            + "values; a partner sees its own. `status=SUBMITTED` lists those awaiting approval.")
    public Uni<List<StoredValues.StoredValue>> values(@PathParam("initiativeId") UUID initiativeId,
            @PathParam("indicatorId") UUID indicatorId,
            @QueryParam("status") @Pattern(regexp = "SUBMITTED|APPROVED|REJECTED") String status) {
        return review.values(caller.get(), initiativeId, indicatorId, status);
    }

    @POST
    @Path("/indicators/{indicatorId}/values/review")
    @Operation(summary = "Approve or reject values", description = "Backbone staff only; a rejection needs a reason. "
            + "Only approved values count in progress.")
    public Uni<ReviewResult> review(@PathParam("initiativeId") UUID initiativeId,
            @PathParam("indicatorId") UUID indicatorId, @NotNull @Valid ReviewRequest request) {
        return review.review(caller.get(), initiativeId, indicatorId, request.valueIds(), request.verdict(), request.reason())
                .map(ReviewResult::new);
    }

    @PUT
    @Path("/periods/{period}/lock")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lock a period", description = "Backbone staff only. With `indicatorId` for one indicator, "
            + "without for the whole initiative. Submissions to a locked period are refused until it is reopened.")
    @APIResponse(responseCode = "204", description = "The period is locked (locking it again changes nothing)")
    public Uni<Response> lock(@PathParam("initiativeId") UUID initiativeId,
            @PathParam("period") @Pattern(regexp = "[0-9A-Za-z]{4,12}") String period,
            @RequestBody(required = false, description = "`indicatorId` to lock one indicator; no body for the whole initiative")
            @Valid LockRequest request) {
        return review.lock(caller.get(), initiativeId, period, request == null ? null : request.indicatorId())
                .replaceWith(Response.noContent().build());
    }

    @DELETE
    @Path("/periods/{period}/lock")
    @Operation(summary = "Reopen a locked period", description = "Backbone staff only.")
    @APIResponse(responseCode = "204", description = "The period is open again")
    public Uni<Response> reopen(@PathParam("initiativeId") UUID initiativeId,
            @PathParam("period") String period, @QueryParam("indicatorId") UUID indicatorId) {
        return review.reopen(caller.get(), initiativeId, period, indicatorId).replaceWith(Response.noContent().build());
    }
}
