package org.backbone.activity.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.DELETE;
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
import java.util.UUID;
import org.backbone.activity.domain.ActivityStatus;
import org.backbone.activity.domain.Transition;
import org.backbone.activity.persistence.ActivityEntity;
import org.backbone.activity.service.ActivityService;
import org.backbone.kit.domain.Period;
import org.backbone.kit.http.ETags;
import org.backbone.kit.http.Idempotency;
import org.backbone.kit.paging.Page;
import org.backbone.kit.paging.PageParams;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/initiatives/{initiativeId}/activities")
@Tag(name = "Activities", description = "Who does what, where and when, for which goal. A caller outside the "
        + "initiative gets 404.")
@Authenticated
public class ActivityResource {

    private final ActivityService activities;
    private final CurrentCaller caller;
    private final Idempotency idempotency;
    private final Validator validator;

    ActivityResource(ActivityService activities, CurrentCaller caller, Idempotency idempotency, Validator validator) {
        this.activities = activities;
        this.caller = caller;
        this.idempotency = idempotency;
        this.validator = validator;
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import activities from CSV", description = "One activity a row, in the columns of the "
            + "export (lists inside a cell separated by `;`; see the service README), at most 5,000 rows. Each row is "
            + "checked as a registration is; every row becomes a new PLANNED activity. All or nothing unless "
            + "`partial=true`; `dryRun=true` checks and writes nothing. The answer reports every refused row by "
            + "its line.")
    @APIResponse(responseCode = "200", description = "Imported, or checked on a dry run; refused rows listed by line",
            content = @Content(schema = @Schema(implementation = Dtos.ImportReport.class)))
    @APIResponse(responseCode = "403", description = "Observer")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may see")
    @APIResponse(responseCode = "422", description = "Not CSV, unknown columns, a refused row "
            + "without partial, or no row that can go in: `errors` names each as rows[line].field")
    public Uni<Response> importCsv(@PathParam("initiativeId") UUID initiative,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("partial") @DefaultValue("false") boolean partial,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @NotNull String csv) {
        String path = "/v1/initiatives/" + initiative + "/activities/import";
        return idempotency.once(idempotencyKey, caller.get(), "POST", path + "?dryRun=" + dryRun + "&partial=" + partial,
                csv, () -> {
                    ActivityCsv.Parsed parsed = ActivityCsv.read(csv, validator);
                    return activities.importRows(caller.get(), initiative, parsed.rows(), parsed.read().stream()
                                    .map(r -> new ActivityService.ImportRow(r.line(), r.draft())).toList(),
                            parsed.unreadable(), dryRun, partial)
                            .map(o -> Response.ok(new Dtos.ImportReport(dryRun, partial, o.rows(), o.accepted(),
                                    o.imported(), o.rejected().stream().map(r -> new Dtos.RowProblem(r.line(), r.field(),
                                            r.message())).toList())).build());
                });
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", "text/plain"})
    @Operation(summary = "Export the 3W", description = "`format=csv` (default): one row per activity in the import's "
            + "columns, budgets only where the caller may see them. `format=hxl`: the HXL-tagged 3W, one row per "
            + "activity and place (#org+impl, #sector, #activity, #adm1+code, #date+start, #date+end, #status, "
            + "#targeted, #reached), without budgets.")
    @APIResponse(responseCode = "200", description = "The CSV", content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may see")
    public Uni<Response> export(@PathParam("initiativeId") UUID initiative,
            @QueryParam("format") @DefaultValue("csv")
            @Parameter(schema = @Schema(enumeration = {"csv", "hxl"}, defaultValue = "csv")) String format) {
        if (!format.equals("csv") && !format.equals("hxl")) {
            throw ProblemException.invalid("format", "must be csv or hxl");
        }
        Caller who = caller.get();
        return activities.export(who, initiative).map(e -> Response.ok(format.equals("hxl")
                        ? ActivityCsv.hxl(e.activities(), e.names(), e.reachedByPlace())
                        : ActivityCsv.csv(e.activities(), a -> ActivityService.seesBudget(who, a)), "text/csv")
                .header("Content-Disposition", "attachment; filename=\"activities-" + format + ".csv\"")
                .build());
    }

    @POST
    @Operation(summary = "Register an activity", description = "Backbone staff, or a partner whose organisation "
            + "implements it or is accountable for it. It starts PLANNED; its findings are reassessed at once.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = Dtos.Activity.class)))
    @APIResponse(responseCode = "403", description = "Observer, or a partner not implementing or accountable")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may see")
    @APIResponse(responseCode = "422", description = "Unknown codes or goals, no implementing partner, end before start")
    public Uni<Response> register(@PathParam("initiativeId") UUID initiative,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @NotNull @Valid Dtos.ActivityBody body) {
        return idempotency.once(idempotencyKey, caller.get(), "POST", "/v1/initiatives/" + initiative + "/activities",
                body, () -> activities.register(caller.get(), initiative, Views.draft(body))
                        .map(a -> Response.created(URI.create("/v1/initiatives/" + initiative + "/activities/" + a.id))
                                .tag(ETags.of(a.version)).entity(view(a)).build()));
    }

    @GET
    @Operation(summary = "List activities", description = "Filtered by goal, partner, status, location, target "
            + "group, period or text; by title, cursor-paged. Budgets only for staff and each activity's organisations.")
    @APIResponse(responseCode = "200", description = "A page of activities")
    @APIResponse(responseCode = "422", description = "period is not a period code")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may see")
    public Uni<Page<Dtos.Activity>> list(@PathParam("initiativeId") UUID initiative, @QueryParam("goal") UUID goal,
            @QueryParam("partner") UUID partner, @QueryParam("status") ActivityStatus status,
            @QueryParam("location") String location, @QueryParam("targetGroup") String targetGroup,
            @QueryParam("period") @Parameter(description = "A DHIS2 period code (2025Sep, 2026Q1, 2026): activities "
                    + "running on at least one of its days") String period,
            @QueryParam("q") String q, @BeanParam @Valid PageParams page) {
        Period during = period == null ? null : Period.parseAny(period)
                .orElseThrow(() -> ProblemException.invalid("period", "must be a DHIS2 period code such as 2025Sep or 2026Q1"));
        return activities.list(caller.get(), initiative,
                        new ActivityService.Filter(goal, partner, status, location, targetGroup, during, q), page.limit,
                        page.cursor)
                .map(result -> new Page<>(result.items().stream().map(this::view).toList(), result.next()));
    }

    @GET
    @Path("/{activityId}")
    @Operation(summary = "Get an activity")
    @APIResponse(responseCode = "200", description = "The activity, with its ETag", content = @Content(schema = @Schema(implementation = Dtos.Activity.class)))
    @APIResponse(responseCode = "404", description = "No such activity in an initiative the caller may see")
    public Uni<Response> get(@PathParam("initiativeId") UUID initiative, @PathParam("activityId") UUID id) {
        return activities.get(caller.get(), initiative, id)
                .map(a -> Response.ok(view(a)).tag(ETags.of(a.version)).build());
    }

    @PUT
    @Path("/{activityId}")
    @Operation(summary = "Change an activity", description = "With `If-Match`; the status moves through `transitions`.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = Dtos.Activity.class)))
    @APIResponse(responseCode = "403", description = "Not staff, nor a partner implementing or accountable before and after")
    @APIResponse(responseCode = "404", description = "No such activity in an initiative the caller may see")
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    @APIResponse(responseCode = "422", description = "Invalid activity")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Uni<Response> update(@PathParam("initiativeId") UUID initiative, @PathParam("activityId") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid Dtos.ActivityBody body) {
        return activities.update(caller.get(), initiative, id, ifMatch, Views.draft(body))
                .map(a -> Response.ok(view(a)).tag(ETags.of(a.version)).build());
    }

    @POST
    @Path("/{activityId}/transitions")
    @Operation(summary = "Move an activity to another status", description = "PLANNED → ONGOING ↔ SUSPENDED → "
            + "COMPLETED; CANCELLED from any but COMPLETED. `If-Match` optional.")
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = Dtos.Activity.class)))
    @APIResponse(responseCode = "403", description = "Not staff, nor a partner implementing or accountable")
    @APIResponse(responseCode = "404", description = "No such activity in an initiative the caller may see")
    @APIResponse(responseCode = "409", description = "Not a move from its status; the detail lists the allowed ones")
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    @APIResponse(responseCode = "422", description = "The move lacks its actual date or reason")
    public Uni<Response> transition(@PathParam("initiativeId") UUID initiative, @PathParam("activityId") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid Dtos.TransitionBody body) {
        return activities.transition(caller.get(), initiative, id, ifMatch,
                        new Transition(body.status(), body.reason(), body.actualStart(), body.actualEnd()))
                .map(a -> Response.ok(view(a)).tag(ETags.of(a.version)).build());
    }

    @DELETE
    @Path("/{activityId}")
    @Operation(summary = "Delete a planned activity", description = "Only PLANNED ones; cancel the others.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not staff, nor a partner implementing or accountable")
    @APIResponse(responseCode = "404", description = "No such activity in an initiative the caller may see")
    @APIResponse(responseCode = "409", description = "Not PLANNED")
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    public Uni<Response> delete(@PathParam("initiativeId") UUID initiative, @PathParam("activityId") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return activities.delete(caller.get(), initiative, id, ifMatch).replaceWith(Response.noContent().build());
    }

    private Dtos.Activity view(ActivityEntity a) {
        return Views.of(a, ActivityService.seesBudget(caller.get(), a));
    }
}
