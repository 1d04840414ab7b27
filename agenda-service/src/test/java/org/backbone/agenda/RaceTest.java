package org.backbone.agenda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.backbone.driver.Tokens;
import org.junit.jupiter.api.Test;

/** Eight identical creates at once: one is created, the others are told it exists (never a 500). */
@QuarkusTest
class RaceTest {

    private static List<Integer> eightAtOnce(Supplier<Integer> create) {
        List<CompletableFuture<Integer>> creates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            creates.add(CompletableFuture.supplyAsync(create));
        }
        return creates.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void anOrganisationWithAnExplicitIdIsCreatedOnce() {
        String token = Tokens.admin();
        String id = UUID.randomUUID().toString();
        List<Integer> statuses = eightAtOnce(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Raced " + id, "sector", "NONPROFIT")).post("/v1/organisations")
                .then().extract().statusCode());
        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
    }

    @Test
    void aPartnerJoinsOnce() {
        String token = Tokens.admin();
        UUID organisation = AgendaApi.newOrganisation("Raced partner " + UUID.randomUUID(), "BUSINESS");
        UUID initiative = AgendaApi.newInitiative("Raced " + UUID.randomUUID(), Map.of("kind", "UNANIMOUS"));
        List<Integer> statuses = eightAtOnce(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("organisationId", organisation.toString(), "role", "CORE"))
                .post("/v1/initiatives/" + initiative + "/partners").then().extract().statusCode());
        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
    }
}
