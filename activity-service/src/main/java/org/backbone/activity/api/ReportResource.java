package org.backbone.activity.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.backbone.activity.domain.ReachReports;
import org.backbone.activity.service.ReportService;
import org.backbone.kit.http.ETags;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/initiatives/{initiativeId}/activities/{activityId}/reports")
@Tag(name = "Reach reports", description = "What an activity reached, per calendar quarter: its outputs. A caller "
        + "outside the initiative gets 404.")
@Authenticated
public class ReportResource {

    private final ReportService reports;
    private final CurrentCaller caller;

    ReportResource(ReportService reports, CurrentCaller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The activity's quarters", description = "Every report, and every ended quarter since the "
            + "actual start without one (DUE), latest first.")
    @APIResponse(responseCode = "200", description = "The quarters")
    @APIResponse(responseCode = "404", description = "No such activity in an initiative the caller may see")
    public Uni<List<Dtos.Report>> list(@PathParam("initiativeId") UUID initiative, @PathParam("activityId") UUID activity) {
        return reports.list(caller.get(), initiative, activity).map(q -> q.stream().map(Views::of).toList());
    }

    @POST
    @Operation(summary = "Report a quarter's reach", description = "Staff, or a partner implementing or accountable "
            + "for the activity. Submitting again replaces a report until staff accept it.")
    @APIResponse(responseCode = "200", description = "Submitted")
    @APIResponse(responseCode = "403", description = "Observer, or a partner not responsible for the activity")
    @APIResponse(responseCode = "404", description = "No such activity in an initiative the caller may see")
    @APIResponse(responseCode = "409", description = "The activity has not started, or the quarter's report is accepted")
    @APIResponse(responseCode = "422", description = "Not a quarter it ran in, or lines outside its groups and places")
    public Uni<Response> submit(@PathParam("initiativeId") UUID initiative, @PathParam("activityId") UUID activity,
            @NotNull @Valid Dtos.ReportBody body) {
        return reports.submit(caller.get(), initiative, activity, body.period(), body.lines().stream()
                        .map(l -> new ReachReports.Line(l.targetGroup(), l.location(), l.reached())).toList(), body.narrative())
                .map(r -> Response.ok(Views.of(r)).tag(ETags.of(r.version)).build());
    }

    @POST
    @Path("/{reportId}/review")
    @Operation(summary = "Accept a report or send it back", description = "Backbone staff; `If-Match` optional.")
    @APIResponse(responseCode = "200", description = "Reviewed")
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such report of the activity")
    @APIResponse(responseCode = "409", description = "The report is not SUBMITTED")
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    @APIResponse(responseCode = "422", description = "Sent back without a comment")
    public Uni<Response> review(@PathParam("initiativeId") UUID initiative, @PathParam("activityId") UUID activity,
            @PathParam("reportId") UUID report, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Dtos.ReviewBody body) {
        return reports.review(caller.get(), initiative, activity, report, ifMatch, body.status(), body.comment())
                .map(r -> Response.ok(Views.of(r)).tag(ETags.of(r.version)).build());
    }
}
