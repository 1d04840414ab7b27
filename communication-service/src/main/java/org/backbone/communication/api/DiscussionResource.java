package org.backbone.communication.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.backbone.communication.domain.discussion.ThreadStatus;
import org.backbone.communication.persistence.Discussions;
import org.backbone.communication.service.DiscussionService;
import org.backbone.kit.http.ETags;
import org.backbone.kit.paging.Page;
import org.backbone.kit.paging.PageParams;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/initiatives/{initiativeId}/threads")
@Tag(name = "Discussions", description = "Threads on any object of the initiative, with comments in Markdown")
@Authenticated
public class DiscussionResource {

    private static final String SERVICE = "[a-z]{1,30}";
    private static final String TYPE = "[a-z][a-z-]{0,39}";
    private static final String ID = "[A-Za-z0-9._:-]{1,100}";

    private final DiscussionService discussions;
    private final CurrentCaller caller;

    DiscussionResource(DiscussionService discussions, CurrentCaller caller) {
        this.discussions = discussions;
        this.caller = caller;
    }

    @Schema(description = "What a thread is about: an object the initiative's feed knows and the caller may read")
    public record SubjectDto(
            @NotNull @Pattern(regexp = SERVICE, message = "must be a service, e.g. measurement") String service,
            @NotNull @Pattern(regexp = TYPE, message = "must be an object type, e.g. indicator") String type,
            @NotNull @Pattern(regexp = ID, message = "must be an object id") String id) {
    }

    public record ThreadRequest(@NotNull @Valid SubjectDto subject, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 20_000) @Schema(description = "The first comment, CommonMark; @username mentions") String body) {
    }

    public record CommentRequest(@NotBlank @Size(max = 20_000) @Schema(description = "CommonMark; @username mentions") String body,
            @Schema(description = "The comment this replies to") UUID parentId) {
    }

    public record EditRequest(@NotBlank @Size(max = 20_000) String body) {
    }

    public record StatusRequest(@NotNull @Schema(description = "OPEN, LOCKED (staff alone comment) or RESOLVED") ThreadStatus status) {
    }

    public record ThreadDto(UUID id, UUID initiativeId, SubjectDto subject, String title, ThreadStatus status, String createdBy,
            OffsetDateTime createdAt, OffsetDateTime lastCommentAt, int commentCount, long version) {

        static ThreadDto of(Discussions.Thread t) {
            return new ThreadDto(t.id(), t.initiativeId(), new SubjectDto(t.subject().service(), t.subject().type(),
                    t.subject().id()), t.title(), ThreadStatus.valueOf(t.status()), t.createdBy(), t.createdAt(),
                    t.lastCommentAt(), t.commentCount(), t.version());
        }
    }

    public record CommentDto(UUID id, UUID threadId, UUID parentId, String author,
            @Schema(description = "The author's organisation; none for staff") UUID organisationId,
            @Schema(description = "As written; empty once deleted") String body,
            @Schema(description = "Rendered and sanitised") String bodyHtml, OffsetDateTime createdAt, OffsetDateTime editedAt,
            boolean deleted, long version) {

        static CommentDto of(Discussions.Comment c) {
            return new CommentDto(c.id(), c.threadId(), c.parentId(), c.author(), c.organisationId(), c.bodyMarkdown(),
                    c.bodyHtml(), c.createdAt(), c.editedAt(), c.deletedAt() != null, c.version());
        }
    }

    public record CommentVersion(int version, String body, OffsetDateTime writtenAt) {
    }

    @POST
    @Operation(summary = "Open a thread on an object", description = "Partner members and staff; the subject must be an "
            + "object of the initiative the caller may read (anything its feed shows them).")
    @APIResponse(responseCode = "201", description = "Opened, with its first comment")
    @APIResponse(responseCode = "403", description = "An observer")
    @APIResponse(responseCode = "404", description = "No such initiative or subject, or not one the caller may read")
    @APIResponse(responseCode = "422", description = "No subject, title or body; one too long")
    public Uni<Response> open(@PathParam("initiativeId") UUID initiative, @NotNull @Valid ThreadRequest request) {
        return discussions.open(caller.get(), initiative, new Discussions.Subject(request.subject().service(),
                        request.subject().type(), request.subject().id()), request.title(), request.body())
                .map(opened -> Response.created(URI.create("/v1/initiatives/" + initiative + "/threads/" + opened.thread().id()))
                        .tag(ETags.of(opened.thread().version())).entity(ThreadDto.of(opened.thread())).build());
    }

    @GET
    @Operation(summary = "List threads", description = "Those whose subject the caller may read, most recently active first; "
            + "of one subject with subjectService, subjectType and subjectId together.")
    @APIResponse(responseCode = "200", description = "A page of threads")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may read")
    @APIResponse(responseCode = "422", description = "A subject only partly given or malformed; a bad limit or cursor")
    public Uni<Page<ThreadDto>> list(@PathParam("initiativeId") UUID initiative,
            @QueryParam("subjectService") @Pattern(regexp = SERVICE, message = "must be a service") String service,
            @QueryParam("subjectType") @Pattern(regexp = TYPE, message = "must be an object type") String type,
            @QueryParam("subjectId") @Pattern(regexp = ID, message = "must be an object id") String id,
            @BeanParam @Valid PageParams page) {
        int given = (service == null ? 0 : 1) + (type == null ? 0 : 1) + (id == null ? 0 : 1);
        if (given != 0 && given != 3) {
            throw ProblemException.invalid("subjectService", "subjectService, subjectType and subjectId go together");
        }
        Discussions.Subject subject = given == 3 ? new Discussions.Subject(service, type, id) : null;
        return discussions.threads(caller.get(), initiative, subject, page.limit, page.cursor)
                .map(p -> new Page<>(p.items().stream().map(ThreadDto::of).toList(), p.next()));
    }

    @GET
    @Path("/{threadId}")
    @Operation(summary = "Get a thread")
    @APIResponse(responseCode = "200", description = "The thread")
    @APIResponse(responseCode = "404", description = "No such thread, or its subject is not one the caller may read")
    public Uni<Response> get(@PathParam("initiativeId") UUID initiative, @PathParam("threadId") UUID id) {
        return discussions.thread(caller.get(), initiative, id)
                .map(t -> Response.ok(ThreadDto.of(t)).tag(ETags.of(t.version())).build());
    }

    @PUT
    @Path("/{threadId}/status")
    @Operation(summary = "Lock, resolve or reopen a thread", description = "Backbone staff only. With If-Match, only if "
            + "unchanged since read.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such thread, or not one the caller may read")
    @APIResponse(responseCode = "412", description = "Changed since it was read")
    @APIResponse(responseCode = "422", description = "No status, or not OPEN, LOCKED or RESOLVED")
    public Uni<Response> status(@PathParam("initiativeId") UUID initiative, @PathParam("threadId") UUID id,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @NotNull @Valid StatusRequest request) {
        return discussions.setStatus(caller.get(), initiative, id, ifMatch, request.status())
                .map(t -> Response.ok(ThreadDto.of(t)).tag(ETags.of(t.version())).build());
    }

    @GET
    @Path("/{threadId}/comments")
    @Operation(summary = "A thread's comments", description = "Oldest first; replies name their parent; deleted ones keep "
            + "their place without their text.")
    @APIResponse(responseCode = "200", description = "A page of comments")
    @APIResponse(responseCode = "404", description = "No such thread, or not one the caller may read")
    @APIResponse(responseCode = "422", description = "A bad limit or cursor")
    public Uni<Page<CommentDto>> comments(@PathParam("initiativeId") UUID initiative, @PathParam("threadId") UUID id,
            @BeanParam @Valid PageParams page) {
        return discussions.comments(caller.get(), initiative, id, page.limit, page.cursor)
                .map(p -> new Page<>(p.items().stream().map(CommentDto::of).toList(), p.next()));
    }

    @POST
    @Path("/{threadId}/comments")
    @Operation(summary = "Comment, or reply to a comment", description = "Partner members and staff; on a locked or "
            + "resolved thread staff alone. People @mentioned who may read the thread are told.")
    @APIResponse(responseCode = "201", description = "Posted")
    @APIResponse(responseCode = "403", description = "An observer")
    @APIResponse(responseCode = "404", description = "No such thread, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "The thread is locked or resolved")
    @APIResponse(responseCode = "422", description = "No body, one too long, or a parentId that is no comment of the thread")
    public Uni<Response> post(@PathParam("initiativeId") UUID initiative, @PathParam("threadId") UUID id,
            @NotNull @Valid CommentRequest request) {
        return discussions.post(caller.get(), initiative, id, request.parentId(), request.body())
                .map(c -> Response.created(URI.create("/v1/initiatives/" + initiative + "/threads/" + id + "/comments/" + c.id()))
                        .tag(ETags.of(c.version())).entity(CommentDto.of(c)).build());
    }

    @PUT
    @Path("/{threadId}/comments/{commentId}")
    @Operation(summary = "Edit a comment", description = "Its author only; what it said before is kept as a version.")
    @APIResponse(responseCode = "200", description = "Edited")
    @APIResponse(responseCode = "403", description = "Not its author")
    @APIResponse(responseCode = "404", description = "No such comment, or not one the caller may read")
    @APIResponse(responseCode = "409", description = "The comment was deleted")
    @APIResponse(responseCode = "412", description = "Changed since it was read")
    @APIResponse(responseCode = "422", description = "No body, or one too long")
    public Uni<Response> edit(@PathParam("initiativeId") UUID initiative, @PathParam("threadId") UUID id,
            @PathParam("commentId") UUID comment, @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @NotNull @Valid EditRequest request) {
        return discussions.edit(caller.get(), initiative, id, comment, ifMatch, request.body())
                .map(c -> Response.ok(CommentDto.of(c)).tag(ETags.of(c.version())).build());
    }

    @GET
    @Path("/{threadId}/comments/{commentId}/versions")
    @Operation(summary = "What a comment said before each edit", description = "Oldest first; none once it is deleted.")
    @APIResponse(responseCode = "200", description = "The earlier versions")
    @APIResponse(responseCode = "404", description = "No such comment, or not one the caller may read")
    public Uni<List<CommentVersion>> versions(@PathParam("initiativeId") UUID initiative, @PathParam("threadId") UUID id,
            @PathParam("commentId") UUID comment) {
        return discussions.versions(caller.get(), initiative, id, comment).map(rows -> rows.stream()
                .map(v -> new CommentVersion(v.version(), v.bodyMarkdown(), v.writtenAt())).toList());
    }

    @DELETE
    @Path("/{threadId}/comments/{commentId}")
    @Operation(summary = "Delete a comment", description = "Its author or staff; it keeps its place without its text or versions.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Neither its author nor staff")
    @APIResponse(responseCode = "404", description = "No such comment, or not one the caller may read")
    public Uni<Response> delete(@PathParam("initiativeId") UUID initiative, @PathParam("threadId") UUID id,
            @PathParam("commentId") UUID comment) {
        return discussions.delete(caller.get(), initiative, id, comment).map(v -> Response.noContent().build());
    }
}
