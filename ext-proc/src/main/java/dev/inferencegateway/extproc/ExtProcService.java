package dev.inferencegateway.extproc;

import io.envoyproxy.envoy.service.ext_proc.v3.ExternalProcessorGrpc;
import io.envoyproxy.envoy.service.ext_proc.v3.ProcessingRequest;
import io.envoyproxy.envoy.service.ext_proc.v3.ProcessingResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Objects;

/**
 * The gRPC {@code envoy.service.ext_proc.v3.ExternalProcessor} service: one protocol engine and
 * one {@link ExchangeHandler} per stream.
 *
 * <p>Request bodies are handled in FULL_DUPLEX_STREAMED mode (the header response is deferred until
 * the body's end of stream, then the body is echoed in chunks of at most 62,000 bytes) or in
 * BUFFERED mode (the body message is answered with the header changes and
 * {@code clear_route_cache}); other request body modes are refused with {@code FAILED_PRECONDITION}.
 * A body larger than the limit is answered with HTTP 413.
 */
public final class ExtProcService extends ExternalProcessorGrpc.ExternalProcessorImplBase {
  private final ExchangeHandlerFactory handlers;
  private final long maxRequestBodyBytes;

  /** Creates the service; bodies above {@code maxRequestBodyBytes} are refused with 413. */
  public ExtProcService(ExchangeHandlerFactory handlers, long maxRequestBodyBytes) {
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    if (maxRequestBodyBytes <= 0) {
      throw new IllegalArgumentException("maxRequestBodyBytes must be > 0");
    }
    this.maxRequestBodyBytes = maxRequestBodyBytes;
  }

  @Override
  public StreamObserver<ProcessingRequest> process(StreamObserver<ProcessingResponse> responses) {
    return new ExtProcStream((ServerCallStreamObserver<ProcessingResponse>) responses,
        handlers.newExchange(), maxRequestBodyBytes);
  }
}
