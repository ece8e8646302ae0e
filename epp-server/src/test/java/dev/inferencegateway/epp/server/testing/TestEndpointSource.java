package dev.inferencegateway.epp.server.testing;

import dev.inferencegateway.epp.core.datastore.Objective;
import dev.inferencegateway.epp.core.datastore.PoolInfo;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.datastore.EndpointSource;
import dev.inferencegateway.epp.datastore.PoolStateSink;
import dev.inferencegateway.epp.datastore.rewrite.ModelRewriteRules;
import dev.inferencegateway.epp.datastore.rewrite.RewriteRule;
import java.util.List;
import java.util.Map;

/** An endpoint source a test fills by hand: pool, endpoints, objectives and rewrites. */
public final class TestEndpointSource implements EndpointSource {
  private final PoolInfo pool;
  private volatile PoolStateSink sink;
  private List<EndpointMetadata> endpoints = List.of();
  private Map<String, Objective> objectives = Map.of();
  private List<RewriteRule> rewrites = List.of();

  public TestEndpointSource(String poolName) {
    this.pool = new PoolInfo(poolName, "default", Map.of("app", "vllm"), List.of(8000), "http");
  }

  /** Returns endpoint metadata for {@code pod} at {@code ip:8000} whose metrics are served at {@code metricsHost}. */
  public static EndpointMetadata endpoint(String pod, String ip, String metricsHost) {
    return new EndpointMetadata(pod + "-rank-0", "default", pod, ip, 8000, metricsHost, Map.of("app", "vllm"));
  }

  public synchronized TestEndpointSource endpoints(List<EndpointMetadata> value) {
    endpoints = List.copyOf(value);
    if (sink != null) {
      sink.setEndpoints("test", endpoints);
    }
    return this;
  }

  public synchronized TestEndpointSource objectives(Map<String, Objective> value) {
    objectives = Map.copyOf(value);
    if (sink != null) {
      sink.setObjectives(objectives);
    }
    return this;
  }

  public synchronized TestEndpointSource rewrites(List<RewriteRule> value) {
    rewrites = List.copyOf(value);
    if (sink != null) {
      sink.setModelRewrites(ModelRewriteRules.of(rewrites));
    }
    return this;
  }

  @Override
  public String description() {
    return "test source for pool " + pool.name();
  }

  @Override
  public synchronized void start(PoolStateSink value) {
    sink = value;
    sink.setPool(pool);
    sink.setEndpoints("test", endpoints);
    sink.setObjectives(objectives);
    sink.setModelRewrites(ModelRewriteRules.of(rewrites));
    sink.setSourceSynced(true);
  }

  @Override
  public void close() {
  }
}
