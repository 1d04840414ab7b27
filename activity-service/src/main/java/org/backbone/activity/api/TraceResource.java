package org.backbone.activity.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.backbone.activity.service.TraceService;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/initiatives/{initiativeId}")
@Tag(name = "Alignment", description = "How activities, goals and indicators connect, for dashboards. A caller "
        + "outside the initiative gets 404.")
@Authenticated
public class TraceResource {

    private final TraceService trace;
    private final CurrentCaller caller;

    TraceResource(TraceService trace, CurrentCaller caller) {
        this.trace = trace;
        this.caller = caller;
    }

    @GET
    @Path("/activities/{activityId}/trace")
    @Operation(summary = "An activity's goals up to the root, and the indicators on them with their latest status")
    @APIResponse(responseCode = "200", description = "The trace")
    @APIResponse(responseCode = "404", description = "No such activity in an initiative the caller may see")
    public Uni<TraceService.Trace> trace(@PathParam("initiativeId") UUID initiative,
            @PathParam("activityId") UUID activity) {
        return trace.trace(caller.get(), initiative, activity);
    }

    @GET
    @Path("/goals/{goalId}/contributors")
    @Operation(summary = "Every activity and partner serving a goal or a goal below it")
    @APIResponse(responseCode = "200", description = "The contributors")
    @APIResponse(responseCode = "404", description = "No such active goal in an initiative the caller may see")
    public Uni<TraceService.Contributors> contributors(@PathParam("initiativeId") UUID initiative,
            @PathParam("goalId") UUID goal) {
        return trace.contributors(caller.get(), initiative, goal);
    }

    @GET
    @Path("/alignment")
    @Operation(summary = "Goal × partner and goal × location", description = "Per goal and partner: activities by "
            + "status, planned reach, commitments; per leaf goal and coverage-level location: activities and open gaps.")
    @APIResponse(responseCode = "200", description = "The matrices")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may see")
    public Uni<TraceService.Alignment> alignment(@PathParam("initiativeId") UUID initiative) {
        return trace.alignment(caller.get(), initiative);
    }
}
