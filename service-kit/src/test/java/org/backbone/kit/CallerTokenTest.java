package org.backbone.kit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.backbone.driver.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real tokens from the realm, validated by quarkus-oidc, read back as the {@code Caller}. */
@QuarkusTest
class CallerTokenTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "admin,     backbone-admin, none",
            "member-a,  partner-member, 11111111-1111-4111-8111-111111111111",
            "member-b,  partner-member, 22222222-2222-4222-8222-222222222222",
            "observer,  observer,       none"})
    void demoUserTokenCarriesItsRoleAndPartner(String user, String role, String partner) {
        given().auth().oauth2(Tokens.user(user)).get("/kit-test/whoami")
                .then().statusCode(200)
                .body("roles", containsInAnyOrder(role))
                .body("partnerId", partner == null ? nullValue() : equalTo(partner));
    }

    @ParameterizedTest
    @CsvSource({
            "partner-a-system, 11111111-1111-4111-8111-111111111111",
            "partner-b-system, 22222222-2222-4222-8222-222222222222"})
    void partnerSystemTokenCarriesItsOrganisation(String client, String partner) {
        given().auth().oauth2(Tokens.system(client)).get("/kit-test/whoami")
                .then().statusCode(200)
                .body("roles", containsInAnyOrder("partner-system"))
                .body("partnerId", equalTo(partner));
    }
}
