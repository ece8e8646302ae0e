package dev.inferencegateway.bench.loadgen;

import com.google.protobuf.ByteString;
import dev.inferencegateway.bench.gateway.ExtProcChannels;
import dev.inferencegateway.epp.core.request.ApiType;
import dev.inferencegateway.extproc.client.Exchange;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.ExtProcClient;
import dev.inferencegateway.extproc.client.RequestResult;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An EPP or BBR driven directly over ext_proc, as Envoy drives it in FULL_DUPLEX_STREAMED mode:
 * request headers and body in chunks (the request phase, timed as "EPP time"), then a small fixed
 * response (headers, one body chunk with a usage object, trailers) with the served endpoint in
 * {@code envoy.lb}, so that the whole stream is exercised.
 */
public final class ExtProcTarget implements Target {
  private final String address;
  private final boolean tls;
  private final ApiType api;
  private final Map<String, String> headers;
  private final int chunkBytes;
  private final byte[] responseBody;
  private final ExchangeOptions options;
  private final Duration timeout;
  private final List<ManagedChannel> channels = new ArrayList<>();
  private final List<ExtProcClient> clients = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger();

  /**
   * A target at {@code address}.
   *
   * @param connections how many gRPC connections to spread the streams over
   * @param chunkBytes the request body chunk size (Envoy passes the body on as it arrives)
   * @param responseBytes the size of the response body played back
   * @param subsetHint endpoints sent as the subset hint, or null for none
   */
  public ExtProcTarget(String address, boolean tls, ApiType api, Map<String, String> headers, int connections,
      int chunkBytes, int responseBytes, List<String> subsetHint, Duration timeout) {
    this.address = address;
    this.tls = tls;
    this.api = api;
    this.headers = Map.copyOf(headers);
    this.chunkBytes = chunkBytes;
    this.responseBody = responseBody(responseBytes);
    ExchangeOptions base = ExchangeOptions.fullDuplex();
    this.options = subsetHint == null ? base : base.withFilterMetadata(Map.of("envoy.lb.subset_hint",
        Map.of("x-gateway-destination-endpoint-subset", subsetHint)));
    this.timeout = timeout;
    for (int i = 0; i < Math.max(1, connections); i++) {
      ManagedChannel channel = ExtProcChannels.open(address, tls);
      channels.add(channel);
      clients.add(new ExtProcClient(channel));
    }
  }

  @Override
  public Sample call(RequestSpec request) throws InterruptedException {
    Exchange exchange = clients.get(Math.floorMod(next.getAndIncrement(), clients.size())).open(options);
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      long start = System.nanoTime();
      RequestResult result = await(exchange.sendRequest(requestHeaders(request), request.body(), chunkBytes,
          request.body().length == 0), deadline);
      long eppNanos = System.nanoTime() - start;
      if (result.immediate().isPresent()) {
        return new Sample(Integer.toString(result.immediate().get().status()), false, -1, eppNanos, -1);
      }
      result.header("x-gateway-destination-endpoint").map(list -> list.split(",")[0].trim()).ifPresent(served ->
          exchange.putFilterMetadata("envoy.lb", Map.of("x-gateway-destination-endpoint-served", served)));
      await(exchange.sendResponseHeaders(Map.of(":status", "200", "content-type", "application/json"), false),
          deadline);
      exchange.sendResponseBody(ByteString.copyFrom(responseBody), true);
      await(exchange.responseBodyDone(), deadline);
      await(exchange.sendResponseTrailers(Map.of()), deadline);
      return new Sample("200", true, -1, eppNanos, -1);
    } catch (TimeoutException e) {
      exchange.cancel();
      return Sample.failed("timeout");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exchange.ImmediateResponseException immediate) {
        return Sample.failed(Integer.toString(immediate.response().status()));
      }
      return Sample.failed("grpc:" + Status.fromThrowable(e.getCause()).getCode());
    } catch (InterruptedException e) {
      exchange.cancel();
      throw e;
    } finally {
      exchange.close();
    }
  }

  private Map<String, String> requestHeaders(RequestSpec request) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(":method", "POST");
    out.put(":path", PromptText.path(api));
    out.put(":authority", "loadgen");
    out.put(":scheme", "http");
    out.put("content-type", "application/json");
    out.put("content-length", Integer.toString(request.body().length));
    out.putAll(headers);
    return out;
  }

  private static <T> T await(CompletableFuture<T> future, long deadline)
      throws InterruptedException, ExecutionException, TimeoutException {
    return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  private static byte[] responseBody(int bytes) {
    String head = "{\"id\":\"cmpl-loadgen\",\"object\":\"chat.completion\",\"model\":\"loadgen\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":\"";
    String tail = "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,"
        + "\"total_tokens\":2}}";
    return (head + "x".repeat(Math.max(0, bytes - head.length() - tail.length())) + tail)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String describe() {
    return (tls ? "grpcs://" : "grpc://") + address + " (ext_proc FULL_DUPLEX_STREAMED, " + channels.size()
        + " connection(s), " + chunkBytes + "-byte request chunks, " + responseBody.length + "-byte response, "
        + PromptText.path(api) + ")";
  }

  @Override
  public void close() {
    channels.forEach(channel -> ExtProcChannels.close(channel, Duration.ofSeconds(2)));
  }
}
