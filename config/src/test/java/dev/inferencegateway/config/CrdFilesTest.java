package dev.inferencegateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.config.testing.CrdCatalog;
import dev.inferencegateway.config.testing.CrdSchema;
import dev.inferencegateway.config.testing.YamlDocuments;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The CRD files parse as fabric8 CustomResourceDefinitions and carry upstream's names and rules. */
class CrdFilesTest {

    private static final Path CRD = CrdCatalog.configDirectory().resolve("crd");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static CustomResourceDefinition crd(String file) throws IOException {
        return SERIALIZATION.unmarshal(Files.readString(CRD.resolve("bases").resolve(file)),
                CustomResourceDefinition.class);
    }

    private static JSONSchemaProps spec(CustomResourceDefinition crd) {
        return crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema().getProperties().get("spec");
    }

    @Test
    void inferencePoolIsV1WithUpstreamShapeAndValidation() throws IOException {
        CustomResourceDefinition crd = crd("inference.networking.k8s.io_inferencepools.yaml");

        assertThat(crd.getMetadata().getName()).isEqualTo("inferencepools.inference.networking.k8s.io");
        assertThat(crd.getMetadata().getAnnotations()).containsKey("api-approved.kubernetes.io");
        assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
        assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("infpool");
        CustomResourceDefinitionVersion v1 = crd.getSpec().getVersions().get(0);
        assertThat(v1.getName()).isEqualTo("v1");
        assertThat(v1.getStorage()).isTrue();
        assertThat(v1.getSubresources().getStatus()).isNotNull();

        JSONSchemaProps spec = spec(crd);
        assertThat(spec.getRequired()).containsExactly("selector", "targetPorts");
        JSONSchemaProps matchLabels = spec.getProperties().get("selector").getProperties().get("matchLabels");
        assertThat(matchLabels.getMinProperties()).isEqualTo(1L);
        assertThat(matchLabels.getMaxProperties()).isEqualTo(64L);
        assertThat(matchLabels.getAdditionalProperties().getSchema().getMaxLength()).isEqualTo(63L);
        JSONSchemaProps targetPorts = spec.getProperties().get("targetPorts");
        assertThat(targetPorts.getMinItems()).isEqualTo(1L);
        assertThat(targetPorts.getMaxItems()).isEqualTo(8L);
        assertThat(targetPorts.getXKubernetesValidations().get(0).getMessage()).isEqualTo("port number must be unique");
        JSONSchemaProps appProtocol = spec.getProperties().get("appProtocol");
        assertThat(appProtocol.getDefault().asText()).isEqualTo("http");
        assertThat(appProtocol.getEnum()).extracting(Object::toString)
                .containsExactly("\"http\"", "\"kubernetes.io/h2c\"");
        JSONSchemaProps ref = spec.getProperties().get("endpointPickerRef");
        assertThat(ref.getRequired()).containsExactly("name");
        assertThat(ref.getProperties().get("kind").getDefault().asText()).isEqualTo("Service");
        assertThat(ref.getProperties().get("group").getDefault().asText()).isEmpty();
        assertThat(ref.getProperties().get("failureMode").getDefault().asText()).isEqualTo("FailClose");
        assertThat(ref.getProperties().get("port").getProperties().get("number").getMaximum()).isEqualTo(65535.0);
        JSONSchemaProps parents = v1.getSchema().getOpenAPIV3Schema().getProperties().get("status")
                .getProperties().get("parents");
        assertThat(parents.getMaxItems()).isEqualTo(32L);
        assertThat(parents.getItems().getSchema().getProperties().get("conditions").getMaxItems()).isEqualTo(8L);
        assertThat(parents.getItems().getSchema().getProperties().get("parentRef").getProperties().get("group")
                .getDefault().asText()).isEqualTo("gateway.networking.k8s.io");
    }

    @Test
    void inferencePoolCelRulesAreUpstreams() {
        CrdSchema pool = CrdSchema.load(CRD.resolve("bases/inference.networking.k8s.io_inferencepools.yaml"));

        assertThat(pool.celRules("v1")).containsExactly(
                "spec.targetPorts: self.all(p1, self.exists_one(p2, p1.number==p2.number)) => port number must be unique",
                "spec.endpointPickerRef: self.kind != 'Service' || has(self.port) => port is required when kind is "
                        + "'Service' or unspecified (defaults to 'Service')");
    }

    @Test
    void inferenceObjectiveIsV1alpha2WithPriorityAndPoolRef() throws IOException {
        CustomResourceDefinition crd = crd("inference.networking.x-k8s.io_inferenceobjectives.yaml");

        assertThat(crd.getSpec().getGroup()).isEqualTo("inference.networking.x-k8s.io");
        assertThat(crd.getSpec().getVersions()).extracting(CustomResourceDefinitionVersion::getName)
                .containsExactly("v1alpha2");
        JSONSchemaProps spec = spec(crd);
        assertThat(spec.getRequired()).containsExactly("poolRef");
        assertThat(spec.getProperties().get("priority").getType()).isEqualTo("integer");
        assertThat(spec.getProperties().get("priority").getMinimum()).isNull();
        JSONSchemaProps poolRef = spec.getProperties().get("poolRef");
        assertThat(poolRef.getProperties().get("group").getDefault().asText()).isEqualTo("inference.networking.k8s.io");
        assertThat(poolRef.getProperties().get("kind").getDefault().asText()).isEqualTo("InferencePool");
        JSONSchemaProps conditions = crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema()
                .getProperties().get("status").getProperties().get("conditions");
        assertThat(conditions.getDefault().get(0).path("type").asText()).isEqualTo("Ready");
        assertThat(conditions.getDefault().get(0).path("reason").asText()).isEqualTo("Pending");
    }

    @Test
    void inferenceModelRewriteIsV1alpha2WithWeightedTargets() throws IOException {
        CustomResourceDefinition crd = crd("inference.networking.x-k8s.io_inferencemodelrewrites.yaml");

        JSONSchemaProps spec = spec(crd);
        assertThat(spec.getRequired()).containsExactly("poolRef", "rules");
        JSONSchemaProps rule = spec.getProperties().get("rules").getItems().getSchema();
        JSONSchemaProps model = rule.getProperties().get("matches").getItems().getSchema().getProperties().get("model");
        assertThat(model.getRequired()).containsExactly("value");
        assertThat(model.getProperties().get("type").getDefault().asText()).isEqualTo("Exact");
        JSONSchemaProps targets = rule.getProperties().get("targets");
        assertThat(targets.getMinItems()).isEqualTo(1L);
        JSONSchemaProps weight = targets.getItems().getSchema().getProperties().get("weight");
        assertThat(weight.getMinimum()).isEqualTo(1.0);
        assertThat(weight.getMaximum()).isEqualTo(1_000_000.0);
    }

    @Test
    void kustomizationListsEveryCrd() throws IOException {
        List<String> resources;
        try (Stream<Path> files = Files.list(CRD.resolve("bases"))) {
            resources = files.map(f -> "bases/" + f.getFileName()).sorted().toList();
        }
        List<String> listed = YamlDocuments.read(CRD.resolve("kustomization.yaml")).get(0).path("resources")
                .valueStream().map(node -> node.asText()).sorted().toList();

        assertThat(listed).isEqualTo(resources).hasSize(3);
    }

    @Test
    void everyCrdIsStructural() {
        for (CrdSchema crd : CrdCatalog.load().crds()) {
            for (String version : crd.versions()) {
                assertStructural(crd.kind(), crd.schema(version).orElseThrow(), "");
            }
        }
    }

    private static void assertStructural(String kind, com.fasterxml.jackson.databind.JsonNode schema, String path) {
        assertThat(schema.path("type").asText()).as("%s %s has a type", kind, path).isNotEmpty();
        schema.path("properties").properties().forEach(property ->
                assertStructural(kind, property.getValue(), path + "." + property.getKey()));
        if (schema.path("items").isObject()) {
            assertStructural(kind, schema.path("items"), path + "[]");
        }
        if (schema.path("additionalProperties").isObject()) {
            assertStructural(kind, schema.path("additionalProperties"), path + "{}");
        }
    }
}
