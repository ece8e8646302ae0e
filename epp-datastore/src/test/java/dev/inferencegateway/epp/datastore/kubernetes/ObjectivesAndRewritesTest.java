package dev.inferencegateway.epp.datastore.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.epp.core.datastore.ModelRewrite;
import dev.inferencegateway.epp.core.datastore.Objective;
import dev.inferencegateway.epp.datastore.DatastoreOptions;
import dev.inferencegateway.epp.datastore.PoolDatastore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@EnableKubernetesMockClient(crud = true)
@Timeout(120)
class ObjectivesAndRewritesTest {
  static KubernetesClient client;
  static KubernetesMockServer server;
  private static final Duration WAIT = Duration.ofSeconds(20);

  private PoolDatastore datastore;

  @BeforeAll
  static void installCrds() {
    ClusterFixtures.installAllCrds(client);
  }

  @AfterEach
  void stop() {
    if (datastore != null) {
      datastore.close();
    }
  }

  private void start(String namespace) throws InterruptedException {
    ClusterFixtures.apply(client, CustomResources.POOL, namespace,
        ClusterFixtures.pool("pool", "{app: vllm}", "[{number: 8000}]"));
    datastore = new PoolDatastore(new KubernetesSource(
        new KubernetesSourceOptions("pool", namespace, null, 0), client, false), DatastoreOptions.defaults());
    datastore.start();
    assertThat(datastore.awaitSynced(WAIT)).isTrue();
  }

  private static String objective(String group, String name, String poolRef, String priority) {
    return """
        apiVersion: %s/v1alpha2
        kind: InferenceObjective
        metadata:
          name: %s
        spec:
          %s
          poolRef: %s
        """.formatted(group, name, priority == null ? "" : "priority: " + priority, poolRef);
  }

  private static String rewrite(String group, String name, String created, String rules) {
    return """
        apiVersion: %s/v1alpha2
        kind: InferenceModelRewrite
        metadata:
          name: %s
          creationTimestamp: "%s"
        spec:
          poolRef: {name: pool}
          rules: %s
        """.formatted(group, name, created, rules);
  }

  @Test
  void objectives_appearChangeAndDisappearForThisPoolOnly() throws Exception {
    String ns = "objectives";
    start(ns);
    var upstream = CustomResources.objectives(CustomResources.X_K8S_GROUP);
    var llmd = CustomResources.objectives(CustomResources.LLMD_GROUP);

    ClusterFixtures.apply(client, upstream, ns, objective("inference.networking.x-k8s.io", "critical", "{name: pool}", "10"));
    ClusterFixtures.apply(client, upstream, ns, objective("inference.networking.x-k8s.io", "unset", "{name: pool}", null));
    ClusterFixtures.apply(client, upstream, ns, objective("inference.networking.x-k8s.io", "elsewhere", "{name: other-pool}", "3"));
    ClusterFixtures.apply(client, upstream, ns, objective("inference.networking.x-k8s.io", "wrong-group",
        "{name: pool, group: example.com}", "3"));
    ClusterFixtures.apply(client, llmd, ns, objective("llm-d.ai", "batch", "{name: pool, group: llm-d.ai}", "-5"));

    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(datastore.objective("critical")).contains(new Objective("critical", 10));
      assertThat(datastore.objective("unset")).contains(new Objective("unset", 0));
      assertThat(datastore.objective("batch")).contains(new Objective("batch", -5));
    });
    assertThat(datastore.objective("elsewhere")).isEmpty();
    assertThat(datastore.objective("wrong-group")).isEmpty();

    ClusterFixtures.apply(client, upstream, ns, objective("inference.networking.x-k8s.io", "critical", "{name: pool}", "20"));
    await().atMost(WAIT).until(() -> datastore.objective("critical").equals(Optional.of(new Objective("critical", 20))));

    ClusterFixtures.delete(client, upstream, ns, "critical");
    await().atMost(WAIT).until(() -> datastore.objective("critical").isEmpty());
    assertThat(datastore.objective("unset")).isPresent();
  }

  /* The mock server stamps creationTimestamp itself (to the second), so the older resource is
     created first and also sorts first by name: precedence holds whether or not the stamps tie. */
  @Test
  void rewrites_followPrecedenceAcrossResourcesAndGroups() throws Exception {
    String ns = "rewrites";
    start(ns);
    var upstream = CustomResources.rewrites(CustomResources.X_K8S_GROUP);
    var llmd = CustomResources.rewrites(CustomResources.LLMD_GROUP);

    ClusterFixtures.apply(client, upstream, ns, rewrite("inference.networking.x-k8s.io", "a-older", "2026-01-01T00:00:00Z", """
        [{matches: [{model: {type: Exact, value: food-review}}],
          targets: [{modelRewrite: food-review-v1, weight: 90}, {modelRewrite: food-review-v2, weight: 10}]},
         {targets: [{modelRewrite: base}]}]"""));
    ClusterFixtures.apply(client, llmd, ns, rewrite("llm-d.ai", "b-newer", "2026-02-01T00:00:00Z", """
        [{matches: [{model: {value: food-review}}, {model: {value: chat}}],
          targets: [{modelRewrite: should-not-win, weight: 1}]}]"""));

    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(datastore.modelRewrite("food-review")).contains(new ModelRewrite("a-older",
          List.of(new ModelRewrite.Target("food-review-v1", 90), new ModelRewrite.Target("food-review-v2", 10))));
      assertThat(datastore.modelRewrite("chat")).contains(new ModelRewrite("b-newer",
          List.of(new ModelRewrite.Target("should-not-win", 1))));
      assertThat(datastore.modelRewrite("anything-else")).contains(new ModelRewrite("a-older",
          List.of(new ModelRewrite.Target("base", 0))));
    });

    ClusterFixtures.apply(client, upstream, ns, rewrite("inference.networking.x-k8s.io", "a-older", "2026-01-01T00:00:00Z", """
        [{matches: [{model: {type: Regex, value: "food.*"}}], targets: [{modelRewrite: x}]},
         {matches: [{model: {value: food-review}}], targets: [{modelRewrite: food-review-v3, weight: 5}]}]"""));

    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(datastore.modelRewrite("food-review").orElseThrow().targets())
          .containsExactly(new ModelRewrite.Target("food-review-v3", 5));
      assertThat(datastore.modelRewrite("anything-else")).isEmpty();
      assertThat(datastore.status().problems()).containsEntry("InferenceModelRewrite rewrites/a-older",
          "rules ignored: spec.rules[0]: matches[0].model.type \"Regex\" is not supported");
    });

    ClusterFixtures.delete(client, upstream, ns, "a-older");
    await().atMost(WAIT).until(() -> datastore.modelRewrite("food-review").orElseThrow().rewriteName().equals("b-newer"));
  }
}
