package org.backbone.agenda.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.backbone.agenda.domain.AgendaContent;
import org.backbone.agenda.persistence.GoalEntity;
import org.backbone.agenda.service.AgendaService;
import org.backbone.kit.http.ETags;
import org.backbone.kit.http.Idempotency;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/initiatives/{initiativeId}")
@Tag(name = "Agenda", description = "The common agenda: draft, proposed versions, partners' decisions, ratification, goals")
@Authenticated
public class AgendaResource {

    private final AgendaService agenda;
    private final CurrentCaller caller;
    private final Idempotency idempotency;

    AgendaResource(AgendaService agenda, CurrentCaller caller, Idempotency idempotency) {
        this.agenda = agenda;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @GET
    @Path("/agenda")
    @Operation(summary = "The agenda in force, the draft, and the version open for decisions")
    public Uni<Dtos.Agenda> get(@PathParam("initiativeId") UUID initiativeId) {
        return agenda.agenda(caller.get(), initiativeId).map(state -> new Dtos.Agenda(
                state.current() == null ? null : Views.of(state.current(), state.currentDecisions()),
                Views.of(state.draft()), state.openVersion()));
    }

    @PUT
    @Path("/agenda/draft")
    @Operation(summary = "Replace the draft", description = "Backbone staff only, with `If-Match` (the draft's "
            + "`version`). Goals keep their ids across versions: send an existing goal's id to keep it; goals "
            + "without an id get a new one. `parentId` must name a goal of the same draft, without cycles.")
    @APIResponse(responseCode = "200", description = "The draft as stored, with its ETag", content = @Content(schema = @Schema(implementation = Dtos.Draft.class)))
    @APIResponse(responseCode = "412", description = "The draft changed since you read it")
    @APIResponse(responseCode = "422", description = "A field or the goal tree is invalid")
    public Uni<Response> updateDraft(@PathParam("initiativeId") UUID initiativeId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid Dtos.AgendaBody body) {
        AgendaContent content = new AgendaContent(body.problemStatement(), body.vision(), body.mission(),
                Views.toDomain(body.boundaries()), body.goals().stream()
                        .map(g -> Views.toDomain(g, g.id() == null ? UUID.randomUUID() : g.id())).toList());
        return agenda.updateDraft(caller.get(), initiativeId, ifMatch, content)
                .map(draft -> Response.ok(Views.of(draft)).tag(ETags.of(draft.version)).build());
    }

    @POST
    @Path("/agenda/versions")
    @Operation(summary = "Propose the draft", description = "Backbone staff only. Freezes the draft as the next "
            + "version, open for the founding and core partners' decisions. One open proposal at a time.")
    @APIResponse(responseCode = "201", description = "Proposed")
    @APIResponse(responseCode = "409", description = "Another version is open, or there is nobody to vote")
    public Uni<Response> propose(@PathParam("initiativeId") UUID initiativeId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, caller.get(), "POST", "/v1/initiatives/" + initiativeId
                + "/agenda/versions", null, () -> agenda.propose(caller.get(), initiativeId).map(version -> Response
                        .created(URI.create("/v1/initiatives/" + initiativeId + "/agenda/versions/" + version.number()))
                        .entity(Views.of(version, List.of())).build()));
    }

    @GET
    @Path("/agenda/versions")
    @Operation(summary = "Every version, oldest first")
    public Uni<List<Dtos.AgendaVersion>> versions(@PathParam("initiativeId") UUID initiativeId) {
        return agenda.versions(caller.get(), initiativeId)
                .map(versions -> versions.stream().map(v -> Views.of(v, List.of())).toList());
    }

    @GET
    @Path("/agenda/versions/{number}")
    @Operation(summary = "One version with its tally")
    public Uni<Dtos.AgendaVersion> version(@PathParam("initiativeId") UUID initiativeId,
            @PathParam("number") int number) {
        return agenda.version(caller.get(), initiativeId, number)
                .map(state -> Views.of(state.version(), state.decisions()));
    }

    @GET
    @Path("/agenda/versions/{number}/endorsements")
    @Operation(summary = "The partners' decisions on a version")
    public Uni<List<Dtos.Endorsement>> endorsements(@PathParam("initiativeId") UUID initiativeId,
            @PathParam("number") int number) {
        return agenda.version(caller.get(), initiativeId, number)
                .map(state -> state.decisions().stream().map(Views::of).toList());
    }

    @PUT
    @Path("/agenda/versions/{number}/endorsements/{organisationId}")
    @Operation(summary = "Record an organisation's decision", description = "A partner member of that organisation "
            + "endorses or objects, with a comment. A later decision replaces the earlier one while the vote is "
            + "open. When the initiative's rule is met, the version is ratified at once.")
    @APIResponse(responseCode = "200", description = "The version with its tally", content = @Content(schema = @Schema(implementation = Dtos.AgendaVersion.class)))
    @APIResponse(responseCode = "403", description = "Not a member of that organisation, or it has no vote on this version")
    @APIResponse(responseCode = "409", description = "The version is not open for decisions")
    public Uni<Dtos.AgendaVersion> decide(@PathParam("initiativeId") UUID initiativeId,
            @PathParam("number") int number, @PathParam("organisationId") UUID organisationId,
            @NotNull @Valid Dtos.DecisionRequest request) {
        return agenda.decide(caller.get(), initiativeId, number, organisationId, request.decision(), request.comment())
                .map(state -> Views.of(state.version(), state.decisions()));
    }

    @POST
    @Path("/agenda/versions/{number}/withdrawal")
    @Operation(summary = "Withdraw an open proposal", description = "Backbone staff only.")
    @APIResponse(responseCode = "200", description = "The withdrawn version", content = @Content(schema = @Schema(implementation = Dtos.AgendaVersion.class)))
    @APIResponse(responseCode = "409", description = "The version is not open")
    public Uni<Dtos.AgendaVersion> withdraw(@PathParam("initiativeId") UUID initiativeId,
            @PathParam("number") int number) {
        return agenda.withdraw(caller.get(), initiativeId, number).map(v -> Views.of(v, List.of()));
    }

    @GET
    @Path("/agenda/diff")
    @Operation(summary = "What changed between two versions", description = "Text fields changed; goals added, "
            + "removed and changed, matched by id.")
    public Uni<Dtos.Diff> diff(@PathParam("initiativeId") UUID initiativeId,
            @QueryParam("from") @NotNull @Min(1) Integer from, @QueryParam("to") @NotNull @Min(1) Integer to) {
        return agenda.diff(caller.get(), initiativeId, from, to).map(changes -> new Dtos.Diff(from, to, changes));
    }

    @GET
    @Path("/goals")
    @Operation(summary = "Goals of the ratified agenda", description = "`status=ACTIVE` for those in force, "
            + "`RETIRED` for those dropped by a later version; all when omitted.")
    public Uni<List<Dtos.GoalView>> goals(@PathParam("initiativeId") UUID initiativeId,
            @QueryParam("status") GoalEntity.Status status) {
        return agenda.goals(caller.get(), initiativeId, status).map(goals -> goals.stream().map(Views::of).toList());
    }
}
