package dev.inferencegateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inferencegateway.config.testing.CrdCatalog;
import dev.inferencegateway.config.testing.YamlDocuments;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The manifests of the seed scenario parse and say what the guides need. */
class ManifestsTest {

    private static final Path MANIFESTS = CrdCatalog.configDirectory().resolve("manifests");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final CrdCatalog CRDS = CrdCatalog.load();

    /** Every object of one manifest file, typed by fabric8. */
    static List<HasMetadata> objects(String file) {
        try {
            Object parsed = SERIALIZATION.unmarshal(Files.readString(MANIFESTS.resolve(file)));
            return parsed instanceof List<?> list
                    ? list.stream().map(HasMetadata.class::cast).toList()
                    : List.of((HasMetadata) parsed);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static <T extends HasMetadata> List<T> objects(String file, Class<T> type) {
        return objects(file).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** adapter or base model name -> base model, from the BBR ConfigMaps of the seed scenario. */
    static Map<String, String> baseModels() {
        Map<String, String> baseModels = new LinkedHashMap<>();
        List<ConfigMap> configMaps = new ArrayList<>(objects("bbr/configmap.yaml", ConfigMap.class));
        configMaps.addAll(objects("bbr/sim-deployment.yaml", ConfigMap.class));
        for (ConfigMap configMap : configMaps) {
            String base = configMap.getData().get("baseModel").trim();
            baseModels.put(base, base);
            for (JsonNode adapter : YamlDocuments.read(configMap.getData().get("adapters")).get(0)) {
                baseModels.put(adapter.asText().trim(), base);
            }
        }
        return baseModels;
    }

    @Test
    void everyManifestParsesAndItsCustomResourcesFitTheCrds() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(MANIFESTS)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(7);
        for (Path file : files) {
            List<HasMetadata> parsed = objects(MANIFESTS.relativize(file).toString());
            assertThat(parsed).as("%s", file).isNotEmpty()
                    .allSatisfy(object -> assertThat(object.getMetadata().getName()).isNotBlank());
            for (JsonNode document : YamlDocuments.read(file)) {
                CRDS.forObject(document).ifPresent(crd ->
                        assertThat(crd.violations(document)).as("%s %s", file, document.at("/metadata/name")).isEmpty());
            }
        }
    }

    @Test
    void secondModelServerServesDeepseekWithTwoAdaptersOnPort8000() {
        Deployment deployment = objects("bbr/sim-deployment.yaml", Deployment.class).get(0);

        assertThat(deployment.getMetadata().getName()).isEqualTo("vllm-deepseek-r1");
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).containsEntry("app", "vllm-deepseek-r1");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("app", "vllm-deepseek-r1")
                .containsEntry("inference.networking.k8s.io/engine-type", "vllm");
        Container sim = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(sim.getImage()).startsWith("ghcr.io/llm-d/llm-d-inference-sim:");
        assertThat(sim.getArgs()).containsSubsequence("--model", "deepseek/vllm-deepseek-r1")
                .containsSubsequence("--port", "8000")
                .containsSubsequence("--lora-modules", "{\"name\": \"ski-resorts\"}", "{\"name\": \"movie-critique\"}");
        assertThat(sim.getPorts().get(0).getContainerPort()).isEqualTo(8000);
        assertThat(sim.getEnv()).extracting(e -> e.getName()).containsExactly("POD_NAME", "NAMESPACE");
    }

    @Test
    void bbrConfigMapsMapEveryAdapterToItsBaseModel() {
        List<ConfigMap> configMaps = new ArrayList<>(objects("bbr/configmap.yaml", ConfigMap.class));
        configMaps.addAll(objects("bbr/sim-deployment.yaml", ConfigMap.class));

        assertThat(configMaps).hasSize(2).allSatisfy(configMap -> {
            assertThat(configMap.getMetadata().getLabels()).containsEntry("inference.networking.k8s.io/bbr-managed", "true");
            assertThat(configMap.getData()).containsOnlyKeys("baseModel", "adapters");
        });
        assertThat(baseModels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Llama-3.1-8B-Instruct",
                "food-review-1", "meta-llama/Llama-3.1-8B-Instruct",
                "deepseek/vllm-deepseek-r1", "deepseek/vllm-deepseek-r1",
                "ski-resorts", "deepseek/vllm-deepseek-r1",
                "movie-critique", "deepseek/vllm-deepseek-r1"));
    }

    @Test
    void baseModelRoutesSendEachBaseModelToItsPool() {
        Map<String, String> poolByBaseModel = new LinkedHashMap<>();
        for (HTTPRoute route : objects("bbr/httproute.yaml", HTTPRoute.class)) {
            assertThat(route.getSpec().getParentRefs().get(0).getName()).isEqualTo("inference-gateway");
            HTTPRouteRule rule = route.getSpec().getRules().get(0);
            assertThat(rule.getBackendRefs().get(0).getGroup()).isEqualTo("inference.networking.k8s.io");
            assertThat(rule.getBackendRefs().get(0).getKind()).isEqualTo("InferencePool");
            assertThat(rule.getTimeouts().getRequest()).isEqualTo("300s");
            HTTPHeaderMatch header = rule.getMatches().get(0).getHeaders().get(0);
            assertThat(header.getType()).isEqualTo("Exact");
            assertThat(header.getName()).isEqualTo("X-Gateway-Base-Model-Name");
            poolByBaseModel.put(header.getValue(), rule.getBackendRefs().get(0).getName());
        }

        assertThat(poolByBaseModel).containsExactlyInAnyOrderEntriesOf(Map.of(
                "meta-llama/Llama-3.1-8B-Instruct", "vllm-llama3-8b-instruct",
                "deepseek/vllm-deepseek-r1", "vllm-deepseek-r1"));
        assertThat(new java.util.HashSet<>(baseModels().values())).isEqualTo(poolByBaseModel.keySet());
    }

    @Test
    void modelNameRoutesListEveryModelOfEachPool() {
        Map<String, String> poolByModel = new LinkedHashMap<>();
        for (HTTPRoute route : objects("bbr-example/httproute_bbr_lora.yaml", HTTPRoute.class)) {
            HTTPRouteRule rule = route.getSpec().getRules().get(0);
            rule.getMatches().forEach(match -> {
                assertThat(match.getHeaders().get(0).getName()).isEqualTo("X-Gateway-Model-Name");
                poolByModel.put(match.getHeaders().get(0).getValue(), rule.getBackendRefs().get(0).getName());
            });
        }

        Map<String, String> poolByBase = Map.of("meta-llama/Llama-3.1-8B-Instruct", "vllm-llama3-8b-instruct",
                "deepseek/vllm-deepseek-r1", "vllm-deepseek-r1");
        Map<String, String> expected = new LinkedHashMap<>();
        baseModels().forEach((model, base) -> expected.put(model, poolByBase.get(base)));
        assertThat(poolByModel).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void firstModelServerServesLlamaWithFoodReview() {
        Container sim = objects("vllm/sim-deployment.yaml", Deployment.class).get(0)
                .getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(sim.getArgs()).containsSubsequence("--model", "meta-llama/Llama-3.1-8B-Instruct")
                .contains("{\"name\": \"food-review-1\"}");
    }
}
