package org.backbone.measurement.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.http.Idempotency;
import org.backbone.kit.problem.Problem;
import org.backbone.kit.problem.ProblemType;
import org.backbone.kit.security.CurrentCaller;
import org.backbone.measurement.api.ValueDtos.BatchRequest;
import org.backbone.measurement.api.ValueDtos.BatchResult;
import org.backbone.measurement.domain.Progress;
import org.backbone.measurement.service.ProgressService;
import org.backbone.measurement.service.SubmissionService;
import org.backbone.measurement.service.ValueService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/initiatives/{initiativeId}/indicators/{indicatorId}")
@Tag(name = "Values and progress", description = "Partner data for an indicator, and progress against its targets")
@Authenticated
public class ValueResource {

    private final ValueService values;
    private final ProgressService progress;
    private final CurrentCaller caller;
    private final Idempotency idempotency;

    ValueResource(ValueService values, ProgressService progress, CurrentCaller caller, Idempotency idempotency) {
        this.values = values;
        this.progress = progress;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Path("/values")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a batch of values", description = "Up to 10,000 values for one organisation: a "
            + "partner for its own, backbone staff on a partner's behalf (with `organisationId`). Good values are "
            + "stored even when others are rejected; the answer lists each rejected value with the field and reason. "
            + "Resubmitting a value for the same period and dimension values replaces it; its history is kept.")
    @APIResponse(responseCode = "200", description = "At least one value stored; rejections listed")
    @APIResponse(responseCode = "409", description = "The period is locked")
    @APIResponse(responseCode = "422", description = "No value could be stored; `errors` names each value's fault")
    public Uni<Response> submit(@PathParam("initiativeId") UUID initiativeId, @PathParam("indicatorId") UUID indicatorId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @NotNull @Valid BatchRequest batch) {
        String path = path(initiativeId, indicatorId);
        return idempotency.once(idempotencyKey, caller.get(), "POST", path, batch,
                () -> values.submit(caller.get(), initiativeId, indicatorId, batch.organisationId(), Views.entries(batch))
                        .map(outcome -> answer(outcome, path, "values[%d].")));
    }

    @POST
    @Path("/values")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Upload values as CSV", description = "The columns of the template (`GET …/values/template`): "
            + "period, value (or numerator and denominator), one column per dimension, comment. A bad row does not "
            + "sink the file: the answer reports each rejected row by its line, with the field and reason.")
    @APIResponse(responseCode = "200", description = "At least one row stored; rejected rows listed by line")
    public Uni<Response> upload(@PathParam("initiativeId") UUID initiativeId, @PathParam("indicatorId") UUID indicatorId,
            @QueryParam("organisationId") UUID organisationId, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull String csv) {
        String path = path(initiativeId, indicatorId);
        return idempotency.once(idempotencyKey, caller.get(), "POST", path + "?csv&organisationId=" + organisationId, csv,
                () -> values.submitCsv(caller.get(), initiativeId, indicatorId, organisationId, csv)
                        .map(outcome -> answer(outcome, path, "rows[%d].")));
    }

    @GET
    @Path("/values/template")
    @Produces("text/csv")
    @Operation(summary = "A CSV template for this indicator", description = "The header row an upload expects.")
    public Uni<Response> template(@PathParam("initiativeId") UUID initiativeId, @PathParam("indicatorId") UUID indicatorId) {
        return values.csvTemplate(caller.get(), initiativeId, indicatorId).map(csv -> Response.ok(csv, "text/csv")
                .header("Content-Disposition", "attachment; filename=\"values-template.csv\"").build());
    }

    private static String path(UUID initiativeId, UUID indicatorId) {
        return "/v1/initiatives/" + initiativeId + "/indicators/" + indicatorId + "/values";
    }

    /** 200 with the outcome; when nothing could be stored 409 (all locked) or 422, naming each item's fault. */
    private static Response answer(SubmissionService.Outcome outcome, String path, String itemField) {
        if (outcome.accepted() > 0) {
            return Response.ok(new BatchResult(outcome.batchId(), outcome.accepted(), outcome.rejected())).build();
        }
        boolean allLocked = !outcome.rejected().isEmpty()
                && outcome.rejected().stream().allMatch(r -> r.kind() == FieldProblem.Kind.CONFLICT);
        ProblemType type = allLocked ? ProblemType.CONFLICT : ProblemType.VALIDATION_FAILED;
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(new Problem(type.uri(), type.title(),
                type.status(), allLocked ? "the period is locked" : "nothing could be stored", URI.create(path),
                outcome.rejected().stream().limit(1000).map(r -> new FieldProblem(
                        String.format(itemField, r.index()) + r.field(), r.reason())).toList())).build();
    }

    @GET
    @Path("/comparison")
    @Operation(summary = "Partners side by side for a period", description = "Each partner's approved total. Backbone "
            + "staff see every partner by name; others see names for SHARED indicators, and for BACKBONE_ONLY ones "
            + "their own values beside anonymised others.")
    public Uni<List<ProgressService.PartnerFigure>> comparison(@PathParam("initiativeId") UUID initiativeId,
            @PathParam("indicatorId") UUID indicatorId, @QueryParam("period") @NotNull String period) {
        return progress.comparison(caller.get(), initiativeId, indicatorId, period);
    }

    @GET
    @Path("/progress")
    @Operation(summary = "Progress period by period", description = "Aggregate of the partners' approved values, the "
            + "target (explicit, or on the line from the baseline to the next target), share of the way, status "
            + "(ON_TRACK ≥ 95 % of the way, AT_RISK ≥ 80 %, OFF_TRACK below; ACHIEVED at the final target; NO_DATA "
            + "without a value or a target) and trend. `dimension=region` adds the breakdown by region.")
    public Uni<Progress> progress(@PathParam("initiativeId") UUID initiativeId, @PathParam("indicatorId") UUID indicatorId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("dimension") String dimension) {
        return progress.progress(caller.get(), initiativeId, indicatorId, from, to, dimension);
    }
}
