package org.backbone.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backbone.agenda.AgendaApi.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyKeyTest {

    @Test
    void aRetriedCreateReturnsTheFirstResultAndCreatesNothingMore() {
        String key = UUID.randomUUID().toString();
        String name = "Retried " + UUID.randomUUID();
        Map<String, Object> body = Map.of("name", name, "sector", "ACADEMIA");
        Response first = admin().header("Idempotency-Key", key).body(body).post("/v1/organisations");
        Response retry = admin().header("Idempotency-Key", key).body(body).post("/v1/organisations");
        first.then().statusCode(201);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location")).body("id", equalTo(first.path("id")));
        admin().queryParam("name", name).get("/v1/organisations").then().body("items.size()", equalTo(1));
    }

    @Test
    void concurrentRetriesCreateOneResource() {
        String key = UUID.randomUUID().toString();
        String name = "Concurrent " + UUID.randomUUID();
        List<CompletableFuture<String>> attempts = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> admin().header("Idempotency-Key", key)
                        .body(Map.of("name", name, "ratificationRule", Map.of("kind", "UNANIMOUS")))
                        .post("/v1/initiatives").then().statusCode(201).extract().<String>path("id")))
                .toList();
        assertThat(attempts.stream().map(CompletableFuture::join).distinct()).hasSize(1);
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        admin().header("Idempotency-Key", key).body(Map.of("name", "One " + key, "sector", "ACADEMIA"))
                .post("/v1/organisations").then().statusCode(201);
        admin().header("Idempotency-Key", key).body(Map.of("name", "Other " + key, "sector", "ACADEMIA"))
                .post("/v1/organisations").then().statusCode(422).body("errors.field", hasItem("Idempotency-Key"));
        admin().queryParam("name", "Other " + key).get("/v1/organisations").then().body("items.size()", equalTo(0));
    }

    @Test
    void aFailedAttemptLeavesTheKeyFreeForTheRetry() {
        String key = UUID.randomUUID().toString();
        UUID initiative = AgendaApi.newInitiative("Flaky " + key, Map.of("kind", "UNANIMOUS"));
        UUID organisation = UUID.randomUUID();
        Map<String, Object> join = Map.of("organisationId", organisation.toString(), "role", "CORE");
        // the organisation is not registered yet: the join fails, and must not consume the key
        admin().header("Idempotency-Key", key).body(join).post("/v1/initiatives/" + initiative + "/partners")
                .then().statusCode(422);
        AgendaApi.ensureOrganisation(organisation, "Late " + key, "COMMUNITY");
        admin().header("Idempotency-Key", key).body(join).post("/v1/initiatives/" + initiative + "/partners")
                .then().statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
    }
}
