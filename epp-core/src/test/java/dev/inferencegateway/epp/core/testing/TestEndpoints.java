package dev.inferencegateway.epp.core.testing;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.request.RequestBody;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Builders of endpoints, metrics and requests for tests. */
public final class TestEndpoints {
  /** The instant that test metrics are stamped with (matches {@link TestHandles#NOW}). */
  public static final Instant NOW = TestHandles.NOW;

  private TestEndpoints() {}

  /** Returns metadata for pod {@code pod} at {@code ip:8000}. */
  public static EndpointMetadata metadata(String pod, String ip) {
    return new EndpointMetadata(pod + "-rank-0", "default", pod, ip, 8000, ip + ":8000", Map.of());
  }

  /** Returns fresh metrics with the given queue and KV-cache use. */
  public static ModelServerMetrics metrics(int waitingQueue, double kvCacheUsage) {
    return ModelServerMetrics.EMPTY.toBuilder()
        .waitingQueueSize(waitingQueue)
        .kvCacheUsage(kvCacheUsage)
        .updateTime(NOW)
        .build();
  }

  /** Returns fresh metrics with LoRA state. */
  public static ModelServerMetrics loraMetrics(int waitingQueue, double kv, Set<String> active,
      Set<String> waiting, int maxLoras) {
    return metrics(waitingQueue, kv).toBuilder()
        .activeModels(active).waitingModels(waiting).maxActiveModels(maxLoras).build();
  }

  /** Returns an endpoint for pod {@code pod} at {@code ip:8000} with the given metrics. */
  public static Endpoint endpoint(String pod, String ip, ModelServerMetrics metrics) {
    return new Endpoint(metadata(pod, ip), metrics);
  }

  /** Returns a completions request for {@code model} with {@code prompt}. */
  public static InferenceRequest completionRequest(String model, String prompt) {
    byte[] raw = ("{\"model\":\"" + model + "\",\"prompt\":\"" + prompt + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    RequestBody body = new RequestBody(dev.inferencegateway.epp.core.request.ApiType.COMPLETIONS,
        dev.inferencegateway.epp.core.request.ByteSlice.of(raw), java.util.Optional.of(model),
        false, java.util.Optional.empty(),
        dev.inferencegateway.epp.core.request.ByteSlice.of(prompt.getBytes(StandardCharsets.UTF_8)));
    return InferenceRequest.builder("req-1", body).build();
  }
}
