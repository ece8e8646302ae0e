package dev.inferencegateway.bench.gateway;

import dev.inferencegateway.bench.gateway.config.EndpointPickerRef;
import dev.inferencegateway.bench.gateway.config.FailureMode;
import dev.inferencegateway.bench.gateway.config.InferencePoolSpec;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.ExtProcClient;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** One InferencePool at run time: its EPP channel (if any) and the round-robin over its endpoints. */
final class PoolRuntime {
  static final String SUBSET_NAMESPACE = "envoy.lb.subset_hint";
  static final String SUBSET_KEY = "x-gateway-destination-endpoint-subset";

  private final InferencePoolSpec spec;
  private final ManagedChannel channel;
  private final ExtProcClient client;
  private final ExchangeOptions options;
  private final AtomicInteger next = new AtomicInteger();

  PoolRuntime(InferencePoolSpec spec) {
    this.spec = spec;
    EndpointPickerRef epp = spec.endpointPickerRef();
    this.channel = epp == null ? null : ExtProcChannels.open(epp.address(), epp.tls());
    this.client = channel == null ? null : new ExtProcClient(channel);
    ExchangeOptions base = ExchangeOptions.fullDuplex();
    this.options = epp != null && epp.hasSubsetHint()
        ? base.withFilterMetadata(Map.of(SUBSET_NAMESPACE, Map.of(SUBSET_KEY, epp.subsetHint()))) : base;
  }

  String name() {
    return spec.name();
  }

  /** Returns the pool's EPP, when it has one. */
  Optional<EndpointPickerRef> endpointPicker() {
    return Optional.ofNullable(spec.endpointPickerRef());
  }

  boolean failOpen() {
    return spec.endpointPickerRef() != null && spec.endpointPickerRef().failureMode() == FailureMode.FAIL_OPEN;
  }

  /** Opens this request's stream to the pool's EPP. */
  ProcessorCall openEpp(Duration messageTimeout) {
    return ProcessorCall.open("endpoint picker of pool " + spec.name() + " at " + spec.endpointPickerRef().address(),
        client, channel, options, messageTimeout);
  }

  /** Returns the next endpoint round-robin (FailOpen and pools without an EPP). */
  String nextEndpoint() {
    List<String> endpoints = spec.endpoints();
    return endpoints.get(Math.floorMod(next.getAndIncrement(), endpoints.size()));
  }

  void close(Duration grace) {
    if (channel != null) {
      ExtProcChannels.close(channel, grace);
    }
  }
}
