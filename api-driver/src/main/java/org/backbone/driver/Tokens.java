package org.backbone.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Real access tokens from the local Keycloak for the demo users and partner systems of the realm. */
public final class Tokens {

    public static final UUID ORG_A = UUID.fromString("11111111-1111-4111-8111-111111111111");
    public static final UUID ORG_B = UUID.fromString("22222222-2222-4222-8222-222222222222");
    public static final String PASSWORD = "backbone";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String issuer() {
        return System.getenv().getOrDefault("OIDC_AUTH_SERVER_URL", "http://127.0.0.1:18080/realms/backbone");
    }

    /** Password grant through the public {@code backbone-cli} client: admin, member-a, member-b, observer. */
    public static String user(String username) {
        return CACHE.computeIfAbsent("user:" + username, key -> token(Map.of("grant_type", "password",
                "client_id", "backbone-cli", "username", username, "password", PASSWORD)));
    }

    /** Client-credentials grant of a partner system: partner-a-system, partner-b-system. */
    public static String system(String clientId) {
        String secret = clientId.replace("-system", "-secret");
        return CACHE.computeIfAbsent("system:" + clientId, key -> token(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret)));
    }

    public static String admin() {
        return user("admin");
    }

    private static String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token: " + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            return json.get("access_token").asText();
        } catch (Exception e) {
            throw new IllegalStateException("cannot get a token from " + issuer(), e);
        }
    }
}
