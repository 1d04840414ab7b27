package org.backbone.communication.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.backbone.communication.domain.action.ActionItemStatus;
import org.backbone.communication.persistence.ActionItems;
import org.backbone.communication.service.ActionItemService;
import org.backbone.kit.http.ETags;
import org.backbone.kit.paging.Page;
import org.backbone.kit.paging.PageParams;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Action items", description = "Someone must do something by a date")
@Authenticated
@Path("/v1/initiatives/{initiativeId}/action-items")
public class ActionItemResource {

    private final ActionItemService items;
    private final CurrentCaller caller;

    ActionItemResource(ActionItemService items, CurrentCaller caller) {
        this.items = items;
        this.caller = caller;
    }

    public record ActionItemRequest(@NotBlank @Size(max = 200) String title, @Size(max = 5_000) String notes,
            @Schema(description = "A current partner; none: staff's own (then assigneeUserId names one of staff)") UUID assigneeOrganisationId,
            @Size(max = 100) @Schema(description = "One person: a member of the organisation, or of staff") String assigneeUserId,
            @NotNull LocalDate dueOn, @Valid ObjectDto source) {

        ActionItemService.Draft draft() {
            return new ActionItemService.Draft(title, notes, assigneeOrganisationId, assigneeUserId, dueOn,
                    source == null ? null : new ActionItems.Source(source.service(), source.type(), source.id()));
        }
    }

    public record StatusRequest(@NotNull @Schema(description = "OPEN, IN_PROGRESS, DONE or (staff) CANCELLED") ActionItemStatus status) {
    }

    public record ActionItemDto(UUID id, UUID initiativeId, String title, String notes, UUID assigneeOrganisationId,
            String assigneeUserId, LocalDate dueOn, ObjectDto source, ActionItemStatus status,
            @Schema(description = "Not finished and its due date has passed (in the initiative's zone)") boolean overdue,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime completedAt, long version,
            @Schema(description = "The activity (activity-service) it became, if it did") UUID activityId) {

        static ActionItemDto of(ActionItemService.Seen seen) {
            ActionItems.ActionItem a = seen.item();
            return new ActionItemDto(a.id(), a.initiativeId(), a.title(), a.notes(), a.assigneeOrganisationId(),
                    a.assigneeUserId(), a.dueOn(), a.source() == null ? null
                            : new ObjectDto(a.source().service(), a.source().type(), a.source().id()),
                    ActionItemStatus.valueOf(a.status()), seen.overdue(), a.createdBy(), a.createdAt(), a.updatedAt(),
                    a.completedAt(), a.version(), a.activityId());
        }
    }

    @POST
    @Operation(summary = "Write an action item", description = "Backbone staff only; the assignee is told.")
    @APIResponse(responseCode = "201", description = "Written")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may read")
    @APIResponse(responseCode = "422", description = "No title or due date; no assignee; an organisation that is no current "
            + "partner; a person who is not its member (or of staff)")
    public Uni<Response> create(@PathParam("initiativeId") UUID initiative, @NotNull @Valid ActionItemRequest request) {
        return items.create(caller.get(), initiative, request.draft())
                .map(seen -> Response.created(URI.create("/v1/initiatives/" + initiative + "/action-items/" + seen.item().id()))
                        .tag(ETags.of(seen.item().version())).entity(ActionItemDto.of(seen)).build());
    }

    @GET
    @Operation(summary = "List the initiative's action items", description = "Every reader of the initiative; by due date.")
    @APIResponse(responseCode = "200", description = "A page of action items")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may read")
    @APIResponse(responseCode = "422", description = "A bad limit or cursor")
    public Uni<Page<ActionItemDto>> list(@PathParam("initiativeId") UUID initiative,
            @QueryParam("open") @DefaultValue("false") @Parameter(description = "Only OPEN and IN_PROGRESS ones") boolean open,
            @BeanParam @Valid PageParams page) {
        return items.list(caller.get(), initiative, open, page.limit, page.cursor)
                .map(p -> new Page<>(p.items().stream().map(ActionItemDto::of).toList(), p.next()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an action item")
    @APIResponse(responseCode = "200", description = "The action item")
    @APIResponse(responseCode = "404", description = "No such action item, or not one the caller may read")
    public Uni<Response> get(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id) {
        return items.get(caller.get(), initiative, id)
                .map(seen -> Response.ok(ActionItemDto.of(seen)).tag(ETags.of(seen.item().version())).build());
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change an action item", description = "Backbone staff only; a new assignee is told. With If-Match, "
            + "only if unchanged since read.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such action item, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "It is DONE or CANCELLED")
    @APIResponse(responseCode = "412", description = "Changed since it was read")
    @APIResponse(responseCode = "422", description = "As for writing one")
    public Uni<Response> update(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @NotNull @Valid ActionItemRequest request) {
        return items.update(caller.get(), initiative, id, ifMatch, request.draft())
                .map(seen -> Response.ok(ActionItemDto.of(seen)).tag(ETags.of(seen.item().version())).build());
    }

    public record ActivityRequest(@NotNull @Size(max = 30) @Schema(description = "The activity to register, as activity-service's "
            + "POST /v1/initiatives/{i}/activities takes it; title and description default to the item's") 
            java.util.Map<String, Object> activity) {
    }

    @POST
    @Path("/{id}/activity")
    @Operation(summary = "Turn an action item into an activity", description = "Its assignee or staff, once: registers the "
            + "activity in activity-service with the caller's own token (its rules apply) and links it to the item.")
    @APIResponse(responseCode = "201", description = "The action item, linked to its new activity")
    @APIResponse(responseCode = "403", description = "Neither its assignee nor staff; activity-service refused the caller")
    @APIResponse(responseCode = "404", description = "No such action item, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "It became an activity already, or is CANCELLED")
    @APIResponse(responseCode = "422", description = "No activity; what activity-service refused in it (fields prefixed activity.)")
    @APIResponse(responseCode = "502", description = "activity-service answered something unexpected")
    @APIResponse(responseCode = "503", description = "activity-service did not answer")
    public Uni<Response> toActivity(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id,
            @HeaderParam("Authorization") String authorization, @NotNull @Valid ActivityRequest request) {
        return items.toActivity(caller.get(), authorization, initiative, id, request.activity())
                .map(seen -> Response.created(URI.create("/v1/initiatives/" + initiative + "/activities/"
                        + seen.item().activityId())).tag(ETags.of(seen.item().version())).entity(ActionItemDto.of(seen)).build());
    }

    @PUT
    @Path("/{id}/status")
    @Operation(summary = "Move an action item along", description = "Its assignee (the person, or any member of the "
            + "organisation) or staff; staff alone cancel. DONE and CANCELLED are final.")
    @APIResponse(responseCode = "200", description = "Moved")
    @APIResponse(responseCode = "403", description = "Neither its assignee nor staff; a partner cancelling")
    @APIResponse(responseCode = "404", description = "No such action item, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "It is DONE or CANCELLED already")
    @APIResponse(responseCode = "412", description = "Changed since it was read")
    @APIResponse(responseCode = "422", description = "No status, or not one of the four")
    public Uni<Response> status(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @NotNull @Valid StatusRequest request) {
        return items.setStatus(caller.get(), initiative, id, ifMatch, request.status())
                .map(seen -> Response.ok(ActionItemDto.of(seen)).tag(ETags.of(seen.item().version())).build());
    }
}
