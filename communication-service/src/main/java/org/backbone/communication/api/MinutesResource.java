package org.backbone.communication.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.backbone.communication.domain.meeting.MinutesStatus;
import org.backbone.communication.persistence.MinutesRecords;
import org.backbone.communication.service.MinutesService;
import org.backbone.contracts.communication.ApprovalRule;
import org.backbone.kit.http.ETags;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/initiatives/{initiativeId}/meetings")
@Tag(name = "Minutes", description = "Minutes the participants amend and approve; immutable once published")
@Authenticated
public class MinutesResource {

    private final MinutesService minutes;
    private final CurrentCaller caller;

    MinutesResource(MinutesService minutes, CurrentCaller caller) {
        this.minutes = minutes;
        this.caller = caller;
    }

    public record DraftRequest(@NotNull @Size(max = 100_000) @Schema(description = "Markdown") String body) {
    }

    public record CirculationRequest(@NotNull @Schema(description = "Until when attendees answer (at most 60 days ahead)")
            Instant amendmentsUntil) {
    }

    public record AmendmentRequest(@NotBlank @Size(max = 5_000) String text) {
    }

    public enum Verdict {
        APPROVE,
        OBJECT
    }

    public record AnswerRequest(@NotNull Verdict verdict,
            @Size(max = 2_000) @Schema(description = "Required to object: it goes back to the organiser") String reason) {
    }

    public record ErratumRequest(@NotBlank @Size(max = 10_000) @Schema(description = "Markdown") String text) {
    }

    public record RuleDto(@NotNull @Schema(description = "QUORUM (more than half of the attending partners approve) or "
            + "SILENT_PROCEDURE (approved unless one objects by the deadline)") ApprovalRule approvalRule) {
    }

    public record AmendmentDto(UUID id, int revision, String author, UUID organisationId, String text, OffsetDateTime createdAt) {
    }

    public record AnswerDto(int revision, UUID organisationId, Verdict verdict, String reason, String answeredBy,
            OffsetDateTime answeredAt) {
    }

    public record ErratumDto(UUID id, String text, String textHtml, String writtenBy, OffsetDateTime writtenAt) {
    }

    public record MinutesDto(UUID meetingId, MinutesStatus status, String body,
            @Schema(description = "The body rendered and sanitised") String bodyHtml,
            @Schema(description = "One more at every circulation") int revision, ApprovalRule approvalRule,
            OffsetDateTime amendmentsUntil, @Schema(description = "Why the last objection sent them back") String returnedReason,
            @Schema(description = "sha256:… of meeting, revision and body as published") String contentHash,
            OffsetDateTime publishedAt, Set<UUID> attendingOrganisationIds, List<AmendmentDto> amendments,
            List<AnswerDto> answers, List<ErratumDto> errata, long version) {

        static MinutesDto of(MinutesService.Full f) {
            MinutesRecords.Minutes m = f.minutes();
            return new MinutesDto(m.meetingId(), MinutesStatus.valueOf(m.status()), m.body(), m.bodyHtml(), m.revision(),
                    m.approvalRule() == null ? null : ApprovalRule.valueOf(m.approvalRule()), m.amendmentsUntil(),
                    m.returnedReason(), m.contentHash(), m.publishedAt(), f.attending(),
                    f.amendments().stream().map(a -> new AmendmentDto(a.id(), a.revision(), a.author(), a.organisationId(),
                            a.text(), a.createdAt())).toList(),
                    f.answers().stream().map(a -> new AnswerDto(a.revision(), a.organisationId(), Verdict.valueOf(a.verdict()),
                            a.reason(), a.answeredBy(), a.answeredAt())).toList(),
                    f.errata().stream().map(MinutesResource::erratum).toList(), m.version());
        }
    }

    static ErratumDto erratum(MinutesRecords.Erratum e) {
        return new ErratumDto(e.id(), e.text(), e.textHtml(), e.writtenBy(), e.writtenAt());
    }

    private static Response ok(MinutesService.Full f) {
        return Response.ok(MinutesDto.of(f)).tag(ETags.of(f.minutes().version())).build();
    }

    @GET
    @Path("/minutes-rule")
    @Operation(summary = "How the initiative approves minutes", description = "Every reader of the initiative.")
    @APIResponse(responseCode = "200", description = "The rule (QUORUM until staff choose)")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may read")
    public Uni<RuleDto> rule(@PathParam("initiativeId") UUID initiative) {
        return minutes.rule(caller.get(), initiative).map(RuleDto::new);
    }

    @PUT
    @Path("/minutes-rule")
    @Operation(summary = "Choose how minutes are approved", description = "Backbone staff only; minutes already circulated "
            + "keep the rule they were circulated under.")
    @APIResponse(responseCode = "200", description = "Chosen")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may read")
    @APIResponse(responseCode = "422", description = "No rule, or none of the two")
    public Uni<RuleDto> setRule(@PathParam("initiativeId") UUID initiative, @NotNull @Valid RuleDto request) {
        return minutes.setRule(caller.get(), initiative, request.approvalRule()).map(RuleDto::new);
    }

    @GET
    @Path("/{id}/minutes")
    @Operation(summary = "The meeting's minutes", description = "Staff always; the attending partners' members from "
            + "circulation on; every reader of the initiative once published.")
    @APIResponse(responseCode = "200", description = "The minutes with their amendments, answers and errata")
    @APIResponse(responseCode = "404", description = "No such meeting, no minutes yet, or not ones the caller may read")
    public Uni<Response> get(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id) {
        return minutes.get(caller.get(), initiative, id).map(MinutesResource::ok);
    }

    @PUT
    @Path("/{id}/minutes")
    @Operation(summary = "Write the draft", description = "Backbone staff only, of a HELD meeting, while DRAFT.")
    @APIResponse(responseCode = "200", description = "Written")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such meeting, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "The meeting is not HELD; the minutes are circulated, approved or "
            + "published (immutable: write an erratum)")
    @APIResponse(responseCode = "422", description = "No body, or longer than 100,000 characters")
    public Uni<Response> write(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id,
            @NotNull @Valid DraftRequest request) {
        return minutes.writeDraft(caller.get(), initiative, id, request.body()).map(MinutesResource::ok);
    }

    @PUT
    @Path("/{id}/minutes/circulation")
    @Operation(summary = "Circulate the draft", description = "Backbone staff only: DRAFT → CIRCULATED under the "
            + "initiative's rule; the attending partners are told and answer until amendmentsUntil.")
    @APIResponse(responseCode = "200", description = "Circulated")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such meeting or minutes, or not ones the caller may read")
    @APIResponse(responseCode = "409", description = "Not DRAFT; no attendance recorded")
    @APIResponse(responseCode = "422", description = "A deadline not in the future, or more than 60 days ahead")
    public Uni<Response> circulate(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id,
            @NotNull @Valid CirculationRequest request) {
        return minutes.circulate(caller.get(), initiative, id, request.amendmentsUntil()).map(MinutesResource::ok);
    }

    @POST
    @Path("/{id}/minutes/amendments")
    @Operation(summary = "Propose an amendment", description = "Members of the partners that attended, while CIRCULATED "
            + "and before the deadline.")
    @APIResponse(responseCode = "201", description = "Proposed")
    @APIResponse(responseCode = "403", description = "Not a member of an attending partner")
    @APIResponse(responseCode = "404", description = "No such meeting or minutes, or not ones the caller may read")
    @APIResponse(responseCode = "409", description = "Not CIRCULATED (a draft, approved, or published and immutable), or "
            + "the window closed")
    @APIResponse(responseCode = "422", description = "No text, or too long")
    public Uni<Response> amend(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id,
            @NotNull @Valid AmendmentRequest request) {
        return minutes.amend(caller.get(), initiative, id, request.text())
                .map(a -> Response.status(Response.Status.CREATED).entity(new AmendmentDto(a.id(), a.revision(), a.author(),
                        a.organisationId(), a.text(), a.createdAt())).build());
    }

    @PUT
    @Path("/{id}/minutes/answer")
    @Operation(summary = "Approve or object", description = "For the caller's organisation (an attending partner), while "
            + "CIRCULATED and before the deadline; a later answer replaces the earlier. An objection sends the minutes back to "
            + "DRAFT with its reason; under QUORUM, more than half of the attending partners approving approves them.")
    @APIResponse(responseCode = "200", description = "Answered; the minutes as they are now")
    @APIResponse(responseCode = "403", description = "Not a member of an attending partner")
    @APIResponse(responseCode = "404", description = "No such meeting or minutes, or not ones the caller may read")
    @APIResponse(responseCode = "409", description = "Not CIRCULATED, or the window closed")
    @APIResponse(responseCode = "422", description = "No verdict; an objection without a reason")
    public Uni<Response> answer(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id,
            @NotNull @Valid AnswerRequest request) {
        if (request.verdict() == Verdict.OBJECT && (request.reason() == null || request.reason().isBlank())) {
            return Uni.createFrom().failure(org.backbone.kit.problem.ProblemException.invalid("reason",
                    "an objection says why"));
        }
        return minutes.answer(caller.get(), initiative, id, request.verdict() == Verdict.APPROVE, request.reason())
                .map(MinutesResource::ok);
    }

    @PUT
    @Path("/{id}/minutes/publication")
    @Operation(summary = "Publish approved minutes", description = "Backbone staff only: APPROVED → PUBLISHED, immutable "
            + "from then on with their content hash; the meeting is CLOSED.")
    @APIResponse(responseCode = "200", description = "Published")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such meeting or minutes, or not ones the caller may read")
    @APIResponse(responseCode = "409", description = "Not APPROVED")
    public Uni<Response> publish(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id) {
        return minutes.publish(caller.get(), initiative, id).map(MinutesResource::ok);
    }

    @POST
    @Path("/{id}/minutes/errata")
    @Operation(summary = "Correct published minutes", description = "Backbone staff only: an erratum linked to them; the "
            + "minutes and their hash never change.")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such meeting or minutes, or not ones the caller may read")
    @APIResponse(responseCode = "409", description = "Not PUBLISHED (edit the draft instead)")
    @APIResponse(responseCode = "422", description = "No text, or too long")
    public Uni<Response> erratum(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id,
            @NotNull @Valid ErratumRequest request) {
        return minutes.addErratum(caller.get(), initiative, id, request.text())
                .map(e -> Response.status(Response.Status.CREATED).entity(erratum(e)).build());
    }
}
