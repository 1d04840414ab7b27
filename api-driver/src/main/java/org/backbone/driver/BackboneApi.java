package org.backbone.driver;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The Backbone API driven from plain Java, as a client of it would: organisations, initiatives,
 * partners, the agenda from draft to ratified, indicators (defined once the goals are projected,
 * awaited with a deadline) and values. {@code base} is the gateway's {@code http://host:8080/api}
 * or a service's own {@code http://host:port}; paths start at {@code /v1}. Backbone staff act with
 * {@link Tokens#admin()}; a partner's decision with its member's token.
 */
public final class BackboneApi {

    /** How long defining an indicator waits for measurement-service to learn the ratified goals. */
    public static final Duration PROJECTION_DEADLINE = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public BackboneApi(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public Caller as(String token) {
        return new Caller(http, base, token);
    }

    public Caller admin() {
        return as(Tokens.admin());
    }

    // --- organisations and initiatives -----------------------------------------------------------

    /** Registers the organisation with this id unless it is there already. */
    public UUID ensureOrganisation(UUID id, String name, String sector) {
        if (admin().get("/v1/organisations/" + id).status() == 404) {
            admin().post("/v1/organisations", Map.of("id", id.toString(), "name", name, "sector", sector)).expect(201);
        }
        return id;
    }

    public UUID newOrganisation(String name, String sector) {
        return UUID.fromString(admin().post("/v1/organisations", Map.of("name", name, "sector", sector))
                .expect(201).text("id"));
    }

    /** Creates an initiative from its full body (name, statements, boundaries, ratificationRule). */
    public UUID newInitiative(Map<String, ?> body) {
        return UUID.fromString(admin().post("/v1/initiatives", body).expect(201).text("id"));
    }

    /** An initiative with a name, a unanimous rule and the usual statements. */
    public UUID newInitiative(String name) {
        return newInitiative(Map.of("name", name, "problemStatement", "Too few pupils take advanced STEM",
                "vision", "Every pupil can reach advanced STEM", "mission", "Coordinate what works",
                "ratificationRule", Map.of("kind", "UNANIMOUS")));
    }

    /** The initiative of that name if staff can see one, else a new one from {@code body}. */
    public UUID findOrCreateInitiative(String name, Map<String, ?> body) {
        String cursor = null;
        do {
            Answer page = admin().get("/v1/initiatives?limit=100" + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))).expect(200);
            for (JsonNode initiative : page.body().path("items")) {
                if (name.equals(initiative.path("name").asText())) {
                    return UUID.fromString(initiative.path("id").asText());
                }
            }
            cursor = page.text("next");
        } while (cursor != null);
        return newInitiative(body);
    }

    public void join(UUID initiative, UUID organisation, String role) {
        admin().post("/v1/initiatives/" + initiative + "/partners",
                Map.of("organisationId", organisation.toString(), "role", role)).expect(201);
    }

    /** The ids of the initiative's current partners. */
    public List<UUID> partners(UUID initiative) {
        List<UUID> ids = new ArrayList<>();
        admin().get("/v1/initiatives/" + initiative + "/partners").expect(200).body()
                .forEach(p -> ids.add(UUID.fromString(p.path("organisationId").asText())));
        return ids;
    }

    // --- the agenda --------------------------------------------------------------------------------

    /** A goal of a draft; {@code parent} may be null. */
    public static Map<String, Object> goal(UUID id, UUID parent, String title, String horizon) {
        Map<String, Object> goal = new LinkedHashMap<>(Map.of("id", id.toString(), "title", title, "horizon", horizon));
        if (parent != null) {
            goal.put("parentId", parent.toString());
        }
        return goal;
    }

    /** Replaces the draft (statements and goals), with the If-Match of the draft's current version. */
    public Answer putDraft(UUID initiative, Map<String, ?> draft) {
        String version = admin().get("/v1/initiatives/" + initiative + "/agenda").expect(200).text("draft.version");
        return admin().put("/v1/initiatives/" + initiative + "/agenda/draft", draft, Map.of("If-Match", "\"" + version + "\""));
    }

    /** Proposes the draft; emits the version's number. */
    public int propose(UUID initiative) {
        return admin().post("/v1/initiatives/" + initiative + "/agenda/versions", null).expect(201).node("number").asInt();
    }

    /** An organisation's decision on a version, made by one of its members. */
    public Answer decide(String memberToken, UUID initiative, int version, UUID organisation, String decision) {
        return as(memberToken).put("/v1/initiatives/" + initiative + "/agenda/versions/" + version + "/endorsements/"
                + organisation, Map.of("decision", decision, "comment", decision + " from " + organisation), Map.of());
    }

    /**
     * Puts {@code draft} in force, unless an agenda is in force already: saves it and proposes it
     * (unless a version is open), then each voter endorses it.
     *
     * @param voters organisation → the token of one of its members, for every partner with a vote
     * @return the number of the version in force
     */
    public int ratify(UUID initiative, Map<String, ?> draft, Map<UUID, String> voters) {
        String path = "/v1/initiatives/" + initiative + "/agenda";
        Answer agenda = admin().get(path).expect(200);
        if (agenda.text("current.number") != null) {
            return agenda.node("current.number").asInt();
        }
        if (agenda.text("openVersion") == null) {
            putDraft(initiative, draft).expect(200);
            propose(initiative);
        }
        int version = admin().get(path).expect(200).node("openVersion").asInt();
        voters.forEach((organisation, token) -> decide(token, initiative, version, organisation, "ENDORSE").expect(200));
        String current = admin().get(path).expect(200).text("current.number");
        if (current == null || Integer.parseInt(current) != version) {
            throw new IllegalStateException("version " + version + " was endorsed by " + voters.keySet()
                    + " but is not in force");
        }
        return version;
    }

    // --- indicators and values ---------------------------------------------------------------------

    /**
     * Defines an indicator, waiting (up to {@link #PROJECTION_DEADLINE}) while measurement-service has
     * not yet learnt the ratified goals it names; emits its id.
     */
    public String defineIndicator(UUID initiative, Map<String, ?> body) {
        long deadline = System.nanoTime() + PROJECTION_DEADLINE.toNanos();
        while (true) {
            Answer answer = admin().post("/v1/initiatives/" + initiative + "/indicators", body);
            if (answer.status() == 201) {
                return answer.text("id");
            }
            if (!notProjectedYet(answer) || System.nanoTime() > deadline) {
                answer.expect(201);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
    }

    /**
     * Whether the refusal is only measurement-service not knowing the initiative (404) or its goals
     * (422 on goalIds) yet; any other refusal is the body's fault and is not retried.
     */
    private static boolean notProjectedYet(Answer answer) {
        if (answer.status() == 404) {
            return true;
        }
        if (answer.status() != 422) {
            return false;
        }
        for (JsonNode error : answer.body().path("errors")) {
            if (!error.path("field").asText().startsWith("goalIds[")) {
                return false;
            }
        }
        return answer.body().path("errors").size() > 0;
    }

    /** The ids of the initiative's indicators, by code. */
    public Map<String, String> indicators(UUID initiative) {
        Map<String, String> ids = new HashMap<>();
        admin().get("/v1/initiatives/" + initiative + "/indicators").expect(200).body()
                .forEach(i -> ids.put(i.path("code").asText(), i.path("id").asText()));
        return ids;
    }

    /** Staff submit a batch of values on an organisation's behalf; emits the batch result. */
    public Answer submitValues(UUID initiative, String indicator, UUID organisation, List<Map<String, ?>> values) {
        return admin().post("/v1/initiatives/" + initiative + "/indicators/" + indicator + "/values",
                Map.of("organisationId", organisation.toString(), "values", values)).expect(200);
    }

    // --- activities (the 3W) -------------------------------------------------------------------------

    /**
     * Waits (up to {@link #PROJECTION_DEADLINE}) until activity-service knows the initiative and the
     * active goal {@code goal} of its ratified agenda: both reach it as agenda events.
     */
    public void awaitActivityProjection(UUID initiative, UUID goal) {
        long deadline = System.nanoTime() + PROJECTION_DEADLINE.toNanos();
        String path = "/v1/initiatives/" + initiative + "/goals/" + goal + "/contributors";
        while (admin().get(path).status() == 404) {
            if (System.nanoTime() > deadline) {
                admin().get(path).expect(200);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
    }

    /** Staff replace a vocabulary ({@code locations}, {@code target-groups}, {@code activity-types}) whole. */
    public void putVocabulary(UUID initiative, String kind, List<Map<String, ?>> entries) {
        admin().put("/v1/initiatives/" + initiative + "/vocabularies/" + kind, Map.of("entries", entries),
                Map.of("If-Match", "*")).expect(200);
    }

    /** Staff set the coverage level, period and boundaries. */
    public void putCoverageSettings(UUID initiative, int level, String period) {
        admin().put("/v1/initiatives/" + initiative + "/coverage/settings",
                Map.of("coverageLevel", level, "period", period, "boundaries", List.of()), Map.of("If-Match", "*"))
                .expect(200);
    }

    /** Imports activities from CSV (all or nothing); emits the import report. */
    public Answer importActivities(UUID initiative, String csv) {
        return admin().call("POST", "/v1/initiatives/" + initiative + "/activities/import", csv,
                Map.of("Content-Type", "text/csv")).expect(200);
    }

    /** A page of the initiative's activities with the given title text. */
    public Answer activities(UUID initiative, String q) {
        return admin().get("/v1/initiatives/" + initiative + "/activities?limit=200&q="
                + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)).expect(200);
    }

    /** Open findings of one kind, up to 200. */
    public Answer findings(UUID initiative, String kind) {
        return admin().get("/v1/initiatives/" + initiative + "/findings?status=OPEN&limit=200&type=" + kind).expect(200);
    }
}
