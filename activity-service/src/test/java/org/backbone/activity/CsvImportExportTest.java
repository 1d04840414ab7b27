package org.backbone.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Vocabularies and activities in and out as CSV, and the HXL 3W, with the permissions of the JSON API. */
@QuarkusTest
class CsvImportExportTest {

    @Inject
    @DataSource("kit")
    AgroalDataSource db;

    private Top15Agenda top15;

    @BeforeEach
    void initiative() throws Exception {
        top15 = Top15Agenda.publish(db, true);
        top15.plan();
    }

    private static RequestSpecification csv(String token) {
        return Api.as(token).contentType("text/csv");
    }

    @Test
    void aVocabularyRoundTripsAsCsvAndAFaultyRowIsNamedByItsLine() {
        String exported = Api.as(Tokens.user("observer")).accept("text/csv").get(top15.path("/vocabularies/locations"))
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(exported).startsWith("code,parent,label\r\n").contains("N-HAI-1,N-HAI,Haifa school 1\r\n");
        Api.as(Tokens.user("observer")).get(top15.path("/vocabularies/locations")).then().statusCode(200)
                .body("entries.code", hasItem("N-HAI"));

        String etag = Api.as(Tokens.admin()).get(top15.path("/vocabularies/locations")).then().extract().header("ETag");
        csv(Tokens.user("member-a")).header("If-Match", etag).body(exported + "N-TIR,N,Tirat Carmel\r\n")
                .put(top15.path("/vocabularies/locations")).then().statusCode(403);
        csv(Tokens.admin()).header("If-Match", etag).body(exported + "bad code!,N,Somewhere\r\nN-AKO,,\r\n")
                .put(top15.path("/vocabularies/locations")).then().statusCode(422)
                .body("errors.field", hasItems("rows[8].code", "rows[9].label"));
        csv(Tokens.admin()).header("If-Match", etag).body(exported + "N-TIR,N,Tirat Carmel\r\n")
                .put(top15.path("/vocabularies/locations")).then().statusCode(200)
                .body("entries.code", hasItem("N-TIR"));
    }

    @Test
    void anImportIsAllOrNothingUnlessPartialAndADryRunWritesNothing() throws Exception {
        String header = "title,activityType,implementing,funding,goals,locations,wholeArea,targetGroups,plannedStart,"
                + "plannedEnd,plannedReach,budgetAmount,budgetCurrency\r\n";
        String good = "Robotics club Haifa,club," + Tokens.ORG_A + "," + top15.ministry + "," + top15.maths
                + ",N-HAI,N-HAI,girls-10-12,2025-09-01,2026-06-30,girls-10-12:N-HAI:40,250000.75,ILS\r\n"
                + "Maths club Be'er Sheva,club," + Tokens.ORG_B + ",," + top15.maths
                + ",S-BS,,girls-10-12,2025-09-01,2026-06-30,,,\r\n";
        String bad = "Nowhere club,club," + Tokens.ORG_A + ",," + top15.maths
                + ",ATLANTIS,,girls-10-12,2026-06-30,2025-09-01,girls-10-12::x,,\r\n";
        String file = header + good + bad;
        long before = activities();

        csv(Tokens.admin()).body(file).post(top15.path("/activities/import")).then().statusCode(422)
                .body("errors.field", hasItem("rows[4].plannedReach"));
        csv(Tokens.admin()).body(header + good + bad.replace("girls-10-12::x", "girls-10-12::5"))
                .post(top15.path("/activities/import")).then().statusCode(422)
                .body("errors.field", hasItems("rows[4].places[0].location", "rows[4].plannedEnd"));
        assertThat(activities()).isEqualTo(before);

        csv(Tokens.admin()).queryParam("dryRun", true).body(file).post(top15.path("/activities/import")).then()
                .statusCode(200).body("rows", equalTo(3)).body("accepted", equalTo(2))
                .body("imported", equalTo(List.of())).body("rejected.line", hasItem(4));
        assertThat(activities()).isEqualTo(before);

        // member-b may import its own club but not A's: the partial import keeps only B's row
        List<Integer> refused = csv(Tokens.user("member-b")).queryParam("partial", true).body(file)
                .post(top15.path("/activities/import")).then().statusCode(200).body("imported.size()", equalTo(1))
                .extract().path("rejected.line");
        assertThat(refused).contains(2, 4).doesNotContain(3);
        csv(Tokens.user("observer")).queryParam("dryRun", true).body(file).post(top15.path("/activities/import"))
                .then().statusCode(403);
        // partial, but none of the rows is B's to import: nothing goes in, and that is a refusal
        csv(Tokens.user("member-b")).queryParam("partial", true).body(header + bad.replace("girls-10-12::x", ""))
                .post(top15.path("/activities/import")).then().statusCode(422)
                .body("errors.field", hasItem("rows[2].participants"));

        csv(Tokens.admin()).queryParam("partial", true).body(file).post(top15.path("/activities/import")).then()
                .statusCode(200).body("imported.size()", equalTo(2));
        assertThat(activities()).isEqualTo(before + 3);
        Api.as(Tokens.user("observer")).queryParam("q", "Robotics").get(top15.path("/activities")).then()
                .statusCode(200).body("items[0].places[0].wholeArea", equalTo(true))
                .body("items[0].plannedReach[0].count", equalTo(40));
        // the imported clubs are in the findings: B's Be'er Sheva club leaves that cell only planned
        List<String> planned = Api.as(Tokens.admin()).queryParam("type", "PLANNED_ONLY").queryParam("limit", 200)
                .get(top15.path("/findings")).then().statusCode(200).extract().path("items.location");
        assertThat(planned).contains("S-BS", "N-HAI");
    }

    @Test
    void theExportHidesOtherOrganisationsBudgetsReadsBackInAndTheHxlCarriesTheTags() {
        Map<String, Object> club = top15.activity("Maths club Haifa", Tokens.ORG_A, "club", top15.maths, "N-HAI",
                "girls-10-12");
        club.put("places", List.of(Map.of("location", "N-HAI", "wholeArea", false),
                Map.of("location", "N-KAR", "wholeArea", true)));
        club.put("plannedReach", List.of(Map.of("targetGroup", "girls-10-12", "location", "N-KAR", "count", 30)));
        String id = Api.as(Tokens.admin()).body(club).post(top15.path("/activities")).then().statusCode(201)
                .extract().path("id");

        String asB = Api.as(Tokens.user("member-b")).get(top15.path("/activities/export")).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        String asA = Api.as(Tokens.user("member-a")).get(top15.path("/activities/export")).then().statusCode(200)
                .extract().asString();
        assertThat(asA).contains("120000.50,ILS");
        assertThat(asB).contains(id).doesNotContain("120000.50");

        csv(Tokens.admin()).queryParam("dryRun", true).body(asA).post(top15.path("/activities/import")).then()
                .statusCode(200).body("accepted", equalTo(1)).body("rejected", equalTo(List.of()));

        // accepted reach shows in #reached at the place it names
        Api.as(Tokens.admin()).body(Map.of("status", "ONGOING", "actualStart", "2025-09-01"))
                .post(top15.path("/activities/" + id + "/transitions")).then().statusCode(200);
        String report = Api.as(Tokens.user("member-a")).body(Map.of("period", "2025Q4", "lines", List.of(
                        Map.of("targetGroup", "girls-10-12", "location", "N-KAR", "reached", 12))))
                .post(top15.path("/activities/" + id + "/reports")).then().statusCode(200).extract().path("id");
        Api.as(Tokens.admin()).body(Map.of("status", "ACCEPTED"))
                .post(top15.path("/activities/" + id + "/reports/" + report + "/review")).then().statusCode(200);

        String hxl = Api.as(Tokens.user("observer")).queryParam("format", "hxl").get(top15.path("/activities/export"))
                .then().statusCode(200).extract().asString();
        List<String> lines = hxl.lines().toList();
        assertThat(lines.get(1).replace("\"", "")).as("the hashtag row, quoting aside").isEqualTo("#activity+id,#org+impl,#sector,#activity,#adm1+code,#date+start,"
                + "#date+end,#status,#targeted,#reached");
        assertThat(lines).hasSize(4).contains(id + ",Atid STEM Network,club,Maths club Haifa,N-KAR,2025-09-01,"
                + "2026-06-30,ONGOING,30,12");
        assertThat(hxl).doesNotContain("120000");
        Api.as(Tokens.user("observer")).queryParam("format", "xls").get(top15.path("/activities/export")).then()
                .statusCode(422).body("errors.field", hasItem("format"));
    }

    @Test
    void anImportRetriedWithItsIdempotencyKeyIsAnsweredAgainNotImportedTwice() throws Exception {
        String file = "title,activityType,implementing,goals,locations,targetGroups,plannedStart,plannedEnd\r\n"
                + "Teacher course,training," + Tokens.ORG_A + "," + top15.teaching + ",S-BS,teachers,2025-09-01,2026-06-30\r\n";
        String key = java.util.UUID.randomUUID().toString();
        long before = activities();
        List<String> first = csv(Tokens.user("member-a")).header("Idempotency-Key", key).body(file)
                .post(top15.path("/activities/import")).then().statusCode(200).extract().path("imported");
        List<String> again = csv(Tokens.user("member-a")).header("Idempotency-Key", key).body(file)
                .post(top15.path("/activities/import")).then().statusCode(200)
                .header("Idempotent-Replayed", "true").extract().path("imported");
        assertThat(again).isEqualTo(first).hasSize(1);
        assertThat(activities()).isEqualTo(before + 1);
    }

    @Test
    void aCellPostgreSqlCouldNotStoreIsARefusedRowNotAServerError() throws Exception {
        String file = "title,activityType,implementing,goals,locations,targetGroups,plannedStart,plannedEnd\r\n"
                + "Cl\u0000ub,club," + Tokens.ORG_A + "," + top15.maths + ",N-HAI,girls-10-12,2025-09-01,2026-06-30\r\n";
        long before = activities();
        csv(Tokens.admin()).body(file).post(top15.path("/activities/import")).then().statusCode(422)
                .body("errors.field", hasItem("rows[2].title"));
        csv(Tokens.admin()).header("If-Match", "*").body("code,parent,label\r\nN,,No\u0000rth\r\n")
                .put(top15.path("/vocabularies/locations")).then().statusCode(422)
                .body("errors.field", hasItem("rows[2].label"));
        // a budget finer than the documented 6 decimals is refused, not rounded
        String header = "title,activityType,implementing,goals,locations,targetGroups,plannedStart,plannedEnd,"
                + "budgetAmount,budgetCurrency\r\n";
        csv(Tokens.admin()).body(header + "Club,club," + Tokens.ORG_A + "," + top15.maths
                        + ",N-HAI,girls-10-12,2025-09-01,2026-06-30,100.1234567,ILS\r\n")
                .post(top15.path("/activities/import")).then().statusCode(422)
                .body("errors.field", hasItem("rows[2].budget.amount"));
        assertThat(activities()).isEqualTo(before);
    }

    private long activities() throws Exception {
        return Top15Agenda.count(db, "SELECT count(*) FROM activity WHERE initiative_id = '" + top15.initiative + "'");
    }
}
