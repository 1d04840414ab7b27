package org.backbone.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether an object is one Kubernetes would take as written. Built-in kinds go through the official
 * Java client's models, which refuse unknown fields and wrong types. Custom resources go through their
 * operator's CRD schema (deploy/k8s/crds), read as the API server prunes: a field a schema does not
 * name is an error here (where the server would silently drop it), unless the schema keeps unknown
 * fields. CEL rules are not evaluated.
 */
final class Validators {

    /** The built-in kinds deploy/k8s uses, and their model classes. */
    private static final Map<String, String> MODELS = Map.ofEntries(
            Map.entry("apps/v1/Deployment", "V1Deployment"),
            Map.entry("v1/Service", "V1Service"),
            Map.entry("v1/ServiceAccount", "V1ServiceAccount"),
            Map.entry("v1/ConfigMap", "V1ConfigMap"),
            Map.entry("v1/Secret", "V1Secret"),
            Map.entry("networking.k8s.io/v1/Ingress", "V1Ingress"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", "V1NetworkPolicy"),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", "V2HorizontalPodAutoscaler"),
            Map.entry("policy/v1/PodDisruptionBudget", "V1PodDisruptionBudget"),
            Map.entry("rbac.authorization.k8s.io/v1/Role", "V1Role"),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", "V1RoleBinding"));

    /**
     * Kinds whose definition is not in deploy/k8s/crds: the Prometheus Operator's PodMonitor (its CRDs
     * are large and versioned with it; the monitoring component says which it needs). Checked by hand
     * in the policies instead.
     */
    static final List<String> UNCHECKED = List.of("monitoring.coreos.com/v1/PodMonitor");

    private final Map<String, JsonSchema> crds = new HashMap<>();

    Validators() throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        try (Stream<Path> files = Files.list(Manifests.K8S.resolve("crds"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList()) {
                for (ObjectNode crd : Manifests.parse(Files.readString(file))) {
                    if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                        continue;
                    }
                    String group = crd.path("spec").path("group").asText();
                    String kind = crd.path("spec").path("names").path("kind").asText();
                    for (JsonNode version : crd.path("spec").path("versions")) {
                        JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                        ObjectNode root = (ObjectNode) schema;
                        ObjectNode properties = root.has("properties") ? (ObjectNode) root.get("properties") : root.putObject("properties");
                        for (String field : List.of("apiVersion", "kind")) {
                            if (!properties.has(field)) {
                                properties.putObject(field).put("type", "string");
                            }
                        }
                        if (!properties.has("metadata") || !properties.get("metadata").has("properties")) {
                            properties.putObject("metadata").put("type", "object");
                        }
                        strict(root);
                        crds.put(group + "/" + version.path("name").asText() + "/" + kind, factory.getSchema(root));
                    }
                }
            }
        }
    }

    /** What is wrong with {@code object}; empty when nothing is. */
    List<String> problems(JsonNode object) {
        String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        if (UNCHECKED.contains(key)) {
            return List.of();
        }
        String model = MODELS.get(key);
        if (model != null) {
            return builtIn(model, object);
        }
        JsonSchema schema = crds.get(key);
        if (schema == null) {
            return List.of("no model and no CRD for " + key + ": add its CRD to deploy/k8s/crds");
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage m : schema.validate(object)) {
            problems.add(m.getMessage());
        }
        return problems;
    }

    private static List<String> builtIn(String model, JsonNode object) {
        try {
            Class<?> type = Class.forName("io.kubernetes.client.openapi.models." + model);
            type.getMethod("validateJsonElement", com.google.gson.JsonElement.class)
                    .invoke(null, JsonParser.parseString(object.toString()));
            return List.of();
        } catch (InvocationTargetException e) {
            return List.of(String.valueOf(e.getCause().getMessage()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model, e);
        }
    }

    /** Makes every object schema that names its properties refuse others (what the API server would prune). */
    private static void strict(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            if (schema != null && schema.isArray()) {
                schema.forEach(Validators::strict);
            }
            return;
        }
        boolean keepsUnknown = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (node.has("properties") && !node.has("additionalProperties") && !keepsUnknown) {
            node.put("additionalProperties", false);
        }
        // OpenAPI's nullable: null is allowed beside the type
        if (node.path("nullable").asBoolean(false) && node.has("type") && node.get("type").isTextual()) {
            String type = node.get("type").asText();
            node.putArray("type").add(type).add("null");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            strict(it.next().getValue());
        }
    }

    static Optional<String> model(String apiVersionKind) {
        return Optional.ofNullable(MODELS.get(apiVersionKind));
    }
}
