package dev.inferencegateway.bbr.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.bbr.embed.BbrStage;
import dev.inferencegateway.bbr.testing.Bodies;
import dev.inferencegateway.bbr.testing.ExtProcHarness;
import dev.inferencegateway.extproc.client.RequestResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The seed scenario as shipped in {@code config/manifests/bbr/}: its ConfigMaps loaded into the mock
 * API server give every one of the five model names the base-model header that exactly one of its
 * HTTPRoutes matches, and that route leads to the pool serving the model.
 */
@EnableKubernetesMockClient(crud = true)
class SeedManifestsTest {
  private static final Path MANIFESTS = Path.of("..", "config", "manifests", "bbr");
  private static final Map<String, String> POOL_OF_BASE = Map.of(
      "meta-llama/Llama-3.1-8B-Instruct", "vllm-llama3-8b-instruct",
      "deepseek/vllm-deepseek-r1", "vllm-deepseek-r1");

  static KubernetesClient client;

  private static List<HasMetadata> load(String file) throws Exception {
    try (InputStream in = Files.newInputStream(MANIFESTS.resolve(file))) {
      return client.load(in).items();
    }
  }

  /** Returns the pool each base-model header value routes to, from the manifests' HTTPRoutes. */
  private static Map<String, List<String>> routes() throws Exception {
    Map<String, List<String>> pools = new LinkedHashMap<>();
    for (HasMetadata item : load("httproute.yaml")) {
      HTTPRoute route = (HTTPRoute) item;
      for (HTTPRouteRule rule : route.getSpec().getRules()) {
        for (var match : rule.getMatches()) {
          for (HTTPHeaderMatch header : match.getHeaders()) {
            if (header.getName().equalsIgnoreCase("X-Gateway-Base-Model-Name")) {
              rule.getBackendRefs().forEach(ref ->
                  pools.computeIfAbsent(header.getValue(), v -> new ArrayList<>()).add(ref.getName()));
            }
          }
        }
      }
    }
    return pools;
  }

  @Test
  void seedManifests_routeAllFiveNamesToTheirPools() throws Exception {
    List<HasMetadata> items = new ArrayList<>(load("configmap.yaml"));
    items.addAll(load("sim-deployment.yaml"));
    List<ConfigMap> configMaps = items.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast).toList();
    assertThat(configMaps).hasSize(2);
    configMaps.forEach(cm -> client.configMaps().inNamespace("seed-manifests").resource(cm)
        .createOr(NonDeletingOperation::update));
    Map<String, List<String>> routes = routes();

    try (BbrStage stage = BbrStage.builder().configMaps(client, Optional.of("seed-manifests"))
            .metrics(new PrometheusRegistry()).start();
        ExtProcHarness harness = new ExtProcHarness(stage.handlers())) {
      stage.ready().get(30, TimeUnit.SECONDS);
      for (String[] model : Bodies.SEED_MODELS) {
        RequestResult result = harness.post("/v1/chat/completions", Bodies.chat(model[0]));
        String base = result.header("x-gateway-base-model-name").orElseThrow();

        assertThat(base).isEqualTo(model[1]);
        assertThat(routes.get(base)).containsExactly(POOL_OF_BASE.get(model[1]));
      }
    }
  }
}
