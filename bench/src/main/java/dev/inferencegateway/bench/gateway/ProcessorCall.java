package dev.inferencegateway.bench.gateway;

import com.google.protobuf.ByteString;
import dev.inferencegateway.extproc.client.Exchange;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.ExtProcClient;
import dev.inferencegateway.extproc.client.RequestResult;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request's ext_proc stream to one processor (the BBR or a pool's EPP), played as Envoy plays
 * it in FULL_DUPLEX_STREAMED mode, with every wait bounded by the message timeout.
 */
final class ProcessorCall {
  static final String LB_NAMESPACE = "envoy.lb";
  static final String SERVED_KEY = "x-gateway-destination-endpoint-served";
  private static final int REQUEST_CHUNK_BYTES = 16 * 1024;

  private final String description;
  private final Exchange exchange;
  private final ManagedChannel channel;
  private final Duration timeout;
  private volatile boolean aborted;
  private volatile boolean ended;

  private ProcessorCall(String description, Exchange exchange, ManagedChannel channel, Duration timeout) {
    this.description = description;
    this.exchange = exchange;
    this.channel = channel;
    this.timeout = timeout;
  }

  static ProcessorCall open(String description, ExtProcClient client, ManagedChannel channel,
      ExchangeOptions options, Duration timeout) {
    return new ProcessorCall(description, client.open(options), channel, timeout);
  }

  String description() {
    return description;
  }

  /** Sends the request headers and body; returns the processor's answer to the request phase. */
  RequestResult request(Map<String, String> headers, byte[] body) throws ProcessorFailure {
    return await(exchange.sendRequest(headers, body, REQUEST_CHUNK_BYTES, body.length == 0));
  }

  /** Reports the endpoint that served the request on every later message ({@code envoy.lb}). */
  void reportServedEndpoint(String endpoint) {
    exchange.putFilterMetadata(LB_NAMESPACE, Map.of(SERVED_KEY, endpoint));
  }

  /**
   * Sends the response headers; returns the headers the processor set.
   *
   * @throws Exchange.ImmediateResponseException when the processor answers the client directly
   */
  Map<String, String> responseHeaders(Map<String, String> headers, boolean endOfStream) throws ProcessorFailure {
    return await(exchange.sendResponseHeaders(headers, endOfStream));
  }

  /**
   * Connects this processor's response body output to {@code next} and returns the sink that
   * feeds this processor.
   */
  ResponseSink chainTo(ResponseSink next) {
    exchange.onResponseChunk(next::chunk);
    exchange.responseBodyDone().whenComplete((result, error) -> {
      if (error == null) {
        next.end();
      } else {
        next.fail(new ProcessorFailure(description + " failed while streaming the response: " + error, error));
      }
    });
    return new ResponseSink() {
      @Override
      public void chunk(ByteString chunk) {
        send(chunk, false);
      }

      @Override
      public void end() {
        send(ByteString.EMPTY, true);
      }

      @Override
      public void fail(Throwable cause) {
        abort();
        next.fail(cause);
      }
    };
  }

  /** Ends the stream as Envoy does after the response: empty trailers, then a half-close. */
  void finish() {
    if (aborted || ended) {
      return;
    }
    try {
      await(exchange.sendResponseTrailers(Map.of()));
    } catch (ProcessorFailure | RuntimeException ignored) {
      // the response is complete; a processor that does not answer the trailers changes nothing
    }
    end();
  }

  /** Half-closes the stream unless it already ended (a processor the response does not pass through). */
  void end() {
    if (!aborted && !ended) {
      ended = true;
      exchange.close();
    }
  }

  /** Cancels the stream (client gone, request abandoned). */
  void abort() {
    if (!aborted) {
      aborted = true;
      exchange.cancel();
    }
  }

  private void send(ByteString chunk, boolean endOfStream) {
    if (aborted) {
      return;
    }
    try {
      exchange.sendResponseBody(chunk, endOfStream);
    } catch (IllegalStateException streamGone) {
      abort();
    }
  }

  private <T> T await(CompletableFuture<T> future) throws ProcessorFailure {
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      abort();
      throw new ProcessorFailure(description + " did not answer within " + timeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      abort();
      Thread.currentThread().interrupt();
      throw new ProcessorFailure(description + ": interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exchange.ImmediateResponseException immediate) {
        throw immediate;
      }
      Status status = Status.fromThrowable(cause);
      if (status.getCode() == Status.Code.UNAVAILABLE) {
        channel.resetConnectBackoff();
      }
      throw new ProcessorFailure(description + " failed: " + status.getCode()
          + (status.getDescription() == null ? "" : " " + status.getDescription()), cause);
    }
  }
}
