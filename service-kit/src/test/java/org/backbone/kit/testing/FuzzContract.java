package org.backbone.kit.testing;

import org.backbone.driver.Tokens;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.backbone.kit.testing.fuzz.SchemaFuzzer;
import org.junit.jupiter.api.Test;

/**
 * Every operation of a service's OpenAPI document, fuzzed as every kind of caller: no 5xx, every
 * error a problem detail, no answer slower than 5 s, no 2xx to a request its own schema calls
 * invalid, and every status seen documented. A service's test extends this with
 * {@code @QuarkusTest} and says which ids exist ({@link #knownValues()}), so that mutations reach
 * past the 404 of an unknown initiative. {@code -Dbackbone.fuzz.requests=N} and
 * {@code -Dbackbone.fuzz.seed=S} change the run; a failure prints the seed and the requests.
 */
public abstract class FuzzContract {

    /** Values that exist, by parameter or field name (e.g. {@code initiativeId}). */
    protected abstract Map<String, List<String>> knownValues();

    protected int requests() {
        return Integer.getInteger("backbone.fuzz.requests", 1200);
    }

    public static Map<String, Supplier<String>> callers() {
        Map<String, Supplier<String>> callers = new LinkedHashMap<>();
        callers.put("admin", () -> Tokens.user("admin"));
        callers.put("member-a", () -> Tokens.user("member-a"));
        callers.put("observer", () -> Tokens.user("observer"));
        callers.put("partner-a-system", () -> Tokens.system("partner-a-system"));
        callers.put("anonymous", () -> null);
        return callers;
    }

    @Test
    void hostileRequestsToEveryOperationGetAClearAnswer() throws Exception {
        long seed = Long.getLong("backbone.fuzz.seed", 20261202L);
        SchemaFuzzer.Report report = new SchemaFuzzer(new SchemaFuzzer.Settings(
                URI.create("http://127.0.0.1:" + RestAssured.port), "/q/openapi", "/v1/", seed, requests(), callers(),
                knownValues(), Duration.ofSeconds(5), 2)).run();
        String summary = "seed " + seed + ": " + report.summary();
        System.out.println("fuzz " + summary);
        assertThat(report.findings()).as(summary).isEmpty();
        assertThat(report.undocumented()).as(summary).isEmpty();
    }
}
