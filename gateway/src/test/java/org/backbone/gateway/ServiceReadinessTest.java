package org.backbone.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The service starts against the real database and identity provider and says so. */
@QuarkusTest
class ServiceReadinessTest {

    @Test
    void readyOnceTheDatabaseIsMigrated() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/started").then().statusCode(200);
    }

    @Test
    void publishesItsOpenApiAndMetrics() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Backbone gateway"));
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void unknownPathsAreProblemDetails() {
        given().get("/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
