package org.backbone.measurement;

import static org.backbone.kit.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.contracts.EventCatalog;
import org.backbone.contracts.EventJson;
import org.backbone.contracts.EventSchemas;
import org.backbone.contracts.Topics;
import org.backbone.contracts.measurement.IndicatorDefined;
import org.backbone.kit.testing.KafkaProbe;
import org.backbone.driver.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IndicatorTest {

    @Inject
    @DataSource("kit")
    AgroalDataSource db;

    private AgendaFixture agenda;

    @BeforeEach
    void ratifiedAgenda() throws Exception {
        agenda = AgendaFixture.publish(db);
    }


    private Map<String, Object> advancedMaths(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "Share of pupils taking 5-unit mathematics");
        body.put("unit", "%");
        body.put("valueType", "PERCENT");
        body.put("direction", "INCREASE");
        body.put("aggregation", "RATIO");
        body.put("periodicity", "SCHOOL_YEAR");
        body.put("schoolYearStartMonth", 9);
        body.put("dimensions", Map.of("region", List.of("north", "south", "centre")));
        body.put("goalIds", List.of(agenda.goal.toString()));
        body.put("baseline", Map.of("period", "2024Sep", "value", 9.5));
        body.put("targets", Map.of("2027Sep", 15, "2030Sep", 20));
        body.put("validRange", Map.of("min", 0, "max", 100));
        body.put("visibility", "SHARED");
        body.put("approvalRequired", false);
        return body;
    }

    private String path() {
        return "/v1/initiatives/" + agenda.initiative + "/indicators";
    }

    @Test
    void staffDefineAnIndicatorAndItIsAnnounced() throws Exception {
        try (KafkaProbe events = KafkaProbe.subscribe(Topics.MEASUREMENT)) {
            String id = as(Tokens.admin()).body(advancedMaths("ADV_MATH")).post(path()).then().statusCode(201)
                    .body("code", equalTo("ADV_MATH")).body("status", equalTo("ACTIVE")).extract().path("id");
            as(Tokens.user("member-a")).get(path()).then().statusCode(200).body("id", hasItem(id));
            as(Tokens.user("observer")).get(path() + "/" + id).then().statusCode(200)
                    .body("targets.2030Sep", equalTo(20));
            var records = await().atMost(Duration.ofSeconds(60))
                    .until(() -> events.received(r -> agenda.initiative.toString().equals(r.key())), r -> !r.isEmpty());
            assertThat(KafkaProbe.header(records.get(0), "ce_type")).isEqualTo("org.backbone.measurement.indicator.defined.v1");
            assertThat(EventSchemas.violations(EventCatalog.of(IndicatorDefined.class),
                    EventJson.mapper().readTree(records.get(0).value()))).isEmpty();
        }
    }

    @Test
    void aCodeIsUniqueInTheInitiative() {
        as(Tokens.admin()).body(advancedMaths("TEACHERS")).post(path()).then().statusCode(201);
        as(Tokens.admin()).body(advancedMaths("TEACHERS")).post(path()).then().statusCode(409);
    }

    @Test
    void goalsMustBeActiveAndPeriodsMustFitThePeriodicity() {
        Map<String, Object> body = advancedMaths("BAD");
        body.put("goalIds", List.of(agenda.goal.toString(), UUID.randomUUID().toString()));
        body.put("targets", Map.of("2027Q1", 15));
        body.put("baseline", Map.of("period", "2024", "value", 9.5));
        as(Tokens.admin()).body(body).post(path()).then().statusCode(422)
                .body("errors.field", hasItem("goalIds[1]")).body("errors.field", hasItem("targets.2027Q1"))
                .body("errors.field", hasItem("baseline.period"));
        body = advancedMaths("BAD");
        body.remove("schoolYearStartMonth");
        as(Tokens.admin()).body(body).post(path()).then().statusCode(422).body("errors.field", hasItem("schoolYearStartMonth"));
        body = advancedMaths("bad code");
        as(Tokens.admin()).body(body).post(path()).then().statusCode(422).body("errors.field", hasItem("code"));
        as(Tokens.admin()).get(path()).then().body("code", org.hamcrest.Matchers.not(hasItem("BAD")));
    }

    @Test
    void onlyStaffDefineAndOnlyMembersRead() {
        as(Tokens.user("member-a")).body(advancedMaths("MEMBER")).post(path()).then().statusCode(403);
        as(Tokens.user("observer")).body(advancedMaths("OBSERVER")).post(path()).then().statusCode(403);
        as(Tokens.user("member-b")).body(advancedMaths("OUTSIDER")).post(path()).then().statusCode(404);
        as(Tokens.user("member-b")).get(path()).then().statusCode(404);
        as(Tokens.system("partner-b-system")).get(path()).then().statusCode(404);
        as(Tokens.admin()).get("/v1/initiatives/" + UUID.randomUUID() + "/indicators").then().statusCode(404);
    }

    @Test
    void updatesNeedTheCurrentETagAndRetiredIndicatorsStayListed() {
        var created = as(Tokens.admin()).body(advancedMaths("GIRLS")).post(path()).then().statusCode(201).extract();
        String url = path() + "/" + created.path("id");
        Map<String, Object> changed = advancedMaths("GIRLS");
        changed.put("name", "Girls in advanced STEM tracks");
        as(Tokens.admin()).header("If-Match", created.header("ETag")).body(changed).put(url).then().statusCode(200)
                .body("name", equalTo("Girls in advanced STEM tracks"));
        as(Tokens.admin()).header("If-Match", created.header("ETag")).body(changed).put(url).then().statusCode(412);
        as(Tokens.admin()).post(url + "/retirement").then().statusCode(200).body("status", equalTo("RETIRED"));
        as(Tokens.admin()).get(path()).then().body("code", org.hamcrest.Matchers.not(hasItem("GIRLS")));
        as(Tokens.admin()).get(path() + "?includeRetired=true").then().body("code", hasItem("GIRLS"));
    }
}
