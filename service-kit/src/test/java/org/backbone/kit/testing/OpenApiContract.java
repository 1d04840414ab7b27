package org.backbone.kit.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Third parties read a service's API from its OpenAPI document: every operation under /v1 must say
 * what it does. A service's test extends this with {@code @QuarkusTest} and its operation count.
 */
public abstract class OpenApiContract {

    private final int minimumOperations;

    protected OpenApiContract(int minimumOperations) {
        this.minimumOperations = minimumOperations;
    }

    @Test
    void everyOperationHasASummaryAndATag() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<String> undocumented = new ArrayList<>();
        int operations = 0;
        for (var path = document.get("paths").fields(); path.hasNext(); ) {
            var entry = path.next();
            if (!entry.getKey().startsWith("/v1/")) {
                continue;
            }
            for (var method = entry.getValue().fields(); method.hasNext(); ) {
                var operation = method.next();
                operations++;
                if (operation.getValue().path("summary").asText().isBlank() || !operation.getValue().has("tags")) {
                    undocumented.add(operation.getKey().toUpperCase() + " " + entry.getKey());
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(minimumOperations);
        assertThat(undocumented).isEmpty();
    }
}
