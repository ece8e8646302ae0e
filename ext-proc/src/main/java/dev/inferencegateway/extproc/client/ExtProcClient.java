package dev.inferencegateway.extproc.client;

import io.envoyproxy.envoy.service.ext_proc.v3.ExternalProcessorGrpc;
import io.grpc.Channel;

/**
 * A client that plays Envoy's part of the ext_proc protocol, for tests, the local gateway and the
 * load generator.
 */
public final class ExtProcClient {
  private final ExternalProcessorGrpc.ExternalProcessorStub stub;

  /** Creates a client over {@code channel}. */
  public ExtProcClient(Channel channel) {
    this.stub = ExternalProcessorGrpc.newStub(channel);
  }

  /** Opens the stream of one HTTP request. */
  public Exchange open(ExchangeOptions options) {
    Exchange exchange = new Exchange(options);
    stub.process(exchange.observer());
    return exchange;
  }
}
