package org.backbone.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.backbone.contracts.activity.ActivityRegistered;
import org.backbone.contracts.activity.ActivityStatus;
import org.backbone.contracts.activity.ActivityStatusChanged;
import org.backbone.contracts.activity.ActivityUpdated;
import org.backbone.contracts.activity.Participant;
import org.backbone.contracts.activity.ParticipationRole;
import org.backbone.contracts.agenda.InitiativeCreated;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.contracts.agenda.RatificationRule;
import org.backbone.contracts.agenda.Sector;
import org.backbone.contracts.measurement.SubmissionChannel;
import org.backbone.contracts.measurement.ValuesRecorded;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.backbone.driver.Tokens;
import org.backbone.kit.events.CloudEventRecords;
import org.backbone.kit.testing.KafkaProbe;
import org.backbone.kit.testing.AgendaEvents;
import org.backbone.kit.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every service's events become feed entries, readable and followable as far as the reader may see them. */
@QuarkusTest
class FeedTest {

    @TestHTTPResource("/")
    URL base;

    private final UUID initiative = UUID.randomUUID();
    private final UUID activity = UUID.randomUUID();

    @BeforeEach
    void initiativeWithTwoPartners() throws Exception {
        Following.feed();
        Instant now = Instant.now();
        AgendaEvents.publish(
                new InitiativeCreated(initiative, "TOP15 " + initiative, null, null, null,
                        new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"),
                new PartnerJoined(initiative, Tokens.ORG_A, "Atid STEM Network", Sector.NONPROFIT, PartnerRole.FOUNDING, now),
                new PartnerJoined(initiative, Tokens.ORG_B, "Negev Tech", Sector.BUSINESS, PartnerRole.CORE, now),
                // partner A's own submission: for the backbone and A alone
                new ValuesRecorded(initiative, UUID.randomUUID(), Tokens.ORG_A, SubmissionChannel.REST, 12, 1,
                        List.of(UUID.randomUUID())),
                new ActivityRegistered(initiative, activity, "Maths club Haifa", "club", ActivityStatus.PLANNED,
                        List.of(new Participant(Tokens.ORG_A, ParticipationRole.IMPLEMENTING)), List.of(), List.of(),
                        List.of("girls-10-12"), LocalDate.parse("2026-09-01"), LocalDate.parse("2027-06-30"), null, null,
                        null, 1));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> verbs(Tokens.admin()).contains("activity.activity.registered"));
    }

    @ParameterizedTest(name = "{0} sees partner A's submission: {1}")
    @CsvSource({"admin, true", "member-a, true", "partner-a-system, true", "member-b, false", "observer, false"})
    void aPartnersOwnSubmissionIsForTheBackboneAndThatPartnerAlone(String who, boolean seesSubmission) {
        List<String> verbs = verbs(token(who));
        assertThat(verbs).contains("agenda.initiative.created", "agenda.partner.joined", "activity.activity.registered");
        assertThat(verbs.contains("measurement.values.recorded")).isEqualTo(seesSubmission);
    }

    @Test
    void anOrganisationOutsideTheInitiativeGetsNotFoundAsForNoInitiative() throws Exception {
        UUID other = UUID.randomUUID();
        AgendaEvents.publish(new InitiativeCreated(other, "Elsewhere " + other, null, null, null,
                        new RatificationRule(RatificationKind.UNANIMOUS, null), "admin"),
                new PartnerJoined(other, Tokens.ORG_A, "Atid STEM Network", Sector.NONPROFIT, PartnerRole.FOUNDING,
                        Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.as(Tokens.user("member-a")).get(feed(other)).statusCode() == 200);
        Api.as(Tokens.user("member-b")).get(feed(other)).then().statusCode(404);
        Api.as(Tokens.user("member-b")).get(feed(UUID.randomUUID())).then().statusCode(404);
        // a stream refuses before it opens: a problem, not a 200 that closes
        Api.as(Tokens.user("member-b")).get(feed(other) + "/stream").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void summariesSpeakTheReadersLanguageAndNameTheObjectAndWhoDidIt() {
        Map<String, Object> english = entry(Tokens.admin(), "en", "activity.activity.registered");
        assertThat(english.get("summary")).isEqualTo("Activity \u201cMaths club Haifa\u201d was registered (PLANNED)");
        assertThat((Map<String, Object>) english.get("object")).containsEntry("service", "activity")
                .containsEntry("type", "activity").containsEntry("id", activity.toString())
                .containsEntry("title", "Maths club Haifa");
        assertThat(english.get("actor")).as("published without an actor: nobody asked").isEqualTo("system");
        Map<String, Object> hebrew = entry(Tokens.admin(), "he-IL,he;q=0.9", "activity.activity.registered");
        assertThat((String) hebrew.get("summary")).isEqualTo("הפעילות „Maths club Haifa” נרשמה (PLANNED)");
    }

    @Test
    void theListPagesNewestFirstAndFilters() {
        List<Map<String, Object>> first = Api.as(Tokens.admin()).queryParam("limit", 2).get(feed(initiative)).then()
                .statusCode(200).extract().path("items");
        String next = Api.as(Tokens.admin()).queryParam("limit", 2).get(feed(initiative)).then().extract().path("next");
        List<Map<String, Object>> second = Api.as(Tokens.admin()).queryParam("limit", 2).queryParam("cursor", next)
                .get(feed(initiative)).then().statusCode(200).extract().path("items");
        assertThat(((Number) first.get(1).get("seq")).longValue()).isGreaterThan(((Number) second.get(0).get("seq")).longValue());
        assertThat(Api.as(Tokens.admin()).queryParam("type", "agenda.").get(feed(initiative)).then().statusCode(200)
                .extract().<List<String>>path("items.verb")).isNotEmpty().allMatch(v -> v.startsWith("agenda."));
        assertThat(Api.as(Tokens.admin()).queryParam("objectId", activity).get(feed(initiative)).then().statusCode(200)
                .extract().<List<String>>path("items.verb")).containsExactly("activity.activity.registered");
        Api.as(Tokens.admin()).queryParam("type", "Robert'); DROP").get(feed(initiative)).then().statusCode(422);
        Api.as(Tokens.admin()).queryParam("cursor", "not-a-cursor").get(feed(initiative)).then().statusCode(422);
        Api.as(Tokens.admin()).header("Last-Event-ID", "-1").get(feed(initiative) + "/stream").then().statusCode(422);
    }

    @Test
    void aStreamResumesAfterLastEventIdThenFollowsLiveWithoutGapOrRepeat() throws Exception {
        List<Long> seqs = seqs(Tokens.user("member-b"));
        long resumeAfter = seqs.get(0); // the oldest entry member-b can see
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + feed(initiative)
                        + "/stream")).header("Authorization", "Bearer " + Tokens.user("member-b"))
                .header("Last-Event-ID", Long.toString(resumeAfter)).header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception e) {
                // the test closes the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            List<Long> replayed = ids(lines, seqs.size() - 1);
            assertThat(replayed).containsExactlyElementsOf(seqs.subList(1, seqs.size()));

            // a live entry, and one member-b may not see (partner A's submission) before it
            AgendaEvents.publish(new ValuesRecorded(initiative, UUID.randomUUID(), Tokens.ORG_A, SubmissionChannel.REST, 1,
                    0, List.of()), new ActivityStatusChanged(initiative, activity, ActivityStatus.PLANNED,
                    ActivityStatus.ONGOING, null, LocalDate.parse("2026-09-01"), null, 2));
            List<Long> live = ids(lines, 1);
            List<Long> now = seqs(Tokens.user("member-b"));
            assertThat(now).hasSize(seqs.size() + 1);
            assertThat(live).containsExactly(now.get(seqs.size()));
            // the rest of that event, then nothing: no entry twice, none member-b may not see
            List<String> rest = new ArrayList<>();
            for (String line = lines.poll(2, TimeUnit.SECONDS); line != null; line = lines.poll(2, TimeUnit.SECONDS)) {
                rest.add(line);
            }
            assertThat(rest).noneMatch(l -> l.startsWith("id:"));
        } finally {
            response.body().close();
        }
    }

    /**
     * Events that arrive together are recorded together (one poll, one transaction): each entry keeps its
     * place within its partition, an entry whose event names no title gets the title its object had at that
     * point (not a later one from the same poll), and each entry's words and readers stay its own.
     */
    @Test
    void eventsThatArriveTogetherKeepTheirOrderTitlesAndReaders() throws Exception {
        ProducerRecord<String, byte[]> started = CloudEventRecords.of(new ActivityStatusChanged(initiative, activity,
                ActivityStatus.PLANNED, ActivityStatus.ONGOING, null, LocalDate.parse("2026-09-01"), null, 2),
                UUID.randomUUID(), Instant.now());
        try (KafkaProducer<String, byte[]> producer = KafkaProbe.batchingProducer(KafkaProbe.bootstrap())) {
            // keyed by the initiative: one partition per topic, appended as one batch, so read in one poll
            producer.send(started);
            producer.send(CloudEventRecords.of(new ValuesRecorded(initiative, UUID.randomUUID(), Tokens.ORG_A,
                    SubmissionChannel.REST, 7, 0, List.of()), UUID.randomUUID(), Instant.now()));
            producer.send(CloudEventRecords.of(new ActivityUpdated(initiative, activity, "Maths club Haifa North", "club",
                    ActivityStatus.ONGOING, List.of(new Participant(Tokens.ORG_A, ParticipationRole.IMPLEMENTING)), List.of(),
                    List.of(), List.of(), LocalDate.parse("2026-09-01"), LocalDate.parse("2027-06-30"), null, null, null, 3), UUID.randomUUID(), Instant.now()));
            producer.send(CloudEventRecords.of(new ValuesRecorded(initiative, UUID.randomUUID(), Tokens.ORG_B,
                    SubmissionChannel.REST, 3, 0, List.of()), UUID.randomUUID(), Instant.now()));
            producer.send(CloudEventRecords.of(new ActivityStatusChanged(initiative, activity, ActivityStatus.ONGOING,
                    ActivityStatus.COMPLETED, null, LocalDate.parse("2026-09-01"), LocalDate.parse("2027-06-30"), 4),
                    UUID.randomUUID(), Instant.now()));
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> verbs(Tokens.admin()).size() >= 10);

        // the activity's entries (one topic and partition; the submissions come through another topic, in any order)
        List<Map<String, Object>> activity = oldestFirst(Tokens.admin()).stream()
                .filter(e -> ((String) e.get("verb")).startsWith("activity.")).toList();
        assertThat(activity).extracting(e -> e.get("verb")).containsExactly("activity.activity.registered",
                "activity.activity.status-changed", "activity.activity.updated", "activity.activity.status-changed");
        assertThat(activity).extracting(e -> ((Map<String, Object>) e.get("object")).get("title")).containsExactly(
                "Maths club Haifa", "Maths club Haifa", "Maths club Haifa North", "Maths club Haifa North");
        assertThat((String) activity.get(3).get("summary")).contains("ONGOING", "COMPLETED");
        // each partner sees its own submission of the two, and never the other's
        assertThat(oldestFirst(Tokens.user("member-a"))).extracting(e -> e.get("verb"))
                .filteredOn("measurement.values.recorded"::equals).hasSize(2); // the one before, and this one
        assertThat(oldestFirst(Tokens.user("member-b"))).extracting(e -> e.get("verb"))
                .filteredOn("measurement.values.recorded"::equals).hasSize(1);
        assertThat(oldestFirst(Tokens.user("observer"))).extracting(e -> e.get("verb"))
                .doesNotContain("measurement.values.recorded");
    }

    private List<Map<String, Object>> oldestFirst(String token) {
        List<Map<String, Object>> items = new ArrayList<>(Api.as(token).queryParam("limit", 200).get(feed(initiative))
                .then().statusCode(200).extract().path("items"));
        java.util.Collections.reverse(items);
        return items;
    }

    /**
     * Events that can never become entries — not JSON, or breaking their type's schema — go to the feed's
     * dead-letter topic with the reason, and the events behind them in the same poll and partition are recorded.
     * Notifications read the same topics under a consumer of their own, and dead-letter them on theirs.
     */
    @Test
    void whatCanNeverBeAnEntryIsDeadLetteredAndTheEventsBehindItAreRecorded() throws Exception {
        ProducerRecord<String, byte[]> valid = CloudEventRecords.of(new ActivityStatusChanged(initiative, activity,
                ActivityStatus.PLANNED, ActivityStatus.ONGOING, null, LocalDate.parse("2026-09-01"), null, 2),
                UUID.randomUUID(), Instant.now());
        String notJson = UUID.randomUUID().toString();
        String offSchema = UUID.randomUUID().toString();
        try (KafkaProbe dlq = KafkaProbe.subscribe("backbone.feed.dlq.communication");
                KafkaProbe notificationsDlq = KafkaProbe.subscribe("backbone.notifications.dlq.communication");
                KafkaProducer<String, byte[]> producer = KafkaProbe.producer(KafkaProbe.bootstrap())) {
            // the same topic, key and headers as the valid event, so all three share a partition, in this order
            producer.send(copy(valid, notJson, "{not json"));
            producer.send(copy(valid, offSchema, "{\"initiativeId\":\"" + initiative + "\",\"activityId\":\"nope\"}"));
            producer.send(valid);
            producer.flush();

            var dead = await().atMost(Duration.ofSeconds(60)).until(() -> dlq.received(r -> initiative.toString()
                    .equals(r.key())), r -> r.size() >= 2);
            Map<String, String> reasons = new java.util.HashMap<>();
            dead.forEach(r -> reasons.put(KafkaProbe.header(r, "ce_id"), KafkaProbe.header(r, "dead-letter-reason")));
            assertThat(reasons).containsOnlyKeys(notJson, offSchema);
            assertThat(reasons.get(notJson)).contains("not JSON");
            assertThat(reasons.get(offSchema)).contains("schema");
            await().atMost(Duration.ofSeconds(60)).until(() -> verbs(Tokens.admin()).contains("activity.activity.status-changed"));
            var notificationsDead = await().atMost(Duration.ofSeconds(60)).until(() -> notificationsDlq.received(
                    r -> initiative.toString().equals(r.key())), r -> r.size() >= 2);
            assertThat(notificationsDead).extracting(r -> KafkaProbe.header(r, "ce_id")).containsExactlyInAnyOrder(notJson, offSchema);
        }
    }

    /** {@code record} with another id and payload. */
    private static ProducerRecord<String, byte[]> copy(ProducerRecord<String, byte[]> record, String id, String payload) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(record.topic(), null, record.key(),
                payload.getBytes(StandardCharsets.UTF_8), new RecordHeaders(record.headers().toArray()));
        copy.headers().remove("ce_id").add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        return copy;
    }

    /** The next {@code count} entry ids off the stream (comments and blank lines skipped), each within 30 s. */
    private static List<Long> ids(BlockingQueue<String> lines, int count) throws InterruptedException {
        List<Long> ids = new ArrayList<>();
        while (ids.size() < count) {
            String line = lines.poll(30, TimeUnit.SECONDS);
            assertThat(line).as("an entry within 30 s, after " + ids).isNotNull();
            if (line.startsWith("id:")) {
                ids.add(Long.parseLong(line.substring(3).trim()));
            }
        }
        return ids;
    }

    private List<Long> seqs(String token) {
        List<Number> seqs = Api.as(token).queryParam("limit", 200).get(feed(initiative)).then().statusCode(200)
                .extract().path("items.seq");
        return seqs.stream().map(Number::longValue).sorted().toList();
    }

    private List<String> verbs(String token) {
        return Api.as(token).queryParam("limit", 200).get(feed(initiative)).then().statusCode(200).extract()
                .path("items.verb");
    }

    private Map<String, Object> entry(String token, String language, String verb) {
        List<Map<String, Object>> items = Api.as(token).header("Accept-Language", language).queryParam("type", verb)
                .get(feed(initiative)).then().statusCode(200).extract().path("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static String token(String who) {
        return switch (who) {
            case "admin" -> Tokens.admin();
            case "partner-a-system" -> Tokens.system("partner-a-system");
            default -> Tokens.user(who);
        };
    }

    private static String feed(UUID initiative) {
        return "/v1/initiatives/" + initiative + "/feed";
    }
}
