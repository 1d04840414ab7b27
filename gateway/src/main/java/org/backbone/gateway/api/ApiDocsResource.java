package org.backbone.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.backbone.gateway.config.GatewayConfig;
import org.backbone.gateway.openapi.OpenApiMerger;
import org.backbone.gateway.proxy.Downstreams;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/openapi}: one OpenAPI document for the whole API, merged from the services' own
 * documents (only the paths the gateway routes to each) and the gateway's resources. Cached for a
 * minute once every service has answered; Swagger UI at {@code /api/docs} reads it.
 */
@Path("/api/openapi")
public class ApiDocsResource {

    private static final Duration FRESH = Duration.ofMinutes(1);
    private static final String OWN_DOCUMENT = "META-INF/quarkus-generated-openapi-doc.JSON";

    private final Downstreams downstreams;
    private final GatewayConfig config;
    private final ObjectMapper json;
    private volatile ObjectNode cached;
    private volatile Instant cachedAt = Instant.MIN;

    ApiDocsResource(Downstreams downstreams, GatewayConfig config, ObjectMapper json) {
        this.downstreams = downstreams;
        this.config = config;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    // not part of the API it describes
    @Operation(hidden = true)
    public Uni<JsonNode> document() {
        ObjectNode fresh = cached;
        if (fresh != null && cachedAt.plus(FRESH).isAfter(Instant.now())) {
            return Uni.createFrom().item(fresh);
        }
        List<String> services = new ArrayList<>(config.services().keySet());
        List<Uni<JsonNode>> documents = services.stream().map(service -> UniHelper.toUni(downstreams
                .call(service, HttpMethod.GET, "/q/openapi?format=json", MultiMap.caseInsensitiveMultiMap()
                        .add("Accept", MediaType.APPLICATION_JSON), null))
                .map(answer -> answer.status() == 200 ? parse(answer.body().getBytes()) : null)
                .onFailure().recoverWithItem((JsonNode) null)).toList();
        return Uni.join().all(documents).andCollectFailures().map(answers -> {
            OpenApiMerger merger = new OpenApiMerger(json, "Backbone API", "One API for a collective impact initiative: "
                    + "agenda, shared measurement and the gateway's composed views. Every call needs a bearer token "
                    + "from the Backbone realm; errors are RFC 9457 problem details.", "v1");
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                String service = services.get(i);
                if (answers.get(i) == null) {
                    missing.add(service);
                } else {
                    merger.add(service, answers.get(i), "/api", path -> routedTo(service, path));
                }
            }
            JsonNode own = ownDocument();
            if (own != null) {
                merger.add("gateway", own, "", path -> path.startsWith("/api/v1/"));
            }
            ObjectNode document = merger.document();
            if (missing.isEmpty()) {
                cached = document;
                cachedAt = Instant.now();
            } else {
                document.putPOJO("x-missing-services", missing);
            }
            return document;
        });
    }

    /** Whether the gateway sends {@code path} (a template such as /v1/initiatives/{id}) to {@code service}. */
    private boolean routedTo(String service, String path) {
        String concrete = path.replaceAll("\\{[^}]+}", "x");
        for (GatewayConfig.Route route : config.routes()) {
            if (Pattern.matches(route.path(), concrete)) {
                return route.service().equals(service);
            }
        }
        return false;
    }

    private JsonNode ownDocument() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(OWN_DOCUMENT)) {
            return in == null ? null : json.readTree(in);
        } catch (IOException e) {
            return null;
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

}
