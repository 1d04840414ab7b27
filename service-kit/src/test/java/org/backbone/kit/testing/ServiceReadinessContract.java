package org.backbone.kit.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * What every service promises once it has started against the real database and identity
 * provider. A service's test extends it with {@code @QuarkusTest} and names its OpenAPI title.
 */
public abstract class ServiceReadinessContract {

    private final String openApiTitle;

    protected ServiceReadinessContract(String openApiTitle) {
        this.openApiTitle = openApiTitle;
    }

    /** The management interface's root, {@code /q}, ending in no slash. */
    @TestHTTPResource(value = "", management = true)
    URL managementRoot;

    private String management() {
        return managementRoot.toString().replaceAll("/+$", "");
    }

    @Test
    void readyOnceTheDatabaseIsMigratedOnTheManagementPort() {
        given().get(management() + "/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
        given().get(management() + "/health/live").then().statusCode(200);
        given().get(management() + "/health/started").then().statusCode(200);
    }

    @Test
    void publishesItsOpenApiAndItsMetricsOnlyOnTheManagementPort() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo(openApiTitle));
        given().get(management() + "/metrics").then().statusCode(200);
        // the API port, which users reach, answers neither
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
    }

    @Test
    void unknownPathsAreProblemDetails() {
        given().get("/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }
}
