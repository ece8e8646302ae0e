package dev.inferencegateway.extproc;

import io.envoyproxy.envoy.service.ext_proc.v3.ExternalProcessorGrpc;
import io.envoyproxy.envoy.service.ext_proc.v3.ProcessingRequest;
import io.envoyproxy.envoy.service.ext_proc.v3.ProcessingResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The gRPC {@code envoy.service.ext_proc.v3.ExternalProcessor} service: one protocol engine and
 * one {@link ExchangeHandler} per stream.
 *
 * <p>Request bodies are handled in FULL_DUPLEX_STREAMED mode (the header response is deferred until
 * the body's end of stream, then the body is echoed in chunks of at most 62,000 bytes) or in
 * BUFFERED mode (the body message is answered with the header changes and
 * {@code clear_route_cache}); other request body modes are refused with {@code FAILED_PRECONDITION}.
 * A body larger than the limit is answered with HTTP 413.
 *
 * <p>With a decisions executor, the handler's request and end-of-response decisions run there and
 * the rest of the protocol runs on the thread gRPC delivers messages on: serve it with gRPC's
 * direct executor so that each request costs one hand-off instead of one per message.
 */
public final class ExtProcService extends ExternalProcessorGrpc.ExternalProcessorImplBase {
  private final ExchangeHandlerFactory handlers;
  private final long maxRequestBodyBytes;
  private final Executor decisions;

  /** Creates the service; bodies above {@code maxRequestBodyBytes} are refused with 413. */
  public ExtProcService(ExchangeHandlerFactory handlers, long maxRequestBodyBytes) {
    this(handlers, maxRequestBodyBytes, null);
  }

  /**
   * Creates the service whose handlers decide on {@code decisions}; null decides on the thread
   * that delivered the message.
   */
  public ExtProcService(ExchangeHandlerFactory handlers, long maxRequestBodyBytes, Executor decisions) {
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.decisions = decisions;
    if (maxRequestBodyBytes <= 0) {
      throw new IllegalArgumentException("maxRequestBodyBytes must be > 0");
    }
    this.maxRequestBodyBytes = maxRequestBodyBytes;
  }

  @Override
  public StreamObserver<ProcessingRequest> process(StreamObserver<ProcessingResponse> responses) {
    return new ExtProcStream((ServerCallStreamObserver<ProcessingResponse>) responses,
        handlers.newExchange(), maxRequestBodyBytes, decisions);
  }
}
