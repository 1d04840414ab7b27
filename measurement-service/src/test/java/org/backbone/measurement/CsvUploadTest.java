package org.backbone.measurement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.backbone.driver.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CsvUploadTest {

    @Inject
    @DataSource("kit")
    AgroalDataSource db;

    @Test
    void aBadRowDoesNotSinkTheFileAndEachRejectedRowIsNamedByItsLine() throws Exception {
        AgendaFixture agenda = AgendaFixture.publish(db);
        Map<String, Object> body = agenda.indicator("ADV_MATH", "QUARTERLY");
        body.put("dimensions", Map.of("region", List.of("north", "south")));
        String indicator = agenda.define(body);
        String values = "/v1/initiatives/" + agenda.initiative + "/indicators/" + indicator + "/values";

        String template = given().auth().oauth2(Tokens.user("member-a")).get(values + "/template")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        String csv = template
                + "2026Q1,300,,\n"               // line 2: total
                + "2026Q1,180,north,first\n"     // line 3
                + "2026Q1,12x,south,\n"          // line 4: not a number
                + "2026Q2,100\n"                 // line 5: too few cells
                + "2026-05,100,,\n"              // line 6: not a quarter
                + "2026Q2,90,east,\n";           // line 7: region not allowed
        given().auth().oauth2(Tokens.user("member-a")).contentType("text/csv").body(csv).post(values)
                .then().statusCode(200).body("accepted", equalTo(2)).body("rejected", hasSize(4))
                .body("rejected.index", equalTo(List.of(4, 5, 6, 7)))
                .body("rejected.field", equalTo(List.of("value", "row", "period", "dimensions.region")));
        given().auth().oauth2(Tokens.admin())
                .get("/v1/initiatives/" + agenda.initiative + "/indicators/" + indicator + "/progress?from=2026Q1&to=2026Q1&dimension=region")
                .then().body("periods[0].value", equalTo(300)).body("periods[0].byDimension.north", equalTo(180));
        // a file with nothing usable is a 422 naming the rows
        given().auth().oauth2(Tokens.user("member-a")).contentType("text/csv").body(template + "2026,1,,\n").post(values)
                .then().statusCode(422).body("errors[0].field", equalTo("rows[2].period"));
    }
}
