package dev.inferencegateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inferencegateway.config.testing.CrdCatalog;
import dev.inferencegateway.config.testing.CrdSchema;
import dev.inferencegateway.config.testing.YamlDocuments;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CRDs and the seed scenario's objects applied to the fabric8 mock API server in CRUD mode, as
 * {@code kubectl apply} would: each custom resource is checked against its CRD schema first, then
 * created and read back.
 */
@EnableKubernetesMockClient(crud = true)
class MockApiServerTest {

    private static final Path CONFIG = CrdCatalog.configDirectory();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static KubernetesClient client;
    static KubernetesMockServer server;

    private static void installCrds() throws IOException {
        for (String file : List.of("inference.networking.k8s.io_inferencepools.yaml",
                "inference.networking.x-k8s.io_inferenceobjectives.yaml",
                "inference.networking.x-k8s.io_inferencemodelrewrites.yaml")) {
            CustomResourceDefinition crd = SERIALIZATION.unmarshal(
                    Files.readString(CONFIG.resolve("crd/bases").resolve(file)), CustomResourceDefinition.class);
            client.apiextensions().v1().customResourceDefinitions().resource(crd).createOr(existing -> existing.update());
        }
    }

    private static GenericKubernetesResource apply(JsonNode document, String namespace) {
        CrdSchema crd = CrdCatalog.load().forObject(document).orElseThrow();
        assertThat(crd.violations(document)).as("%s", document.at("/metadata/name")).isEmpty();
        ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
                .withGroup(crd.group())
                .withVersion(crd.versions().get(0))
                .withKind(crd.kind())
                .withPlural(crd.plural())
                .withNamespaced(crd.namespaced())
                .build();
        GenericKubernetesResource resource = SERIALIZATION.convertValue(document, GenericKubernetesResource.class);
        client.genericKubernetesResources(context).inNamespace(namespace).resource(resource).create();
        return client.genericKubernetesResources(context).inNamespace(namespace)
                .withName(resource.getMetadata().getName()).get();
    }

    @Test
    void crdsAreAccepted() throws IOException {
        installCrds();

        assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems())
                .extracting(crd -> crd.getMetadata().getName())
                .contains("inferencepools.inference.networking.k8s.io",
                        "inferenceobjectives.inference.networking.x-k8s.io",
                        "inferencemodelrewrites.inference.networking.x-k8s.io");
    }

    @Test
    void inferencePoolsObjectivesAndRewritesAreStoredAsWritten() throws IOException {
        installCrds();
        String namespace = "custom-resources";
        JsonNode pool = YamlDocuments.read("""
                apiVersion: inference.networking.k8s.io/v1
                kind: InferencePool
                metadata:
                  name: vllm-llama3-8b-instruct
                spec:
                  targetPorts: [{number: 8000}]
                  selector:
                    matchLabels: {app: vllm-llama3-8b-instruct}
                  endpointPickerRef:
                    name: vllm-llama3-8b-instruct-epp
                    port: {number: 9002}
                    failureMode: FailOpen
                """).get(0);

        GenericKubernetesResource stored = apply(pool, namespace);
        assertThat(SERIALIZATION.convertValue(stored.getAdditionalProperties().get("spec"), JsonNode.class))
                .isEqualTo(pool.path("spec"));
        for (JsonNode objective : YamlDocuments.read(CONFIG.resolve("manifests/inferenceobjective.yaml"))) {
            assertThat(apply(objective, namespace).getAdditionalProperties().get("spec").toString())
                    .contains("vllm-llama3-8b-instruct");
        }
        JsonNode rewrite = YamlDocuments.read(CONFIG.resolve("manifests/inferencemodelrewrite.yaml")).get(0);
        assertThat(apply(rewrite, namespace).getMetadata().getName()).isEqualTo("food-review-rollout");
    }

    @Test
    void seedScenarioObjectsAreAcceptedAndBbrFindsItsConfigMaps() {
        String namespace = "seed";
        for (String file : List.of("vllm/sim-deployment.yaml", "bbr/sim-deployment.yaml", "bbr/configmap.yaml",
                "bbr/httproute.yaml")) {
            for (HasMetadata object : ManifestsTest.objects(file)) {
                client.resource(object).inNamespace(namespace).create();
            }
        }

        List<ConfigMap> managed = client.configMaps().inNamespace(namespace)
                .withLabel("inference.networking.k8s.io/bbr-managed", "true").list().getItems();
        assertThat(managed).extracting(cm -> cm.getData().get("baseModel"))
                .containsExactlyInAnyOrder("meta-llama/Llama-3.1-8B-Instruct", "deepseek/vllm-deepseek-r1");
        assertThat(client.apps().deployments().inNamespace(namespace).list().getItems())
                .extracting(Deployment::getMetadata).extracting(m -> m.getName())
                .containsExactlyInAnyOrder("vllm-llama3-8b-instruct", "vllm-deepseek-r1");
        assertThat(client.resources(HTTPRoute.class).inNamespace(namespace).list().getItems())
                .extracting(route -> route.getSpec().getRules().get(0).getBackendRefs().get(0).getName())
                .containsExactlyInAnyOrder("vllm-llama3-8b-instruct", "vllm-deepseek-r1");
    }
}
