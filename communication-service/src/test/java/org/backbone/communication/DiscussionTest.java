package org.backbone.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
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
import org.backbone.contracts.measurement.SubmissionChannel;
import org.backbone.contracts.measurement.ValuesRecorded;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.AgendaEvents;
import org.backbone.kit.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Discussions against the real servers. Two subjects: the initiative itself (every reader's) and
 * partner A's submission of values (the backbone's and A's alone). Whoever cannot read the subject
 * cannot read, find, join or be told of its thread.
 */
@QuarkusTest
class DiscussionTest {

    private final UUID initiative = UUID.randomUUID();
    private final UUID submission = UUID.randomUUID();

    @BeforeEach
    void initiativeWithTwoPartnersAndASubmissionOfA() throws Exception {
        Following.feed();
        Following.notifications();
        Instant now = Instant.now();
        AgendaEvents.publish(new InitiativeCreated(initiative, "Discussed " + initiative, null, null, null,
                        new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"),
                new PartnerJoined(initiative, Tokens.ORG_A, "Atid STEM Network", Sector.NONPROFIT, PartnerRole.FOUNDING, now),
                new PartnerJoined(initiative, Tokens.ORG_B, "Negev Tech", Sector.BUSINESS, PartnerRole.CORE, now),
                new ValuesRecorded(initiative, submission, Tokens.ORG_A, SubmissionChannel.REST, 3, 0, List.of()));
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.as(Tokens.admin())
                .get("/v1/initiatives/" + initiative + "/feed?type=measurement.values").then().extract()
                .<List<?>>path("items").size() == 1 && Api.as(Callers.token("member-b")).get(path("")).statusCode() == 200);
    }

    @ParameterizedTest(name = "{0}: reads the initiative''s thread {1}, A''s submission''s {2}; comments {3} / {4}")
    @CsvSource({"admin, 200, 200, 201, 201",
            "member-a, 200, 200, 201, 201",
            "partner-a-system, 200, 200, 201, 201",
            "member-b, 200, 404, 201, 404",
            "observer, 200, 404, 403, 404"})
    void whoReadsAndJoinsWhichThread(String who, int readsPublic, int readsPrivate, int commentsPublic, int commentsPrivate) {
        String everyones = open(Callers.token("member-a"), initiativeSubject(), "Budget 2027");
        String onlyA = open(Callers.token("member-a"), submissionSubject(), "Our Q3 numbers");

        Api.as(Callers.token(who)).get(path("/" + everyones)).then().statusCode(readsPublic);
        Api.as(Callers.token(who)).get(path("/" + onlyA)).then().statusCode(readsPrivate);
        Api.as(Callers.token(who)).get(path("/" + onlyA + "/comments")).then().statusCode(readsPrivate);
        List<String> listed = Api.as(Callers.token(who)).get(path("")).then().statusCode(200).extract().path("items.id");
        assertThat(listed.contains(onlyA)).isEqualTo(readsPrivate == 200);
        assertThat(listed).contains(everyones);

        Api.as(Callers.token(who)).body(Map.of("body", "Agreed.")).post(path("/" + everyones + "/comments")).then()
                .statusCode(commentsPublic);
        Api.as(Callers.token(who)).body(Map.of("body", "Agreed.")).post(path("/" + onlyA + "/comments")).then()
                .statusCode(commentsPrivate);
    }

    @Test
    void aSubjectThatDoesNotExistOrIsAnotherPartnersIsNotFound() {
        Api.as(Callers.token("member-a")).body(thread(Map.of("service", "measurement", "type", "values", "id",
                UUID.randomUUID().toString()), "Nothing")).post(path("")).then().statusCode(404);
        Api.as(Callers.token("member-b")).body(thread(submissionSubject(), "Theirs")).post(path("")).then().statusCode(404);
        Api.as(Callers.token("observer")).body(thread(initiativeSubject(), "Watching")).post(path("")).then().statusCode(403);
    }

    @Test
    void aThreadOnAPartnersSubmissionIsInTheFeedOfStaffAndThatPartnerAlone() {
        String title = "Q3 numbers " + UUID.randomUUID();
        open(Callers.token("member-a"), submissionSubject(), title);
        await().atMost(Duration.ofSeconds(30)).until(() -> feedTitles(Tokens.admin()).contains(title));
        assertThat(feedTitles(Callers.token("member-a"))).contains(title);
        assertThat(feedTitles(Callers.token("member-b"))).doesNotContain(title);
        assertThat(feedTitles(Callers.token("observer"))).doesNotContain(title);
    }

    @Test
    void peopleMentionedAreToldOnlyWhenTheyMayReadTheThread() {
        String onlyA = open(Callers.token("member-a"), submissionSubject(), "Our numbers");
        Api.as(Callers.token("member-a")).body(Map.of("body", "@member-b and @admin: do these look right?"))
                .post(path("/" + onlyA + "/comments")).then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> Callers.notificationKinds(Tokens.admin(), initiative).contains("discussion.mention"));
        // staff were told; B, who cannot read A's submission, was not (the same event told both or neither)
        assertThat(Callers.notificationKinds(Callers.token("member-b"), initiative)).doesNotContain("discussion.mention");

        String everyones = open(Callers.token("member-a"), initiativeSubject(), "Budget");
        Api.as(Callers.token("member-a")).body(Map.of("body", "What do you think, @member-b?"))
                .post(path("/" + everyones + "/comments")).then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> Callers.notificationKinds(Callers.token("member-b"), initiative).contains("discussion.mention"));
        List<Map<String, Object>> told = Api.as(Callers.token("member-b")).get("/v1/me/notifications?limit=200").then().statusCode(200)
                .extract().path("items");
        assertThat(told).filteredOn(n -> "discussion.mention".equals(n.get("kind"))
                        && initiative.toString().equals(n.get("initiativeId")))
                .extracting(n -> n.get("text")).containsExactly("You were mentioned in a discussion on \u201cBudget\u201d");
    }

    @Test
    void authorsEditKeepingVersionsAndStaffOrAuthorsDeleteSoftly() {
        String thread = open(Callers.token("member-a"), initiativeSubject(), "Venue");
        String comment = Api.as(Callers.token("member-a")).body(Map.of("body", "Haifa, *maybe*")).post(path("/" + thread + "/comments"))
                .then().statusCode(201).extract().path("id");
        String url = path("/" + thread + "/comments/" + comment);
        Api.as(Callers.token("member-a")).body(Map.of("body", "Haifa, **confirmed**")).put(url).then().statusCode(200)
                .body("bodyHtml", equalTo("<p>Haifa, <strong>confirmed</strong></p>\n"));
        Api.as(Callers.token("member-b")).get(url + "/versions").then().statusCode(200).body("body", equalTo(List.of("Haifa, *maybe*")));
        Api.as(Callers.token("member-b")).body(Map.of("body", "Beersheba")).put(url).then().statusCode(403);
        Api.as(Callers.token("member-b")).delete(url).then().statusCode(403);

        Api.as(Tokens.admin()).delete(url).then().statusCode(204);
        Map<String, Object> deleted = Api.as(Callers.token("member-b")).get(path("/" + thread + "/comments")).then().statusCode(200)
                .extract().<List<Map<String, Object>>>path("items").stream().filter(c -> comment.equals(c.get("id")))
                .findFirst().orElseThrow();
        assertThat(deleted).containsEntry("deleted", true).containsEntry("body", "").containsEntry("bodyHtml", "");
        Api.as(Callers.token("member-b")).get(url + "/versions").then().statusCode(200).body("$", hasSize(0));
        Api.as(Callers.token("member-a")).body(Map.of("body", "Back")).put(url).then().statusCode(409);
    }

    @Test
    void staffLockAThreadAndThenOnlyStaffComment() {
        String thread = open(Callers.token("member-a"), initiativeSubject(), "Heated");
        Api.as(Callers.token("member-a")).body(Map.of("status", "LOCKED")).put(path("/" + thread + "/status")).then().statusCode(403);
        Api.as(Tokens.admin()).body(Map.of("status", "LOCKED")).put(path("/" + thread + "/status")).then().statusCode(200)
                .body("status", equalTo("LOCKED"));
        Api.as(Callers.token("member-b")).body(Map.of("body", "But…")).post(path("/" + thread + "/comments")).then().statusCode(409);
        Api.as(Tokens.admin()).body(Map.of("body", "Closing this for now.")).post(path("/" + thread + "/comments"))
                .then().statusCode(201);
        Api.as(Tokens.admin()).body(Map.of("status", "OPEN")).put(path("/" + thread + "/status")).then().statusCode(200);
        Api.as(Callers.token("member-b")).body(Map.of("body", "Thanks")).post(path("/" + thread + "/comments")).then().statusCode(201);
    }

    @Test
    void threadsOfOneSubjectAndRepliesAndBadInput() {
        String thread = open(Callers.token("member-a"), initiativeSubject(), "Replies");
        String first = Api.as(Callers.token("member-a")).get(path("/" + thread + "/comments")).then().extract().path("items[0].id");
        Api.as(Callers.token("member-b")).body(Map.of("body", "<script>x()</script> Yes", "parentId", first))
                .post(path("/" + thread + "/comments")).then().statusCode(201).body("parentId", equalTo(first))
                .body("bodyHtml", equalTo("<p>&lt;script&gt;x()&lt;/script&gt; Yes</p>\n"));
        Api.as(Callers.token("member-b")).get(path("?subjectService=agenda&subjectType=initiative&subjectId=" + initiative))
                .then().statusCode(200).body("items.id", hasItem(thread));

        String other = open(Callers.token("member-a"), initiativeSubject(), "Elsewhere");
        String elsewhere = Api.as(Callers.token("member-a")).get(path("/" + other + "/comments")).then().extract().path("items[0].id");
        Api.as(Callers.token("member-b")).body(Map.of("body", "x", "parentId", elsewhere)).post(path("/" + thread + "/comments"))
                .then().statusCode(422).body("errors.field", hasItem("parentId"));
        Api.as(Callers.token("member-b")).get(path("?subjectService=agenda")).then().statusCode(422);
        Api.as(Callers.token("member-a")).body(Map.of("title", "No subject", "body", "x")).post(path("")).then().statusCode(422)
                .body("errors.field", hasItem("subject"));
        Api.as(Callers.token("member-a")).body(thread(Map.of("service", "agenda", "type", "initiative", "id", "x y"), "Bad id"))
                .post(path("")).then().statusCode(422).body("errors.field", hasItem("subject.id"));
        Api.as(Callers.token("member-a")).body(thread(initiativeSubject(), " ")).post(path("")).then().statusCode(422)
                .body("errors.field", hasItem("title"));
        Api.as(Callers.token("member-a")).get(path("/" + UUID.randomUUID())).then().statusCode(404);
    }

    private String open(String token, Map<String, Object> subject, String title) {
        return Api.as(token).body(thread(subject, title)).post(path("")).then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> thread(Map<String, Object> subject, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("title", title);
        body.put("body", "Let us talk about it.");
        return body;
    }

    private Map<String, Object> initiativeSubject() {
        return Map.of("service", "agenda", "type", "initiative", "id", initiative.toString());
    }

    private Map<String, Object> submissionSubject() {
        return Map.of("service", "measurement", "type", "values", "id", submission.toString());
    }

    private String path(String rest) {
        return "/v1/initiatives/" + initiative + "/threads" + rest;
    }

    private List<String> feedTitles(String token) {
        return Api.as(token).get("/v1/initiatives/" + initiative + "/feed?type=communication.thread&limit=200")
                .then().statusCode(200).extract().path("items.object.title");
    }
}
