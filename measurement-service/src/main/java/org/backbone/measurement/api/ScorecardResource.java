package org.backbone.measurement.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.backbone.kit.security.CurrentCaller;
import org.backbone.measurement.service.ProgressService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/initiatives/{initiativeId}/scorecard")
@Tag(name = "Values and progress")
@Authenticated
public class ScorecardResource {

    private final ProgressService progress;
    private final CurrentCaller caller;

    ScorecardResource(ProgressService progress, CurrentCaller caller) {
        this.progress = progress;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Every active indicator and where it stands", description = "For each indicator the latest "
            + "period with approved data: value, target, status and trend; NO_DATA when nothing is reported yet.")
    public Uni<List<ProgressService.ScorecardLine>> scorecard(@PathParam("initiativeId") UUID initiativeId) {
        return progress.scorecard(caller.get(), initiativeId);
    }
}
