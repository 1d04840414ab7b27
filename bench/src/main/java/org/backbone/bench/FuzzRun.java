package org.backbone.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.backbone.kit.testing.FuzzContract;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.fuzz.SchemaFuzzer;

/**
 * {@code ./backbone fuzz}: the long run of the schema fuzzer against the running platform — the
 * gateway's merged OpenAPI, and each service's own — as every kind of caller, with the ids of an
 * initiative it makes for itself so that requests reach past the 404s. Not a test: it writes junk
 * into the local databases, as any fuzzer does. Exits 1 on any finding; the report goes to the file named.
 *
 * <p>Arguments: requests per target (10,000), seed, report file.
 */
public final class FuzzRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FuzzRun() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.currentTimeMillis() % 1_000_000;
        Path report = Path.of(args.length > 2 ? args[2] : ".backbone/fuzz-report.txt");
        Map<String, List<String>> known = known("http://127.0.0.1:8080");
        Map<String, Supplier<String>> callers = new LinkedHashMap<>(FuzzContract.callers());
        callers.put("member-b", () -> Tokens.user("member-b"));
        callers.put("partner-b-system", () -> Tokens.system("partner-b-system"));
        record Target(String name, String base, String openApi, String prefix) {
        }
        List<Target> targets = List.of(new Target("gateway", "http://127.0.0.1:8080", "/api/openapi", "/api/v1/"),
                new Target("agenda-service", "http://127.0.0.1:8081", "/q/openapi", "/v1/"),
                new Target("measurement-service", "http://127.0.0.1:8082", "/q/openapi", "/v1/"),
                new Target("activity-service", "http://127.0.0.1:8083", "/q/openapi", "/v1/"),
                new Target("communication-service", "http://127.0.0.1:8084", "/q/openapi", "/v1/"));
        StringBuilder out = new StringBuilder("fuzz seed " + seed + ", " + requests + " requests per target\n");
        long findings = 0;
        int undocumented = 0;
        for (Target target : targets) {
            long started = System.nanoTime();
            SchemaFuzzer.Report result = new SchemaFuzzer(new SchemaFuzzer.Settings(URI.create(target.base()),
                    target.openApi(), target.prefix(), seed, requests, callers, known, Duration.ofSeconds(5), 2)).run();
            String summary = "== " + target.name() + " (" + (System.nanoTime() - started) / 1_000_000_000 + " s)\n"
                    + result.summary();
            System.out.print(summary);
            out.append(summary);
            findings += result.findings().size();
            undocumented += result.undocumented().size();
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, out);
        System.out.println("report: " + report + "; findings: " + findings + ", operations with undocumented statuses: "
                + undocumented);
        System.exit(findings == 0 && undocumented == 0 ? 0 : 1);
    }

    /**
     * An initiative of the fuzzer's own, made through the gateway as staff would: organisation A as
     * founding partner, a ratified agenda of two goals, a quarterly count and a school-year ratio
     * with a dimension. Its own, because a fuzzer changes what it is given (run against the demo, it
     * retired the demo's indicators, and loading the demo again failed).
     */
    private static Map<String, List<String>> known(String gateway) throws Exception {
        String api = gateway + "/api/v1";
        String org = Tokens.ORG_A.toString();
        if (status(api + "/organisations/" + org) == 404) {
            post(api + "/organisations", "{\"id\":\"" + org + "\",\"name\":\"Atid STEM Network\",\"sector\":\"NONPROFIT\"}");
        }
        String initiative = post(api + "/initiatives", "{\"name\":\"Fuzzed initiative " + UUID.randomUUID()
                + "\",\"vision\":\"v\",\"mission\":\"m\",\"ratificationRule\":{\"kind\":\"UNANIMOUS\"}}").path("id").asText();
        String base = api + "/initiatives/" + initiative;
        post(base + "/partners", "{\"organisationId\":\"" + org + "\",\"role\":\"FOUNDING\"}");
        String goal = UUID.randomUUID().toString();
        String version = get(base + "/agenda").path("draft").path("version").asText();
        send("PUT", base + "/agenda/draft", "\"" + version + "\"", "{\"vision\":\"Every pupil can reach advanced STEM\","
                + "\"mission\":\"Coordinate what works\",\"goals\":[{\"id\":\"" + goal + "\",\"title\":\"More pupils in "
                + "advanced mathematics\",\"horizon\":\"LONG_TERM\"},{\"parentId\":\"" + goal + "\",\"title\":\"More girls\","
                + "\"horizon\":\"SHORT_TERM\"}]}", 200);
        int number = post(base + "/agenda/versions", "").path("number").asInt();
        send("PUT", base + "/agenda/versions/" + number + "/endorsements/" + org, null, "{\"decision\":\"ENDORSE\"}", 200,
                Tokens.user("member-a"));
        String count = "{\"code\":\"FUZZ_COUNT\",\"name\":\"Teachers trained\",\"valueType\":\"INTEGER\","
                + "\"direction\":\"INCREASE\",\"aggregation\":\"SUM\",\"periodicity\":\"QUARTERLY\",\"goalIds\":[\"" + goal
                + "\"],\"visibility\":\"SHARED\",\"approvalRequired\":false,\"targets\":{\"2026Q4\":100}}";
        String ratio = "{\"code\":\"FUZZ_SHARE\",\"name\":\"Share in 5-unit maths\",\"valueType\":\"PERCENT\","
                + "\"direction\":\"INCREASE\",\"aggregation\":\"RATIO\",\"periodicity\":\"SCHOOL_YEAR\",\"schoolYearStartMonth\":9,"
                + "\"dimensions\":{\"region\":[\"north\",\"south\"]},\"goalIds\":[\"" + goal
                + "\"],\"visibility\":\"BACKBONE_ONLY\",\"approvalRequired\":true}";
        List<String> indicators = new ArrayList<>();
        for (String definition : List.of(count, ratio)) {
            indicators.add(postOnceKnown(base + "/indicators", definition).path("id").asText());
        }
        // communication-service's objects, so that its operations on one reach past the 404s too
        java.time.LocalDateTime start = java.time.LocalDate.now().plusDays(7).atTime(10, 0);
        String meeting = post(base + "/meetings", "{\"title\":\"Fuzzed meeting\",\"kind\":\"ONLINE\",\"link\":"
                + "\"https://meet.example.org/fuzz\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusHours(1)
                + "\",\"timeZone\":\"Asia/Jerusalem\",\"openToAll\":true}").path("id").asText();
        String announcement = post(base + "/announcements", "{\"title\":\"Fuzzed announcement\",\"body\":\"b\","
                + "\"audience\":\"PARTNERS\",\"acknowledgementRequested\":true}").path("id").asText();
        String actionItem = post(base + "/action-items", "{\"title\":\"Fuzzed action item\",\"assigneeOrganisationId\":\""
                + org + "\",\"dueOn\":\"" + java.time.LocalDate.now().plusDays(10) + "\"}").path("id").asText();
        String onGoal = "{\"service\":\"agenda\",\"type\":\"goal\",\"id\":\"" + goal + "\"}";
        String decision = postOnceKnown(base + "/decisions", "{\"statement\":\"Fuzzed decision\",\"rationale\":\"r\","
                + "\"affects\":[" + onGoal + "],\"meetingId\":\"" + meeting + "\"}").path("id").asText();
        String thread = postOnceKnown(base + "/threads", "{\"subject\":" + onGoal + ",\"title\":\"Fuzzed thread\","
                + "\"body\":\"first\"}").path("id").asText();
        String comment = post(base + "/threads/" + thread + "/comments", "{\"body\":\"a reply\"}").path("id").asText();
        String item = post(base + "/meetings/" + meeting + "/agenda-items", "{\"title\":\"Fuzzed item\",\"minutes\":10}")
                .path("id").asText();
        Map<String, List<String>> known = new LinkedHashMap<>();
        known.put("initiativeId", List.of(initiative));
        known.put("organisationId", List.of(org, Tokens.ORG_B.toString()));
        // organisation updates go to one of the fuzzer's own; communication's objects are {id} as well
        known.put("id", List.of(post(api + "/organisations",
                "{\"name\":\"Fuzzed organisation\",\"sector\":\"BUSINESS\"}").path("id").asText(), meeting,
                announcement, actionItem, decision));
        known.put("threadId", List.of(thread));
        known.put("commentId", List.of(comment));
        known.put("item", List.of(item));
        known.put("goalIds", List.of(goal));
        known.put("goalId", List.of(goal));
        known.put("kind", List.of("locations", "target-groups", "activity-types"));
        known.put("indicatorId", indicators);
        known.put("indicatorCode", List.of("FUZZ_COUNT", "FUZZ_SHARE"));
        known.put("number", List.of(Integer.toString(number), "1"));
        known.put("period", List.of("2026Q1", "2026Q3", "2025Sep", "2026Sep"));
        known.put("from", List.of("2025Q1", "2024Sep"));
        known.put("to", List.of("2026Q4", "2026Sep"));
        System.out.println("fuzzing initiative " + initiative + " with indicators " + indicators);
        return known;
    }

    private static int status(String url) throws Exception {
        return request("GET", url, null, null, Tokens.admin()).statusCode();
    }

    private static void send(String method, String url, String ifMatch, String json, int expected, String... token)
            throws Exception {
        HttpResponse<String> response = request(method, url, ifMatch, json, token.length > 0 ? token[0] : Tokens.admin());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static HttpResponse<String> request(String method, String url, String ifMatch, String json, String token)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode post(String url, String json) throws Exception {
        HttpResponse<String> response = request("POST", url, null, json.isEmpty() ? null : json, Tokens.admin());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** POSTs until the service has learnt of the ratified goal through Kafka (60 s at most). */
    private static JsonNode postOnceKnown(String url, String json) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> created;
        do {
            created = request("POST", url, null, json, Tokens.admin());
            if (created.statusCode() != 201) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
        } while (created.statusCode() != 201 && System.nanoTime() < deadline);
        if (created.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + created.statusCode() + ": " + created.body());
        }
        return JSON.readTree(created.body());
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + Tokens.admin()).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
