package org.backbone.communication.api;

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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.backbone.communication.service.AnnouncementService;
import org.backbone.kit.http.ETags;
import org.backbone.kit.paging.Page;
import org.backbone.kit.paging.PageParams;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/initiatives/{initiativeId}/announcements")
@Tag(name = "Announcements", description = "What backbone staff tell the initiative's people, in Markdown, to an audience")
@Authenticated
public class AnnouncementResource {

    private final AnnouncementService announcements;
    private final CurrentCaller caller;

    AnnouncementResource(AnnouncementService announcements, CurrentCaller caller) {
        this.announcements = announcements;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Write an announcement", description = "Backbone staff only. Published now, or at publishAt; "
            + "publishing puts it in the feed and notifies its audience.")
    @APIResponse(responseCode = "201", description = "Written (published unless publishAt is later)")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may read")
    @APIResponse(responseCode = "422", description = "No title, no body or one over 20,000 characters, no audience; roles or "
            + "sectors with an audience other than PARTNERS; pinnedUntil not after publishAt")
    public Uni<Response> create(@PathParam("initiativeId") UUID initiative,
            @NotNull @Valid AnnouncementDtos.AnnouncementRequest request) {
        return announcements.create(caller.get(), initiative, request.draft())
                .map(a -> Response.created(URI.create("/v1/initiatives/" + initiative + "/announcements/" + a.id()))
                        .tag(ETags.of(a.version())).entity(AnnouncementDtos.Announcement.of(a, false)).build());
    }

    @GET
    @Operation(summary = "List announcements", description = "Newest first. Staff see every one, scheduled ones too; anybody "
            + "else the published ones whose audience includes them.")
    @APIResponse(responseCode = "200", description = "A page of announcements")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may read")
    @APIResponse(responseCode = "422", description = "A limit outside 1–200, or a cursor not from this list")
    public Uni<Page<AnnouncementDtos.Announcement>> list(@PathParam("initiativeId") UUID initiative,
            @QueryParam("pinned") @DefaultValue("false") @Parameter(description = "Only those pinned now") boolean pinned,
            @BeanParam @Valid PageParams page) {
        return announcements.list(caller.get(), initiative, pinned, page.limit, page.cursor)
                .map(p -> new Page<>(p.items().stream().map(AnnouncementDtos.Announcement::of).toList(), p.next()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an announcement")
    @APIResponse(responseCode = "200", description = "The announcement, with its sanitised HTML")
    @APIResponse(responseCode = "404", description = "No such announcement, or not one the caller may read")
    public Uni<Response> get(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id) {
        return announcements.get(caller.get(), initiative, id).map(seen -> Response.ok(AnnouncementDtos.Announcement.of(seen))
                .tag(ETags.of(seen.announcement().version())).build());
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change an announcement", description = "Backbone staff only. Once published, its audience and "
            + "publish time stay as they were told. With If-Match, only if unchanged since read.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such announcement, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "A published announcement's audience or publish time changed")
    @APIResponse(responseCode = "412", description = "Changed since it was read")
    @APIResponse(responseCode = "422", description = "As for writing one")
    public Uni<Response> update(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @NotNull @Valid AnnouncementDtos.AnnouncementRequest request) {
        return announcements.update(caller.get(), initiative, id, ifMatch, request.draft())
                .map(a -> Response.ok(AnnouncementDtos.Announcement.of(a, false)).tag(ETags.of(a.version())).build());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Withdraw an announcement", description = "Backbone staff only; its acknowledgements go with it.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such announcement, or not one the caller may read")
    public Uni<Response> delete(@PathParam("initiativeId") UUID initiative, @PathParam("id") UUID id) {
        return announcements.delete(caller.get(), initiative, id).map(v -> Response.noContent().build());
    }

    @PUT
    @Path("/{id}/acknowledgement")
    @Operation(summary = "Acknowledge an announcement (\"I have read this\")", description = "Anybody who may read it; "
            + "again changes nothing and answers the first.")
    @APIResponse(responseCode = "200", description = "Acknowledged")
    @APIResponse(responseCode = "404", description = "No such announcement, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "The announcement asks for no acknowledgement")
    public Uni<AnnouncementDtos.Acknowledgement> acknowledge(@PathParam("initiativeId") UUID initiative,
            @PathParam("id") UUID id) {
        return announcements.acknowledge(caller.get(), initiative, id).map(AnnouncementDtos.Acknowledgement::of);
    }

    @GET
    @Path("/{id}/acknowledgements")
    @Operation(summary = "Who acknowledged an announcement", description = "Backbone staff only. Oldest first.")
    @APIResponse(responseCode = "200", description = "How many, and a page of who and when")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such announcement, or not one the caller may read")
    @APIResponse(responseCode = "422", description = "A limit outside 1–200, or a cursor not from this list")
    public Uni<AnnouncementDtos.Acknowledgements> acknowledgements(@PathParam("initiativeId") UUID initiative,
            @PathParam("id") UUID id, @BeanParam @Valid PageParams page) {
        return announcements.acknowledgements(caller.get(), initiative, id, page.limit, page.cursor)
                .map(AnnouncementDtos.Acknowledgements::of);
    }
}
