package org.backbone.activity.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.backbone.activity.domain.VocabularyKind;
import org.backbone.activity.persistence.Vocabularies;
import org.backbone.activity.service.FindingService;
import org.backbone.activity.service.VocabularyService;
import org.backbone.kit.http.ETags;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What coverage is measured against: the vocabularies and the coverage plan, and the coverage summary. */
@Path("/v1/initiatives/{initiativeId}")
@Tag(name = "Coverage plan", description = "Vocabularies (locations, target groups, activity types) and the "
        + "coverage level and period. Staff maintain them; every reader of the initiative reads them.")
@Authenticated
public class PlanResource {

    private final VocabularyService vocabularies;
    private final FindingService findings;
    private final CurrentCaller caller;
    private final Validator validator;

    PlanResource(VocabularyService vocabularies, FindingService findings, CurrentCaller caller, Validator validator) {
        this.vocabularies = vocabularies;
        this.findings = findings;
        this.caller = caller;
        this.validator = validator;
    }

    @GET
    @Path("/vocabularies/{kind}")
    @Produces("text/csv")
    @Operation(summary = "Get a vocabulary as CSV", description = "With `Accept: text/csv`: columns code, parent, "
            + "label, in the vocabulary's order, with its ETag.")
    @APIResponse(responseCode = "200", description = "The vocabulary as CSV", content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "404", description = "No such vocabulary kind, or an initiative the caller may not see")
    public Uni<Response> vocabularyCsv(@PathParam("initiativeId") UUID initiative, @PathParam("kind") String kind) {
        return vocabularies.get(caller.get(), initiative, kind(kind))
                .map(v -> Response.ok(VocabularyCsv.write(v), "text/csv").tag(ETags.of(v.version())).build());
    }

    @PUT
    @Path("/vocabularies/{kind}")
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a vocabulary from CSV", description = "As the JSON replacement, with a body of "
            + "columns code, parent (optional) and label; every faulty row is named as rows[line].column.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = Dtos.Vocabulary.class)))
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such vocabulary kind, or an initiative the caller may not see")
    @APIResponse(responseCode = "409", description = "Activities still use codes it would drop")
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    @APIResponse(responseCode = "422", description = "Not CSV, faulty rows, duplicate codes, unknown parents, a cycle")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Uni<Response> replaceCsv(@PathParam("initiativeId") UUID initiative, @PathParam("kind") String kind,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull String csv) {
        VocabularyKind which = kind(kind);
        return vocabularies.replace(caller.get(), initiative, which, ifMatch, VocabularyCsv.read(csv, validator))
                .map(v -> Response.ok(Views.of(v)).tag(ETags.of(v.version())).build());
    }

    @GET
    @Path("/vocabularies/{kind}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a vocabulary", description = "`kind`: locations, target-groups or activity-types.")
    @APIResponse(responseCode = "200", description = "The vocabulary in its order, with its ETag", content = @Content(schema = @Schema(implementation = Dtos.Vocabulary.class)))
    @APIResponse(responseCode = "404", description = "No such vocabulary kind, or an initiative the caller may not see")
    public Uni<Response> vocabulary(@PathParam("initiativeId") UUID initiative, @PathParam("kind") String kind) {
        return vocabularies.get(caller.get(), initiative, kind(kind))
                .map(v -> Response.ok(Views.of(v)).tag(ETags.of(v.version())).build());
    }

    @PUT
    @Path("/vocabularies/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a vocabulary", description = "Backbone staff, with `If-Match` (\"0\" for one never "
            + "written). Trees need known parents and no cycles; codes activities use must stay. Findings are recomputed.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = Dtos.Vocabulary.class)))
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such vocabulary kind, or an initiative the caller may not see")
    @APIResponse(responseCode = "409", description = "Activities still use codes it would drop")
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    @APIResponse(responseCode = "422", description = "Duplicate codes, unknown parents, a cycle")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Uni<Response> replace(@PathParam("initiativeId") UUID initiative, @PathParam("kind") String kind,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid Dtos.VocabularyBody body) {
        List<Vocabularies.Entry> entries = body.entries().stream()
                .map(e -> new Vocabularies.Entry(e.code(), e.parent(), e.label())).toList();
        return vocabularies.replace(caller.get(), initiative, kind(kind), ifMatch, entries)
                .map(v -> Response.ok(Views.of(v)).tag(ETags.of(v.version())).build());
    }

    @GET
    @Path("/coverage/settings")
    @Operation(summary = "Get the coverage plan")
    @APIResponse(responseCode = "200", description = "Level, period and boundaries, with the ETag (\"0\" before the first)", content = @Content(schema = @Schema(implementation = Dtos.Settings.class)))
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may see")
    public Uni<Response> settings(@PathParam("initiativeId") UUID initiative) {
        return vocabularies.settings(caller.get(), initiative)
                .map(s -> Response.ok(Views.of(s)).tag(ETags.of(s.version())).build());
    }

    @PUT
    @Path("/coverage/settings")
    @Operation(summary = "Set the coverage plan", description = "Backbone staff, with `If-Match`. Findings are recomputed.")
    @APIResponse(responseCode = "200", description = "Set", content = @Content(schema = @Schema(implementation = Dtos.Settings.class)))
    @APIResponse(responseCode = "403", description = "Not backbone staff")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may see")
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    @APIResponse(responseCode = "422", description = "Not a period code, no location at that level, unknown boundary")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Uni<Response> configure(@PathParam("initiativeId") UUID initiative,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid Dtos.SettingsBody body) {
        return vocabularies.configure(caller.get(), initiative, ifMatch, body.coverageLevel(), body.period(),
                        body.boundaries() == null ? List.of() : List.copyOf(body.boundaries()))
                .map(s -> Response.ok(Views.of(s)).tag(ETags.of(s.version())).build());
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "The coverage summary", description = "The plan and the open gaps and overlaps per goal and kind.")
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(schema = @Schema(implementation = Dtos.Coverage.class)))
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may see")
    public Uni<Dtos.Coverage> coverage(@PathParam("initiativeId") UUID initiative) {
        return vocabularies.settings(caller.get(), initiative).chain(settings -> findings.summary(caller.get(), initiative)
                .map(counts -> new Dtos.Coverage(Views.of(settings), counts.stream()
                        .map(c -> new Dtos.CoverageCount(c.goalId(), c.kind(), c.open())).toList())));
    }

    private static VocabularyKind kind(String path) {
        return VocabularyKind.ofPath(path).orElseThrow(() -> ProblemException.notFound("vocabulary " + path));
    }
}
