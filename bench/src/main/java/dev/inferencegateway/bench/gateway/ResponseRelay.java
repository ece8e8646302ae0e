package dev.inferencegateway.bench.gateway;

import com.sun.net.httpserver.HttpExchange;
import dev.inferencegateway.extproc.client.Exchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the response path: headers through each processor (the EPP, then the BBR), the served
 * endpoint reported in {@code envoy.lb}, then the body chunk by chunk through the same processors
 * to the client, flushed as it comes, and finally empty trailers to each processor.
 */
final class ResponseRelay {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseRelay.class);

  private final HttpExchange http;
  private final List<ResponseStage> stages;
  private final long deadlineNanos;

  ResponseRelay(HttpExchange http, List<ResponseStage> stages, long deadlineNanos) {
    this.http = http;
    this.stages = stages;
    this.deadlineNanos = deadlineNanos;
  }

  /**
   * Relays {@code response} to the client; returns the status the client got.
   *
   * @throws IOException when the body could not be completed (the client connection is then dropped)
   */
  int relay(UpstreamResponse response) throws IOException, InterruptedException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(":status", Integer.toString(response.status()));
    headers.putAll(response.headers());
    List<ResponseStage> active = new ArrayList<>();
    for (ResponseStage stage : stages) {
      try {
        if (stage.reportsServed() && response.servedBy() != null) {
          stage.call().reportServedEndpoint(response.servedBy());
        }
        HeaderRules.apply(headers, stage.call().responseHeaders(headers, response.knownEmpty()));
        active.add(stage);
      } catch (Exchange.ImmediateResponseException e) {
        discard(response);
        abortAll();
        ClientReplies.immediate(http, e.response());
        return e.response().status();
      } catch (ProcessorFailure e) {
        if (stage.failOpen()) {
          LOG.warn("{}; failureMode FailOpen: passing the response on unprocessed", e.getMessage());
          stage.call().abort();
          continue;
        }
        discard(response);
        abortAll();
        GatewayErrors.Reply reply = GatewayErrors.of(503, "service_unavailable", e.getMessage());
        ClientReplies.error(http, reply);
        return reply.status();
      }
    }
    if (response.knownEmpty()) {
      ClientReplies.start(http, response.status(), headers, true).close();
      discard(response);
      active.forEach(stage -> stage.call().finish());
      return response.status();
    }
    streamBody(response, headers, active);
    return response.status();
  }

  private void streamBody(UpstreamResponse response, Map<String, String> headers, List<ResponseStage> active)
      throws IOException, InterruptedException {
    ClientBodyQueue queue = new ClientBodyQueue();
    ResponseSink sink = queue;
    for (int i = active.size() - 1; i >= 0; i--) {
      sink = active.get(i).call().chainTo(sink);
    }
    UpstreamBodySubscriber body = new UpstreamBodySubscriber(sink);
    OutputStream out = ClientReplies.start(http, response.status(), headers, false);
    response.body().subscribe(body);
    try {
      queue.drainTo(out, deadlineNanos);
      out.close();
    } catch (IOException | InterruptedException | RuntimeException e) {
      body.cancel();
      abortAll();
      throw e;
    }
    active.forEach(stage -> stage.call().finish());
  }

  private void abortAll() {
    stages.forEach(stage -> stage.call().abort());
  }

  private static void discard(UpstreamResponse response) {
    UpstreamBodySubscriber ignore = new UpstreamBodySubscriber(new ClientBodyQueue());
    response.body().subscribe(ignore);
    ignore.cancel();
  }
}
