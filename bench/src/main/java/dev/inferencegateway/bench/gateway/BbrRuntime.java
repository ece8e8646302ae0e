package dev.inferencegateway.bench.gateway;

import dev.inferencegateway.bench.gateway.config.BodyBasedRouterRef;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.ExtProcClient;
import io.grpc.ManagedChannel;
import java.time.Duration;

/** The Body-Based Router at run time: its channel, shared by all requests. */
final class BbrRuntime {
  private final BodyBasedRouterRef spec;
  private final ManagedChannel channel;
  private final ExtProcClient client;

  BbrRuntime(BodyBasedRouterRef spec) {
    this.spec = spec;
    this.channel = ExtProcChannels.open(spec.address(), spec.tls());
    this.client = new ExtProcClient(channel);
  }

  ProcessorCall open(Duration messageTimeout) {
    return ProcessorCall.open("body-based router at " + spec.address(), client, channel,
        ExchangeOptions.fullDuplex(), messageTimeout);
  }

  boolean processResponse() {
    return spec.processResponse();
  }

  void close(Duration grace) {
    ExtProcChannels.close(channel, grace);
  }
}
