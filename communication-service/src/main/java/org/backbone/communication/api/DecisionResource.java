package org.backbone.communication.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.backbone.communication.persistence.Decisions;
import org.backbone.communication.service.DecisionService;
import org.backbone.kit.http.ETags;
import org.backbone.kit.paging.Page;
import org.backbone.kit.paging.PageParams;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/initiatives/{initiativeId}/decisions")
@Tag(name = "Decisions", description = "The register of what the initiative decided, linked to what it affects")
@Authenticated
public class DecisionResource {

    private final DecisionService decisions;
    private final CurrentCaller caller;

    DecisionResource(DecisionService decisions, CurrentCaller caller) {
        this.decisions = decisions;
        this.caller = caller;
    }

    public record DecisionRequest(@NotBlank @Size(max = 2_000) String statement, @Size(max = 10_000) String rationale,
            @Schema(description = "The meeting where it was taken; none: asynchronously") UUID meetingId,
            @Size(max = 50) List<@NotNull @Valid ObjectDto> affects,
            @Schema(description = "When staff are reminded to review it") LocalDate reviewOn,
            @Schema(description = "An ADOPTED decision this one replaces; it becomes SUPERSEDED") UUID supersedes) {

        DecisionService.Draft draft() {
            return new DecisionService.Draft(statement, rationale, meetingId, affects == null ? List.of()
                    : affects.stream().map(a -> new Decisions.Affected(a.service(), a.type(), a.id())).toList(),
                    reviewOn, supersedes);
        }
    }

    public record RevocationRequest(@NotBlank @Size(max = 2_000) String reason) {
    }

    public record DecisionDto(UUID id, UUID initiativeId, String statement, String rationale, UUID meetingId,
            List<ObjectDto> affects, LocalDate reviewOn, @Schema(description = "ADOPTED, SUPERSEDED or REVOKED") String status,
            UUID supersedes, UUID supersededBy, String revokedReason, String adoptedBy, OffsetDateTime adoptedAt, long version) {

        static DecisionDto of(Decisions.Decision d) {
            return new DecisionDto(d.id(), d.initiativeId(), d.statement(), d.rationale(), d.meetingId(),
                    d.affects().stream().map(a -> new ObjectDto(a.service(), a.type(), a.id())).toList(), d.reviewOn(),
                    d.status(), d.supersedes(), d.supersededBy(), d.revokedReason(), d.adoptedBy(), d.adoptedAt(), d.version());
        }
    }

    @POST
    @Operation(summary = "Record a decision", description = "Backbone staff only. With supersedes, the decision it replaces "
            + "becomes SUPERSEDED, in the same transaction.")
    @APIResponse(responseCode = "201", description = "Recorded (ADOPTED)")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "The decision to supersede is no longer ADOPTED")
    @APIResponse(responseCode = "422", description = "No statement; an affected object the initiative does not know; "
            + "supersedes naming no decision of the initiative")
    public Uni<Response> adopt(@PathParam("initiativeId") UUID initiative, @NotNull @Valid DecisionRequest request) {
        return decisions.adopt(caller.get(), initiative, request.draft())
                .map(d -> Response.created(URI.create("/v1/initiatives/" + initiative + "/decisions/" + d.id()))
                        .tag(ETags.of(d.version())).entity(DecisionDto.of(d)).build());
    }

    @GET
    @Operation(summary = "The register", description = "Every reader of the initiative; newest first.")
    @APIResponse(responseCode = "200", description = "A page of decisions")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may read")
    @APIResponse(responseCode = "422", description = "A status that is none of the three; a bad limit or cursor")
    public Uni<Page<DecisionDto>> list(@PathParam("initiativeId") UUID initiative,
            @QueryParam("status") @Pattern(regexp = "ADOPTED|SUPERSEDED|REVOKED", message = "must be ADOPTED, SUPERSEDED or REVOKED")
            String status, @BeanParam @Valid PageParams page) {
        return decisions.list(caller.get(), initiative, status, page.limit, page.cursor)
                .map(p -> new Page<>(p.items().stream().map(DecisionDto::of).toList(), p.next()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a decision")
    @APIResponse(responseCode = "200", description = "The decision")
    @APIResponse(responseCode = "404", description = "No such decision, or not one the caller may read")
    public Uni<Response> get(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id) {
        return decisions.get(caller.get(), initiative, id)
                .map(d -> Response.ok(DecisionDto.of(d)).tag(ETags.of(d.version())).build());
    }

    @PUT
    @Path("/{id}/revocation")
    @Operation(summary = "Revoke a decision", description = "Backbone staff only, with the reason; final.")
    @APIResponse(responseCode = "200", description = "Revoked")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such decision, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "It is no longer ADOPTED")
    @APIResponse(responseCode = "422", description = "No reason")
    public Uni<Response> revoke(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id,
            @NotNull @Valid RevocationRequest request) {
        return decisions.revoke(caller.get(), initiative, id, request.reason())
                .map(d -> Response.ok(DecisionDto.of(d)).tag(ETags.of(d.version())).build());
    }
}
