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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.backbone.kit.testing.FuzzContract;
import org.backbone.kit.testing.Tokens;
import org.backbone.kit.testing.fuzz.SchemaFuzzer;

/**
 * {@code ./backbone fuzz}: the long run of the schema fuzzer against the running platform — the
 * gateway's merged OpenAPI, and each service's own — as every kind of caller, with the ids of what
 * exists (the TOP15 demo) so that requests reach past the 404s. Not a test: it writes junk into the
 * local databases, as any fuzzer does. Exits 1 on any finding; the report goes to the file named.
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
                new Target("measurement-service", "http://127.0.0.1:8082", "/q/openapi", "/v1/"));
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

    /** Ids that exist, read through the gateway as staff: initiatives, their partners, goals and indicators. */
    private static Map<String, List<String>> known(String gateway) throws Exception {
        Set<String> initiatives = new LinkedHashSet<>();
        Set<String> organisations = new LinkedHashSet<>(List.of(Tokens.ORG_A.toString(), Tokens.ORG_B.toString()));
        Set<String> goals = new LinkedHashSet<>();
        Set<String> indicators = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode initiative : get(gateway + "/api/v1/initiatives?limit=20").path("items")) {
            initiatives.add(initiative.path("id").asText());
        }
        for (String initiative : new ArrayList<>(initiatives).subList(0, Math.min(3, initiatives.size()))) {
            get(gateway + "/api/v1/initiatives/" + initiative + "/partners")
                    .forEach(p -> organisations.add(p.path("organisationId").asText()));
            get(gateway + "/api/v1/initiatives/" + initiative + "/goals").forEach(g -> goals.add(g.path("id").asText()));
            get(gateway + "/api/v1/initiatives/" + initiative + "/indicators").forEach(i -> {
                indicators.add(i.path("id").asText());
                codes.add(i.path("code").asText());
            });
        }
        Map<String, List<String>> known = new LinkedHashMap<>();
        known.put("initiativeId", List.copyOf(initiatives));
        known.put("organisationId", List.copyOf(organisations));
        // the fuzzer changes what it is given: organisation updates go to one of its own, not the demo's
        known.put("id", List.of(post(gateway + "/api/v1/organisations",
                "{\"name\":\"Fuzzed organisation\",\"sector\":\"BUSINESS\"}").path("id").asText()));
        known.put("goalIds", List.copyOf(goals));
        known.put("indicatorId", List.copyOf(indicators));
        known.put("indicatorCode", List.copyOf(codes));
        known.put("number", List.of("1", "2"));
        known.put("period", List.of("2025Q1", "2025Q4", "2026Q1", "2025Sep", "2026"));
        known.put("from", List.of("2024Q1", "2023Sep"));
        known.put("to", List.of("2026Q4", "2026Sep"));
        known.values().removeIf(List::isEmpty);
        System.out.println("known: " + initiatives.size() + " initiatives, " + organisations.size() + " organisations, "
                + goals.size() + " goals, " + indicators.size() + " indicators");
        return known;
    }

    private static JsonNode post(String url, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + Tokens.admin()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
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
