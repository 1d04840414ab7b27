package org.backbone.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/k8s without a cluster: it renders, every object is valid, and the policies hold. */
class KubernetesManifestsTest {

    static final List<String> OVERLAYS = List.of("overlays/dev", "overlays/prod");
    static final List<String> SERVICES = List.of("agenda-service", "measurement-service", "activity-service",
            "communication-service", "gateway");
    static Validators validators;
    static Map<String, List<ObjectNode>> rendered;

    @BeforeAll
    static void render() throws IOException {
        validators = new Validators();
        rendered = Map.of("overlays/dev", Manifests.render("overlays/dev"), "overlays/prod", Manifests.render("overlays/prod"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyObjectIsValidAgainstKubernetesModelsOrItsOperatorsCrd(String overlay) {
        List<ObjectNode> objects = rendered.get(overlay);
        assertThat(objects).hasSizeGreaterThan(40);
        List<String> problems = new ArrayList<>();
        for (ObjectNode o : objects) {
            validators.problems(o).forEach(p -> problems.add(Manifests.describe(o) + ": " + p));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aMistakeInABuiltInObjectOrACustomResourceIsCaught() {
        ObjectNode deployment = Manifests.ofKind(rendered.get("overlays/prod"), "Deployment").get(0).deepCopy();
        ObjectNode container = (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0);
        container.set("readynessProbe", container.remove("readinessProbe"));
        assertThat(validators.problems(deployment)).anySatisfy(p -> assertThat(p).contains("readynessProbe"));

        // a wrong type where the model wants a list or an object (the models do not check numbers' types)
        ObjectNode wrongType = Manifests.ofKind(rendered.get("overlays/prod"), "Deployment").get(0).deepCopy();
        ((ObjectNode) wrongType.path("spec").path("template").path("spec")).put("containers", "agenda-service");
        assertThat(validators.problems(wrongType)).anySatisfy(p -> assertThat(p).contains("containers"));

        ObjectNode kafka = Manifests.ofKind(rendered.get("overlays/prod"), "Kafka").get(0).deepCopy();
        ObjectNode spec = (ObjectNode) kafka.path("spec").path("kafka");
        spec.set("listener", spec.remove("listeners"));
        assertThat(validators.problems(kafka)).anySatisfy(p -> assertThat(p).contains("listener"));

        ObjectNode user = Manifests.ofKind(rendered.get("overlays/prod"), "KafkaUser").get(0).deepCopy();
        ((ObjectNode) user.path("spec").path("authentication")).put("type", "plain-text");
        assertThat(validators.problems(user)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyDeploymentProbesItsManagementPortHasResourcesAndRunsLockedDown(String overlay) {
        List<ObjectNode> deployments = Manifests.ofKind(rendered.get(overlay), "Deployment");
        assertThat(deployments).extracting(Manifests::name).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (ObjectNode d : deployments) {
            JsonNode pod = d.path("spec").path("template").path("spec");
            String what = Manifests.describe(d);
            // no token unless it needs one: agenda-service alone, for its Role (partners' Kafka accounts)
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(what + " mounts a token")
                    .isEqualTo(Manifests.name(d).equals("agenda-service"));
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(what + " runs as non-root").isTrue();
            for (JsonNode c : pod.path("containers")) {
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    assertThat(c.path(probe).path("httpGet").path("port").asText()).as(what + " " + probe).isEqualTo("management");
                }
                assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
                for (String kind : List.of("requests", "limits")) {
                    assertThat(c.path("resources").path(kind).has("cpu")).as(what + " " + kind + " cpu").isTrue();
                    assertThat(c.path("resources").path(kind).has("memory")).as(what + " " + kind + " memory").isTrue();
                }
                assertThat(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).as(what + " read-only root").isTrue();
                assertThat(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
                assertThat(c.path("lifecycle").path("preStop").isMissingNode()).as(what + " preStop").isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyServiceSelectsPodsThatExistAndNoneExposesTheManagementPort(String overlay) {
        List<ObjectNode> objects = rendered.get(overlay);
        List<JsonNode> podLabels = Manifests.ofKind(objects, "Deployment").stream()
                .map(d -> d.path("spec").path("template").path("metadata").path("labels")).toList();
        for (ObjectNode service : Manifests.ofKind(objects, "Service")) {
            JsonNode selector = service.path("spec").path("selector");
            assertThat(podLabels).as(Manifests.describe(service) + " selects a Deployment's pods").anySatisfy(labels ->
                    selector.fields().forEachRemaining(e -> assertThat(labels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText())));
            for (JsonNode port : service.path("spec").path("ports")) {
                assertThat(port.path("targetPort").asText()).as(Manifests.describe(service)).isNotIn("management", "9000");
            }
        }
        for (ObjectNode ingress : Manifests.ofKind(objects, "Ingress")) {
            ingress.findValues("service").forEach(backend -> {
                assertThat(backend.path("name").asText()).isEqualTo("gateway");
                assertThat(backend.path("port").path("name").asText()).isEqualTo("http");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everySecretAManifestNamesIsInTheReadmesList(String overlay) throws IOException {
        Set<String> listed = readmeSecrets();
        Set<String> made = new HashSet<>(Set.of("backbone-cluster-ca-cert")); // Strimzi's cluster CA
        Manifests.ofKind(rendered.get(overlay), "KafkaUser").forEach(u -> made.add(Manifests.name(u)));
        Set<String> named = new TreeSet<>();
        for (ObjectNode o : rendered.get(overlay)) {
            o.findValues("secretKeyRef").forEach(r -> named.add(r.path("name").asText()));
            o.findValues("secretName").forEach(r -> named.add(r.asText()));
            o.findValues("passwordSecret").forEach(r -> named.add(r.path("name").asText()));
            o.findValues("usernameSecret").forEach(r -> named.add(r.path("name").asText()));
            o.findValues("tlsSecret").forEach(r -> named.add(r.asText()));
            o.findValues("accessKeyId").forEach(r -> named.add(r.path("name").asText()));
            o.findValues("secretAccessKey").forEach(r -> named.add(r.path("name").asText()));
            o.findValues("placeholders").forEach(p -> p.forEach(v -> named.add(v.path("secret").path("name").asText())));
        }
        named.removeAll(made);
        assertThat(listed).as("the secrets deploy/k8s/README.md lists").containsAll(named);
    }

    @Test
    void eachServicesKafkaUserWritesOnlyItsOwnTopicsAndItsDeadLetters() {
        Map<String, String> owns = Map.of("agenda-service", "backbone.agenda.v1", "measurement-service", "backbone.measurement.v1",
                "activity-service", "backbone.activity.v1", "communication-service", "backbone.communication.v1");
        List<ObjectNode> users = Manifests.ofKind(rendered.get("overlays/prod"), "KafkaUser");
        assertThat(users).extracting(Manifests::name).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (ObjectNode user : users) {
            String name = Manifests.name(user);
            String shortName = name.replace("-service", "");
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                String topic = resource.path("name").asText();
                List<String> operations = new ArrayList<>();
                acl.path("operations").forEach(op -> operations.add(op.asText()));
                assertThat(operations).as(name + " on " + topic).doesNotContain("All", "Alter", "AlterConfigs", "Delete");
                assertThat(topic).as(name).isNotEqualTo("*");
                if (operations.contains("Write")) {
                    boolean allowed = topic.equals(owns.get(name)) || topic.endsWith(".dlq." + shortName)
                            || topic.endsWith("dlq." + shortName) || topic.equals("partner.dead-letters." + shortName)
                            || name.equals("gateway") && topic.equals("partner.") && "prefix".equals(resource.path("patternType").asText());
                    assertThat(allowed).as(name + " writes " + topic).isTrue();
                }
                if ("group".equals(resource.path("type").asText())) {
                    assertThat(topic).as(name + "'s consumer groups").startsWith(shortName);
                }
            }
        }
    }

    @Test
    void theOneServiceWithATokenMayOnlyManagePartnersKafkaAccounts() {
        List<ObjectNode> objects = rendered.get("overlays/prod");
        List<ObjectNode> bindings = Manifests.ofKind(objects, "RoleBinding");
        assertThat(bindings).singleElement().satisfies(b -> {
            assertThat(b.path("subjects").get(0).path("name").asText()).isEqualTo("agenda-service");
            assertThat(b.path("roleRef").path("kind").asText()).isEqualTo("Role");
        });
        assertThat(Manifests.ofKind(objects, "ClusterRole")).isEmpty();
        ObjectNode role = Manifests.ofKind(objects, "Role").get(0);
        Set<String> resources = new TreeSet<>();
        role.path("rules").forEach(rule -> rule.path("resources").forEach(r -> resources.add(r.asText())));
        assertThat(resources).containsExactlyInAnyOrder("kafkausers", "kafkatopics", "secrets");
        assertThat(role.toString()).doesNotContain("\"*\"");
    }

    @Test
    void prodHasAnAutoscalerAndADisruptionBudgetPerServiceAndDevHasNeither() {
        List<ObjectNode> prod = rendered.get("overlays/prod");
        assertThat(Manifests.ofKind(prod, "HorizontalPodAutoscaler")).extracting(h -> h.path("spec").path("scaleTargetRef")
                .path("name").asText()).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(Manifests.ofKind(prod, "PodDisruptionBudget")).extracting(p -> p.path("spec").path("selector")
                .path("matchLabels").path("app.kubernetes.io/name").asText()).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(Manifests.ofKind(prod, "Deployment")).allSatisfy(d -> assertThat(d.path("spec").path("template")
                .path("spec").path("topologySpreadConstraints").size()).isEqualTo(2));
        assertThat(Manifests.ofKind(rendered.get("overlays/dev"), "HorizontalPodAutoscaler")).isEmpty();
        assertThat(Manifests.ofKind(rendered.get("overlays/dev"), "PodDisruptionBudget")).isEmpty();
    }

    @Test
    void networkPoliciesDenyByDefaultAndOnlyTheIngressControllerReachesTheGateway() {
        List<ObjectNode> policies = Manifests.ofKind(rendered.get("overlays/prod"), "NetworkPolicy");
        ObjectNode deny = policies.stream().filter(p -> Manifests.name(p).equals("backbone-default-deny")).findFirst().orElseThrow();
        assertThat(deny.path("spec").has("ingress")).isFalse();
        assertThat(deny.path("spec").has("egress")).isFalse();
        assertThat(deny.path("spec").path("policyTypes").toString()).contains("Ingress").contains("Egress");
        List<ObjectNode> toGateway = policies.stream().filter(p -> "gateway".equals(p.path("spec").path("podSelector")
                .path("matchLabels").path("app.kubernetes.io/name").asText()) && p.path("spec").has("ingress")).toList();
        assertThat(toGateway).hasSize(1);
        assertThat(toGateway.get(0).path("spec").path("ingress").toString()).contains("ingress-nginx");
        ObjectNode internet = policies.stream().filter(p -> Manifests.name(p).equals("communication-to-internet")).findFirst()
                .orElseThrow();
        assertThat(internet.toString()).contains("10.0.0.0/8").contains("172.16.0.0/12").contains("192.168.0.0/16");
    }

    @Test
    void theRealmImportIsGeneratedFromTheRealmFileAndDemoUsersAreOnlyInDev() throws IOException {
        if (Boolean.getBoolean("backbone.k8s.write")) {
            RealmImports.main(new String[0]);
        }
        assertThat(Files.readString(RealmImports.BASE)).as("base realm import: run ./backbone k8s-realm")
                .isEqualTo(RealmImports.base());
        assertThat(Files.readString(RealmImports.DEV)).as("dev realm patch: run ./backbone k8s-realm")
                .isEqualTo(RealmImports.dev());
        JsonNode realm = RealmImports.realm(RealmImports.REALM);
        JsonNode dev = Manifests.ofKind(rendered.get("overlays/dev"), "KeycloakRealmImport").get(0).path("spec").path("realm");
        assertThat(dev).isEqualTo(realm);
        JsonNode prod = Manifests.ofKind(rendered.get("overlays/prod"), "KeycloakRealmImport").get(0).path("spec").path("realm");
        List<String> prodUsers = new ArrayList<>();
        prod.path("users").forEach(u -> prodUsers.add(u.path("username").asText()));
        assertThat(prodUsers).doesNotContainAnyElementsOf(RealmImports.DEMO_USERS).isNotEmpty();
        assertThat(prod.toString()).doesNotContain("communication-secret").doesNotContain("partner-a-secret");
    }

    /** The names in the first column of deploy/k8s/README.md's table of secrets. */
    static Set<String> readmeSecrets() throws IOException {
        String readme = Files.readString(Manifests.K8S.resolve("README.md"));
        int start = readme.indexOf("## Secrets");
        assertThat(start).as("deploy/k8s/README.md has a Secrets section").isPositive();
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z0-9-]+)`").matcher(readme.substring(start));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
