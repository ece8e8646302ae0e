package dev.inferencegateway.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inferencegateway.config.testing.CrdCatalog;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Structural checks every rendered manifest must pass, as the API server would apply them: names
 * and labels valid, objects in the release namespace, InferencePools and InferenceObjectives valid
 * against this project's CRDs (config/crd), and the references between objects resolved
 * (Services select the Deployment's pods and name its ports, bindings name rendered Roles and the
 * ServiceAccount, volumes name rendered ConfigMaps).
 */
final class ManifestChecks {

    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final CrdCatalog CRDS = CrdCatalog.load();
    private static final Set<String> CLUSTER_KINDS = Set.of("ClusterRole", "ClusterRoleBinding");
    private static final Set<String> RBAC_KINDS = Set.of("Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding");
    private static final Set<String> DNS_LABEL_KINDS = Set.of("Service", "Deployment");

    private ManifestChecks() {
    }

    /** Asserts every check on every object of the manifest rendered into {@code namespace}. */
    static void assertValid(Manifest manifest, String namespace) {
        assertThat(manifest.objects()).as("rendered objects").isNotEmpty();
        Set<String> seen = new HashSet<>();
        for (ObjectNode object : manifest.objects()) {
            String id = object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
            assertThat(seen.add(id)).as("duplicate object %s", id).isTrue();
            assertIdentity(object, id, namespace);
            assertLabels(object.path("metadata").path("labels"), id);
        }
        for (ObjectNode object : manifest.objects()) {
            CRDS.forObject(object).ifPresent(crd -> assertThat(crd.violations(object))
                    .as("%s/%s against the CRD in config/crd", object.path("kind").asText(),
                            object.path("metadata").path("name").asText())
                    .isEmpty());
        }
        manifest.ofKind("Deployment").forEach(deployment -> assertDeployment(manifest, deployment));
        manifest.ofKind("Service").forEach(service -> assertServiceSelectsPods(manifest, service));
        manifest.ofKind("RoleBinding").forEach(binding -> assertBinding(manifest, binding));
        manifest.ofKind("ClusterRoleBinding").forEach(binding -> assertBinding(manifest, binding));
    }

    private static void assertIdentity(ObjectNode object, String id, String namespace) {
        String kind = object.path("kind").asText();
        assertThat(object.path("apiVersion").asText()).as("%s apiVersion", id).isNotBlank();
        assertThat(kind).as("%s kind", id).isNotBlank();
        String name = object.path("metadata").path("name").asText();
        assertThat(name.length()).as("%s name length", id).isBetween(1, 253);
        if (RBAC_KINDS.contains(kind)) {
            assertThat(name).as("%s name (path segment)", id).doesNotContain("/", "%").isNotIn(".", "..");
        } else if (DNS_LABEL_KINDS.contains(kind)) {
            assertThat(name).as("%s name (DNS label)", id).matches(DNS_LABEL).hasSizeLessThanOrEqualTo(63);
        } else {
            assertThat(name).as("%s name (DNS subdomain)", id).matches(DNS_SUBDOMAIN);
        }
        JsonNode objectNamespace = object.path("metadata").path("namespace");
        if (CLUSTER_KINDS.contains(kind)) {
            assertThat(objectNamespace.isMissingNode()).as("%s is cluster-scoped", id).isTrue();
        } else {
            assertThat(objectNamespace.asText()).as("%s namespace", id).isEqualTo(namespace);
        }
    }

    private static void assertLabels(JsonNode labels, String id) {
        for (Map.Entry<String, JsonNode> label : labels.properties()) {
            String key = label.getKey();
            String name = key.contains("/") ? key.substring(key.indexOf('/') + 1) : key;
            if (key.contains("/")) {
                assertThat(key.substring(0, key.indexOf('/'))).as("%s label prefix %s", id, key).matches(DNS_SUBDOMAIN);
            }
            assertThat(name).as("%s label name %s", id, key).matches(LABEL_NAME).hasSizeLessThanOrEqualTo(63);
            assertThat(label.getValue().isTextual()).as("%s label %s is a string", id, key).isTrue();
            assertThat(label.getValue().asText()).as("%s label %s value", id, key)
                    .matches(LABEL_VALUE).hasSizeLessThanOrEqualTo(63);
        }
    }

    private static void assertDeployment(Manifest manifest, ObjectNode deployment) {
        String id = "Deployment/" + deployment.path("metadata").path("name").asText();
        JsonNode template = deployment.path("spec").path("template");
        JsonNode selector = deployment.path("spec").path("selector").path("matchLabels");
        assertThat(selector.size()).as("%s selector", id).isPositive();
        assertSubset(selector, template.path("metadata").path("labels"), id + " selector vs pod labels");
        assertLabels(template.path("metadata").path("labels"), id + " pod template");
        JsonNode pod = template.path("spec");
        String account = pod.path("serviceAccountName").asText();
        assertThat(manifest.find("ServiceAccount", account)).as("%s ServiceAccount %s", id, account).isPresent();
        Set<String> containers = new HashSet<>();
        for (JsonNode container : pod.path("containers")) {
            assertThat(containers.add(container.path("name").asText())).as("%s duplicate container", id).isTrue();
            assertThat(container.path("image").asText()).as("%s image", id).isNotBlank();
            Set<String> ports = new HashSet<>();
            for (JsonNode port : container.path("ports")) {
                int number = port.path("containerPort").asInt();
                assertThat(number).as("%s containerPort", id).isBetween(1, 65535);
                if (port.has("name")) {
                    String portName = port.path("name").asText();
                    assertThat(portName).as("%s port name", id).matches(PORT_NAME).hasSizeLessThanOrEqualTo(15);
                    assertThat(ports.add(portName)).as("%s duplicate port name %s", id, portName).isTrue();
                }
            }
            Set<String> mounts = new HashSet<>();
            container.path("volumeMounts").forEach(mount -> mounts.add(mount.path("name").asText()));
            Set<String> volumes = new HashSet<>();
            pod.path("volumes").forEach(volume -> volumes.add(volume.path("name").asText()));
            assertThat(volumes).as("%s volumes for the mounts of %s", id, container.path("name").asText())
                    .containsAll(mounts);
        }
        for (JsonNode volume : pod.path("volumes")) {
            JsonNode configMap = volume.path("configMap");
            if (!configMap.isMissingNode()) {
                String name = configMap.path("name").asText();
                assertThat(manifest.find("ConfigMap", name)).as("%s volume ConfigMap %s", id, name).isPresent();
            }
        }
    }

    private static void assertServiceSelectsPods(Manifest manifest, ObjectNode service) {
        String id = "Service/" + service.path("metadata").path("name").asText();
        JsonNode selector = service.path("spec").path("selector");
        ObjectNode deployment = manifest.ofKind("Deployment").stream()
                .filter(d -> contains(d.path("spec").path("template").path("metadata").path("labels"), selector))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " selects no rendered Deployment: " + selector));
        Set<String> containerPorts = new HashSet<>();
        Set<Integer> containerNumbers = new HashSet<>();
        for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
            for (JsonNode port : container.path("ports")) {
                containerPorts.add(port.path("name").asText());
                containerNumbers.add(port.path("containerPort").asInt());
            }
        }
        for (JsonNode port : service.path("spec").path("ports")) {
            JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
            if (target.isTextual()) {
                assertThat(containerPorts).as("%s targetPort", id).contains(target.asText());
            } else {
                assertThat(containerNumbers).as("%s targetPort", id).contains(target.asInt());
            }
        }
    }

    private static void assertBinding(Manifest manifest, ObjectNode binding) {
        String id = binding.path("kind").asText() + "/" + binding.path("metadata").path("name").asText();
        JsonNode roleRef = binding.path("roleRef");
        assertThat(roleRef.path("apiGroup").asText()).as("%s roleRef.apiGroup", id).isEqualTo("rbac.authorization.k8s.io");
        assertThat(manifest.find(roleRef.path("kind").asText(), roleRef.path("name").asText()))
                .as("%s roleRef %s", id, roleRef).isPresent();
        assertThat(binding.path("subjects").size()).as("%s subjects", id).isPositive();
    }

    private static void assertSubset(JsonNode subset, JsonNode superset, String what) {
        assertThat(contains(superset, subset)).as("%s: %s not within %s", what, subset, superset).isTrue();
    }

    private static boolean contains(JsonNode superset, JsonNode subset) {
        if (subset.isMissingNode() || subset.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> entry : subset.properties()) {
            if (!entry.getValue().equals(superset.path(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
