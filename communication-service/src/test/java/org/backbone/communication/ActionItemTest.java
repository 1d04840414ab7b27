package org.backbone.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.contracts.agenda.InitiativeCreated;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.contracts.agenda.RatificationRule;
import org.backbone.contracts.agenda.Sector;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.AgendaEvents;
import org.backbone.kit.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Action items against the real servers: who writes, who moves them along, who is told, and what is mine. */
@QuarkusTest
class ActionItemTest {

    private final UUID initiative = UUID.randomUUID();

    @BeforeEach
    void initiativeWithTwoPartners() throws Exception {
        Following.notifications();
        Instant now = Instant.now();
        AgendaEvents.publish(new InitiativeCreated(initiative, "Acted " + initiative, null, null, null,
                        new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"),
                new PartnerJoined(initiative, Tokens.ORG_A, "Atid STEM Network", Sector.NONPROFIT, PartnerRole.FOUNDING, now),
                new PartnerJoined(initiative, Tokens.ORG_B, "Negev Tech", Sector.BUSINESS, PartnerRole.CORE, now));
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.as(Tokens.user("member-b")).get(path("")).statusCode() == 200
                && Api.as(Tokens.admin()).body(item(Tokens.ORG_B, null, LocalDate.now().plusDays(7))).post(path(""))
                        .statusCode() == 201);
    }

    @ParameterizedTest(name = "{0}: reads {1}, writes {2}, moves B''s item {3}, cancels it {4}")
    @CsvSource({"admin, 200, 201, 200, 200",
            "member-b, 200, 403, 200, 403",
            "member-a, 200, 403, 403, 403",
            "partner-a-system, 200, 403, 403, 403",
            "observer, 200, 403, 403, 403"})
    void whoReadsWritesAndMovesAlong(String who, int reads, int writes, int moves, int cancels) {
        String id = create(item(Tokens.ORG_B, null, LocalDate.now().plusDays(7)));
        Api.as(Callers.token(who)).get(path("/" + id)).then().statusCode(reads);
        Api.as(Callers.token(who)).body(item(Tokens.ORG_A, null, LocalDate.now())).post(path("")).then().statusCode(writes);
        Api.as(Callers.token(who)).body(Map.of("status", "IN_PROGRESS")).put(path("/" + id + "/status")).then().statusCode(moves);
        Api.as(Callers.token(who)).body(Map.of("status", "CANCELLED")).put(path("/" + id + "/status")).then().statusCode(cancels);
    }

    @Test
    void theAssigneeIsToldAndFindsItAmongTheirsAndStaffAreToldWhenItIsDone() {
        String title = "Send the Q3 figures " + UUID.randomUUID();
        Map<String, Object> body = item(Tokens.ORG_B, subject(Tokens.user("member-b")), LocalDate.now().plusDays(3));
        body.put("title", title);
        String id = create(body);
        await().atMost(Duration.ofSeconds(30)).until(() -> Callers.notificationKinds(Tokens.user("member-b"), initiative).contains("action-item.assigned"));
        List<String> mine = Api.as(Tokens.user("member-b")).get("/v1/me/action-items?limit=200").then().statusCode(200)
                .extract().path("items.id");
        assertThat(mine).contains(id);
        Api.as(Tokens.user("member-a")).get("/v1/me/action-items?limit=200").then().statusCode(200)
                .body("items.id", not(hasItem(id)));

        Api.as(Tokens.user("member-b")).body(Map.of("status", "DONE")).put(path("/" + id + "/status")).then().statusCode(200)
                .body("status", equalTo("DONE"));
        Api.as(Tokens.user("member-b")).body(Map.of("status", "OPEN")).put(path("/" + id + "/status")).then().statusCode(409);
        await().atMost(Duration.ofSeconds(30)).until(() -> Callers.notificationKinds(Tokens.admin(), initiative).contains("action-item.completed"));
        assertThat(Callers.notificationKinds(Tokens.user("member-a"), initiative)).doesNotContain("action-item.assigned");
    }

    @Test
    void anItemPastItsDueDayIsOverdueAndItsOrganisationAndStaffAreToldOnce() {
        String id = create(item(Tokens.ORG_A, null, LocalDate.now().minusDays(2)));
        Api.as(Tokens.user("member-a")).get(path("/" + id)).then().statusCode(200).body("overdue", equalTo(true));
        await().atMost(Duration.ofSeconds(30)).until(() -> Callers.notificationKinds(Tokens.user("member-a"), initiative).contains("action-item.overdue"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Callers.notificationKinds(Tokens.admin(), initiative).contains("action-item.overdue"));
        // told once: a second item falling overdue is told by a later run of the scheduler, which would
        // have told of the first again if it were not marked
        create(item(Tokens.ORG_A, null, LocalDate.now().minusDays(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> overdueCount(Tokens.user("member-a")) >= 2);
        assertThat(overdueCount(Tokens.user("member-a"))).isEqualTo(2);
    }

    @Test
    void badAssigneesAndFinishedItemsAreRefusedWithTheirReason() {
        Api.as(Tokens.admin()).body(item(UUID.randomUUID(), null, LocalDate.now())).post(path("")).then().statusCode(422)
                .body("errors.field", hasItem("assigneeOrganisationId"));
        Api.as(Tokens.admin()).body(item(Tokens.ORG_A, subject(Tokens.user("member-b")), LocalDate.now())).post(path(""))
                .then().statusCode(422).body("errors.field", hasItem("assigneeUserId"));
        Api.as(Tokens.admin()).body(item(null, null, LocalDate.now())).post(path("")).then().statusCode(422)
                .body("errors.field", hasItem("assigneeOrganisationId"));
        Map<String, Object> noDate = item(Tokens.ORG_A, null, LocalDate.now());
        noDate.put("dueOn", "31.12.2026");
        Api.as(Tokens.admin()).body(noDate).post(path("")).then().statusCode(422).body("errors.field", hasItem("dueOn"));
        Api.as(Tokens.admin()).get(path("?cursor=bm90LWEtY3Vyc29y")).then().statusCode(422);

        String id = create(item(Tokens.ORG_A, null, LocalDate.now().plusDays(1)));
        Api.as(Tokens.admin()).body(Map.of("status", "CANCELLED")).put(path("/" + id + "/status")).then().statusCode(200);
        Api.as(Tokens.admin()).body(item(Tokens.ORG_A, null, LocalDate.now())).put(path("/" + id)).then().statusCode(409);
        Api.as(Tokens.admin()).get(path("/" + UUID.randomUUID())).then().statusCode(404);
    }

    @Test
    void onlyItsAssigneeOrStaffTurnItIntoAnActivityAndAnActivityServiceThatDoesNotAnswerIs503() {
        String id = create(item(Tokens.ORG_B, null, LocalDate.now().plusDays(7)));
        Map<String, Object> body = Map.of("activity", Map.of("activityType", "after-school-club"));
        Api.as(Tokens.user("member-a")).body(body).post(path("/" + id + "/activity")).then().statusCode(403);
        Api.as(Tokens.user("observer")).body(body).post(path("/" + id + "/activity")).then().statusCode(403);
        Api.as(Tokens.user("member-b")).body(Map.of()).post(path("/" + id + "/activity")).then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("activity"));
        // the tests' activity-service address answers nobody: the caller is told, the item stays unlinked
        Api.as(Tokens.user("member-b")).body(body).post(path("/" + id + "/activity")).then().statusCode(503);
        Api.as(Tokens.user("member-b")).get(path("/" + id)).then().statusCode(200)
                .body("activityId", org.hamcrest.Matchers.nullValue());
        Api.as(Tokens.user("member-b")).body(body).post(path("/" + UUID.randomUUID() + "/activity")).then().statusCode(404);
    }

    private String create(Map<String, Object> body) {
        return Api.as(Tokens.admin()).body(body).post(path("")).then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> item(UUID organisation, String user, LocalDate due) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Bring the attendance lists");
        body.put("dueOn", due.toString());
        if (organisation != null) {
            body.put("assigneeOrganisationId", organisation.toString());
        }
        if (user != null) {
            body.put("assigneeUserId", user);
        }
        return body;
    }

    private String path(String rest) {
        return "/v1/initiatives/" + initiative + "/action-items" + rest;
    }


    private long overdueCount(String token) {
        return Callers.notificationKinds(token, initiative).stream().filter("action-item.overdue"::equals).count();
    }

    /** The token's subject: the id the directory knows the person by. */
    private static String subject(String token) {
        try {
            return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                    StandardCharsets.UTF_8)).get("sub").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
