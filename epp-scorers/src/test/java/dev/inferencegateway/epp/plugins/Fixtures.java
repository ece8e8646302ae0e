package dev.inferencegateway.epp.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.PluginHandle;
import dev.inferencegateway.epp.core.plugin.PluginParameters;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.core.request.ApiType;
import dev.inferencegateway.epp.core.request.ByteSlice;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.request.RequestBody;
import dev.inferencegateway.epp.core.scheduling.ProfileRunResult;
import dev.inferencegateway.epp.core.scheduling.SchedulingResult;
import dev.inferencegateway.epp.core.testing.TestEndpoints;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builders shared by the plugin tests. */
public final class Fixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** Returns fresh-metrics endpoints {@code pod-0..}, one per (queue, kv) pair. */
  public static List<Endpoint> endpoints(double[][] queueAndKv) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < queueAndKv.length; i++) {
      endpoints.add(endpoint(i, TestEndpoints.metrics((int) queueAndKv[i][0], queueAndKv[i][1])));
    }
    return endpoints;
  }

  /** Returns endpoint {@code pod-i} at {@code 10.0.0.i} with the given metrics. */
  public static Endpoint endpoint(int i, ModelServerMetrics metrics) {
    return TestEndpoints.endpoint("pod-" + i, "10.0.0." + i, metrics);
  }

  /** Returns endpoint metadata with the given labels. */
  public static EndpointMetadata labelled(String pod, String ip, int port, Map<String, String> labels) {
    return new EndpointMetadata(pod + "-rank-0", "default", pod, ip, port, ip + ":" + port, labels);
  }

  /** Returns a completions request for {@code model} with no prompt. */
  public static InferenceRequest request(String model) {
    return TestEndpoints.completionRequest(model, "hello");
  }

  /** Returns a request for {@code model} carrying {@code headers} (lower-case keys). */
  public static InferenceRequest request(String model, Map<String, String> headers) {
    return InferenceRequest.builder("req", request(model).body()).headers(headers).build();
  }

  /** Returns a chat request whose prompt bytes are {@code prompt}. */
  public static InferenceRequest chat(String model, String prompt, String cacheSalt) {
    byte[] promptBytes = prompt.getBytes(StandardCharsets.UTF_8);
    byte[] raw = ("{\"model\":\"" + model + "\",\"messages\":" + prompt + "}").getBytes(StandardCharsets.UTF_8);
    RequestBody body = new RequestBody(ApiType.CHAT_COMPLETIONS, ByteSlice.of(raw), Optional.of(model),
        false, Optional.ofNullable(cacheSalt), ByteSlice.of(promptBytes));
    return InferenceRequest.builder("req", body).build();
  }

  /** Returns the result of a single profile named {@code default} that picked {@code targets}. */
  public static SchedulingResult scheduled(Endpoint... targets) {
    return new SchedulingResult(Map.of("default", ProfileRunResult.of(List.of(targets))), "default");
  }

  /** Parses {@code json} (null for none) and creates the plugin through its descriptor. */
  public static <P> Plugin create(PluginDescriptor<P> descriptor, String name, String json,
      PluginHandle handle) {
    P parameters = parameters(descriptor, name, json);
    return descriptor.factory().create(name, parameters, handle);
  }

  /** Parses {@code json} (null for none) into the descriptor's parameter record. */
  public static <P> P parameters(PluginDescriptor<P> descriptor, String name, String json) {
    return PluginParameters.parse(new TypedName(descriptor.type(), name), tree(json),
        descriptor.parametersType());
  }

  private static JsonNode tree(String json) {
    try {
      return json == null ? null : JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
