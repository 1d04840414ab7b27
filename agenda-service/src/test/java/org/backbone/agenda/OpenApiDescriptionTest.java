package org.backbone.agenda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Third parties read the API from its OpenAPI document: every operation must say what it does. */
@QuarkusTest
class OpenApiDescriptionTest {

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
        assertThat(operations).isGreaterThanOrEqualTo(20);
        assertThat(undocumented).isEmpty();
    }
}
