package org.backbone.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The Keycloak Operator's realm import, generated from deploy/keycloak/backbone-realm.json — the one
 * realm file, which ./backbone infra and docker-compose import too. base/ gets the realm without the
 * demo users and partner systems, with communication-service's client secret as a placeholder the
 * operator fills from a Secret; overlays/dev adds the demo's users and clients back, as they are in
 * the file. Write them again after changing the realm: {@code ./backbone k8s-realm}.
 */
final class RealmImports {

    static final Path REALM = Manifests.ROOT.resolve("deploy/keycloak/backbone-realm.json");
    static final Path BASE = Manifests.K8S.resolve("base/platform/keycloak/realm-import.yaml");
    static final Path DEV = Manifests.K8S.resolve("overlays/dev/realm-demo.yaml");

    /** Demo logins, the demo partner systems and the tests' short-lived client: dev only. */
    static final Set<String> DEMO_USERS = Set.of("admin", "member-a", "member-b", "observer",
            "service-account-partner-a-system", "service-account-partner-b-system", "service-account-short-lived-system");
    static final Set<String> DEMO_CLIENTS = Set.of("partner-a-system", "partner-b-system", "short-lived-system");
    static final String DIRECTORY_SECRET = "COMMUNICATION_DIRECTORY_SECRET";

    private static final String HEADER = "# GENERATED from deploy/keycloak/backbone-realm.json by deploy/k8s-checks (RealmImports): do not\n"
            + "# edit; change the realm file and run ./backbone k8s-realm. A test fails while the two differ.\n";

    private RealmImports() {
    }

    static String base() throws IOException {
        ObjectNode realm = (ObjectNode) Manifests.JSON.readTree(REALM.toFile());
        ArrayNode users = realm.putArray("users");
        realm(REALM).path("users").forEach(u -> {
            if (!DEMO_USERS.contains(u.path("username").asText())) {
                users.add(u);
            }
        });
        ArrayNode clients = realm.putArray("clients");
        realm(REALM).path("clients").forEach(c -> {
            if (!DEMO_CLIENTS.contains(c.path("clientId").asText())) {
                ObjectNode client = (ObjectNode) c.deepCopy();
                if (client.has("secret")) {
                    client.put("secret", "${" + DIRECTORY_SECRET + "}");
                }
                clients.add(client);
            }
        });
        ObjectNode doc = Manifests.JSON.createObjectNode();
        doc.put("apiVersion", "k8s.keycloak.org/v2alpha1").put("kind", "KeycloakRealmImport");
        doc.putObject("metadata").put("name", "backbone-realm");
        ObjectNode spec = doc.putObject("spec");
        spec.put("keycloakCRName", "backbone-keycloak");
        spec.putObject("placeholders").putObject(DIRECTORY_SECRET).putObject("secret")
                .put("name", "communication-service-secrets").put("key", "directory-client-secret");
        spec.set("realm", realm);
        return HEADER + Manifests.YAML.writeValueAsString(doc).replaceFirst("^---\n", "");
    }

    static String dev() throws IOException {
        JsonNode realm = realm(REALM);
        ObjectNode doc = Manifests.JSON.createObjectNode();
        doc.put("apiVersion", "k8s.keycloak.org/v2alpha1").put("kind", "KeycloakRealmImport");
        doc.putObject("metadata").put("name", "backbone-realm");
        ObjectNode spec = doc.putObject("spec");
        ObjectNode patch = spec.putObject("realm");
        patch.set("users", realm.path("users"));
        patch.set("clients", realm.path("clients"));
        return HEADER + Manifests.YAML.writeValueAsString(doc).replaceFirst("^---\n", "");
    }

    static JsonNode realm(Path file) {
        try {
            return Manifests.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes both files (what ./backbone k8s-realm runs). */
    public static void main(String[] args) throws IOException {
        Files.writeString(BASE, base());
        Files.writeString(DEV, dev());
        System.out.println("wrote " + BASE + " and " + DEV);
    }
}
