package org.backbone.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.gateway.proxy.ApiProxy;
import org.backbone.gateway.proxy.Correlation;
import org.backbone.gateway.proxy.Downstreams;
import org.backbone.kit.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One call for the picture backbone staff and partners start from: the agenda in force with its
 * goal tree, the partners by sector and the scorecard, fetched from their services in parallel.
 * A part whose service is unavailable is left out and named in {@code warnings}; the caller's own
 * rights are checked by each service (a 404 for the initiative is the answer as a whole).
 */
@Path("/api/v1/initiatives/{initiativeId}/dashboard")
@Tag(name = "Dashboard", description = "Composed views: one call for what several services know")
@Authenticated
public class DashboardResource {

    private final Downstreams downstreams;
    private final ObjectMapper json;

    DashboardResource(Downstreams downstreams, ObjectMapper json) {
        this.downstreams = downstreams;
        this.json = json;
    }

    /** One part of the dashboard as its service answered, or why it is missing. */
    private record Part(String name, int status, JsonNode body, String warning) {
        boolean ok() {
            return warning == null && status / 100 == 2 && body != null;
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An initiative at a glance", description = "The agenda in force (vision, mission, ratified "
            + "version, goal tree), the current partners by sector, the scorecard and the coverage summary (open gaps and "
            + "overlaps by goal). When a service is unavailable "
            + "its part is missing and `warnings` says which and why.")
    @APIResponse(responseCode = "200", description = "The dashboard, possibly with warnings")
    @APIResponse(responseCode = "404", description = "No such initiative, or not one the caller may see")
    public Uni<Response> dashboard(@PathParam("initiativeId") UUID initiativeId, @Context RoutingContext context) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", context.request().getHeader("Authorization"))
                .add("Accept", MediaType.APPLICATION_JSON);
        Correlation correlation = ApiProxy.correlation(context);
        headers.add(Correlation.TRACEPARENT, correlation.traceparent()).add(Correlation.REQUEST_ID, correlation.requestId());
        String base = "/v1/initiatives/" + initiativeId;
        return Uni.combine().all().unis(
                        part("initiative", "agenda", base, headers),
                        part("agenda", "agenda", base + "/agenda", headers),
                        part("partners", "agenda", base + "/partners", headers),
                        part("scorecard", "measurement", base + "/scorecard", headers),
                        part("coverage", "activity", base + "/coverage", headers))
                .with(Part.class, parts -> compose(initiativeId, parts));
    }

    private Uni<Part> part(String name, String service, String path, MultiMap headers) {
        return UniHelper.toUni(downstreams.call(service, HttpMethod.GET, path, headers, null))
                .map(answer -> part(name, service, answer))
                .onFailure(Downstreams.Unavailable.class)
                .recoverWithItem(failure -> new Part(name, 0, null, failure.getMessage()));
    }

    private Part part(String name, String service, Downstreams.Answer answer) {
        if (answer.stream() != null) {
            // a view is composed from whole answers: a stream is not one, and its connection is let go
            answer.stream().request().reset();
        }
        JsonNode body = read(answer);
        String warning = answer.status() >= 500 ? service + " answered " + answer.status()
                : answer.status() / 100 == 2 && body == null ? service + " answered without a JSON body" : null;
        return new Part(name, answer.status(), body, warning);
    }

    private JsonNode read(Downstreams.Answer answer) {
        try {
            return answer.body() == null || answer.body().length() == 0 ? null : json.readTree(answer.body().getBytes());
        } catch (IOException e) {
            return null;
        }
    }

    private Response compose(UUID initiativeId, List<Part> parts) {
        Part initiative = parts.get(0);
        // the caller may not see the initiative (or it does not exist): that is the answer, not a warning
        // agenda-service decides whether the caller may see the initiative; the other services may only lag behind it
        for (Part part : parts.subList(0, 3)) {
            if (part.warning() == null && part.status() >= 400 && part.status() < 500) {
                return Response.status(part.status()).type(Problem.MEDIA_TYPE).entity(part.body()).build();
            }
        }
        ObjectNode dashboard = json.createObjectNode().put("initiativeId", initiativeId.toString());
        ArrayNode warnings = json.createArrayNode();
        if (initiative.ok()) {
            JsonNode body = initiative.body();
            dashboard.set("name", body.get("name"));
            dashboard.set("vision", body.get("vision"));
            dashboard.set("mission", body.get("mission"));
            dashboard.set("ratifiedVersion", body.get("currentVersion"));
        }
        Part agenda = parts.get(1);
        if (agenda.ok()) {
            JsonNode current = agenda.body().path("current");
            dashboard.set("goalTree", goalTree(current.path("content").path("goals")));
        }
        Part partners = parts.get(2);
        if (partners.ok()) {
            Map<String, ArrayNode> bySector = new LinkedHashMap<>();
            partners.body().forEach(p -> bySector.computeIfAbsent(p.path("sector").asText("UNKNOWN"),
                    k -> json.createArrayNode()).add(p));
            ObjectNode sectors = json.createObjectNode();
            bySector.forEach(sectors::set);
            dashboard.set("partnersBySector", sectors);
        }
        Part scorecard = parts.get(3);
        if (scorecard.ok()) {
            dashboard.set("scorecard", scorecard.body());
        }
        Part coverage = parts.get(4);
        if (coverage.ok()) {
            dashboard.set("coverage", coverage.body());
        }
        for (Part part : parts) {
            if (!part.ok()) {
                String detail = part.warning() != null ? part.warning()
                        : "answered " + part.status() + " (it has not caught up with the initiative yet)";
                warnings.add(json.createObjectNode().put("part", part.name()).put("detail", detail));
            }
        }
        dashboard.set("warnings", warnings);
        return Response.ok(dashboard).build();
    }

    /** The agenda's goals (a flat list with parent ids) as a tree. */
    private ArrayNode goalTree(JsonNode goals) {
        Map<String, List<ObjectNode>> children = new LinkedHashMap<>();
        List<ObjectNode> roots = new ArrayList<>();
        goals.forEach(goal -> {
            ObjectNode copy = goal.deepCopy();
            String parent = goal.path("parentId").asText(null);
            (parent == null ? roots : children.computeIfAbsent(parent, k -> new ArrayList<>())).add(copy);
        });
        ArrayNode tree = json.createArrayNode();
        roots.forEach(root -> tree.add(withChildren(root, children)));
        return tree;
    }

    private ObjectNode withChildren(ObjectNode goal, Map<String, List<ObjectNode>> children) {
        ArrayNode nested = json.createArrayNode();
        children.getOrDefault(goal.path("id").asText(), List.of()).forEach(child -> nested.add(withChildren(child, children)));
        goal.set("children", nested);
        return goal;
    }
}
