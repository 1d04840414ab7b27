package org.backbone.communication.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.backbone.communication.config.DirectoryConfig;
import org.backbone.kit.persistence.CallerContext;
import org.backbone.kit.security.Role;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who the people are, from Keycloak's Admin REST API with this service's own service account
 * ({@code view-users}, {@code query-users}): the members of an organisation (users whose
 * {@code partner_id} attribute names it) and backbone staff (the realm role). Cached briefly; a person
 * who has never called the API is found all the same. Partner systems (service accounts) are no people.
 */
@ApplicationScoped
public class PeopleDirectory {

    /** A person: the token subject they are notified under, where mail reaches them, in which language and time zone. */
    public record Person(String subject, String email, String locale, String zone, String username) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 500;

    private final DirectoryConfig config;
    private final String realmUrl;
    private final String adminUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile String token;
    private volatile long tokenExpiresAt;

    private record Cached(List<Person> people, long until) {
    }

    PeopleDirectory(DirectoryConfig config, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        this.config = config;
        this.realmUrl = realmUrl.replaceAll("/+$", "");
        this.adminUrl = this.realmUrl.replaceFirst("/realms/", "/admin/realms/");
    }

    /** The people of these organisations. */
    public Uni<Set<Person>> membersOf(Set<UUID> organisations) {
        List<Uni<List<Person>>> lookups = organisations.stream()
                .map(org -> cached("org:" + org, () -> users("/users?briefRepresentation=false&exact=true&q="
                        + URLEncoder.encode("partner_id:" + org, StandardCharsets.UTF_8))))
                .toList();
        return combine(lookups);
    }

    /** Backbone staff. */
    public Uni<Set<Person>> staff() {
        return combine(List.of(cached("staff", () -> users("/roles/" + Role.BACKBONE_ADMIN + "/users?briefRepresentation=false"))));
    }

    /**
     * One person by subject, blocking (for the mail sender's worker thread); empty when nobody has it
     * any more or the account is disabled.
     */
    public java.util.Optional<Person> person(String subject) {
        Cached hit = cache.get("person:" + subject);
        if (hit != null && hit.until() > System.currentTimeMillis()) {
            return hit.people().stream().findFirst();
        }
        List<Person> found;
        try {
            found = List.of(person(get("/users/" + URLEncoder.encode(subject, StandardCharsets.UTF_8))));
        } catch (NoSuchPerson e) {
            found = List.of();
        }
        found = found.stream().filter(java.util.Objects::nonNull).toList();
        cache.put("person:" + subject, new Cached(found, System.currentTimeMillis() + config.cacheFor().toMillis()));
        return found.stream().findFirst();
    }

    private static final class NoSuchPerson extends RuntimeException {
        NoSuchPerson() {
            super(null, null, false, false);
        }
    }

    private static Uni<Set<Person>> combine(List<Uni<List<Person>>> lookups) {
        if (lookups.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Uni.join().all(lookups).andFailFast().map(lists -> {
            Set<Person> all = new HashSet<>();
            lists.forEach(all::addAll);
            return all;
        });
    }

    private Uni<List<Person>> cached(String key, java.util.function.Supplier<List<Person>> load) {
        Cached hit = cache.get(key);
        if (hit != null && hit.until() > System.currentTimeMillis()) {
            return Uni.createFrom().item(hit.people());
        }
        // the lookups block: on a worker, then back on the caller's context (a reactive session may be open there)
        return CallerContext.blocking(() -> {
            List<Person> people = load.get();
            cache.put(key, new Cached(people, System.currentTimeMillis() + config.cacheFor().toMillis()));
            return people;
        });
    }

    private List<Person> users(String path) {
        List<Person> people = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            JsonNode page = get(path + (path.contains("?") ? "&" : "?") + "first=" + first + "&max=" + PAGE);
            for (JsonNode user : page) {
                Person person = person(user);
                if (person != null) {
                    people.add(person);
                }
            }
            if (page.size() < PAGE) {
                return people;
            }
        }
    }

    /** A user of the Admin API as a person; null for a partner system's service account or a disabled account. */
    private static Person person(JsonNode user) {
        if (user.hasNonNull("serviceAccountClientId") || user.path("username").asText().startsWith("service-account-")
                || !user.path("enabled").asBoolean(true)) {
            return null;
        }
        return new Person(user.path("id").asText(), user.path("email").asText(null), attribute(user, "locale"),
                attribute(user, "zoneinfo"), user.path("username").asText(""));
    }

    private static String attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && values.size() > 0 ? values.get(0).asText() : null;
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(adminUrl + path))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                tokenExpiresAt = 0; // taken back early: fetch a new one next time
            }
            if (response.statusCode() == 404) {
                throw new NoSuchPerson();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the directory answered " + response.statusCode() + " for " + path);
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the directory could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized String token() throws IOException, InterruptedException {
        if (token != null && System.currentTimeMillis() < tokenExpiresAt) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(config.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(config.clientSecret(), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the directory refused this service's credentials: " + response.statusCode());
        }
        JsonNode body = JSON.readTree(response.body());
        token = body.path("access_token").asText();
        // renewed a little before it ends
        tokenExpiresAt = System.currentTimeMillis() + Math.max(5, body.path("expires_in").asLong(60) - 10) * 1000;
        return token;
    }
}
