package org.backbone.communication.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.communication.config.ActivityServiceConfig;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.persistence.CallerContext;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.problem.ProblemType;

/**
 * Registers activities in activity-service on the caller's behalf: their own bearer token goes with
 * the call, so activity-service decides, by its own rules, whether they may. Its refusals come back
 * as the same status with its detail and fields (prefixed {@code activity.}); a service that does
 * not answer is 503. An idempotency key makes a repeated call register one activity.
 */
@ApplicationScoped
public class ActivityRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ActivityServiceConfig config;
    private final HttpClient http;

    ActivityRegistry(ActivityServiceConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The new activity's id. */
    public Uni<UUID> register(String bearer, UUID initiative, Map<String, Object> activity, String idempotencyKey) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(config.url().replaceAll("/+$", "") + "/v1/initiatives/" + initiative
                            + "/activities"))
                    .timeout(config.timeout())
                    .header("Authorization", bearer)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(activity)))
                    .build();
        } catch (IOException e) {
            return Uni.createFrom().failure(ProblemException.invalid("activity", "cannot be written as JSON"));
        }
        // the response arrives on the HTTP client's thread: back to the caller's context, where its session lives
        return CallerContext.resume(Uni.createFrom().completionStage(() -> http.sendAsync(request,
                        HttpResponse.BodyHandlers.ofString()))
                .onFailure().transform(e -> new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                        "activity-service did not answer; try again"))
                .map(ActivityRegistry::registered));
    }

    private static UUID registered(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body() == null || response.body().isEmpty() ? "{}" : response.body());
        } catch (IOException e) {
            throw new ProblemException(ProblemType.BAD_GATEWAY, "activity-service answered " + response.statusCode()
                    + " with no JSON");
        }
        if (response.statusCode() == 201 || response.statusCode() == 200) {
            return UUID.fromString(body.path("id").asText());
        }
        ProblemType type = switch (response.statusCode()) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 409 -> ProblemType.CONFLICT;
            case 422 -> ProblemType.VALIDATION_FAILED;
            case 429 -> ProblemType.TOO_MANY_REQUESTS;
            default -> ProblemType.BAD_GATEWAY;
        };
        List<FieldProblem> errors = new ArrayList<>();
        body.path("errors").forEach(e -> errors.add(new FieldProblem("activity." + e.path("field").asText(),
                e.path("message").asText())));
        throw new ProblemException(type, "activity-service: " + body.path("detail").asText("answered " + response.statusCode()),
                errors);
    }
}
