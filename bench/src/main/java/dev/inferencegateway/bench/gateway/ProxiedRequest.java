package dev.inferencegateway.bench.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.inferencegateway.extproc.client.RequestResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client request through the gateway, in Envoy's order: the BBR (fail-closed), route
 * selection on the headers it set, the pool's EPP (honouring its failure mode and immediate
 * responses), the upstream with fallbacks, and the response back through the processors.
 */
final class ProxiedRequest {
  private static final Logger LOG = LoggerFactory.getLogger(ProxiedRequest.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String MODEL_HEADER = "x-gateway-model-name";

  private final GatewayContext context;
  private final HttpExchange http;
  private final long startNanos = System.nanoTime();
  private final List<ProcessorCall> calls = new ArrayList<>();
  private String route = "-";
  private String pool = "-";
  private String endpoint = "-";

  ProxiedRequest(GatewayContext context, HttpExchange http) {
    this.context = context;
    this.http = http;
  }

  void handle() throws IOException {
    int status = 0;
    IncomingRequest request = null;
    try {
      request = IncomingRequest.read(http, context.maxRequestBodyBytes());
      status = proxy(request);
    } catch (IncomingRequest.TooLarge e) {
      status = reply(GatewayErrors.of(413, "invalid_request_error", e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      calls.forEach(ProcessorCall::abort);
      throw new IOException("gateway stopping", e);
    } catch (IOException | RuntimeException e) {
      calls.forEach(ProcessorCall::abort);
      LOG.warn("{} {}: response aborted: {}", http.getRequestMethod(), http.getRequestURI(), e.getMessage());
      throw e;
    } finally {
      calls.forEach(ProcessorCall::end);
      LOG.info("{} {} model={} route={} pool={} endpoint={} status={} {}ms", http.getRequestMethod(),
          http.getRequestURI(), request == null ? "-" : request.headers().getOrDefault(MODEL_HEADER, "-"),
          route, pool, endpoint, status == 0 ? "aborted" : status, (System.nanoTime() - startNanos) / 1_000_000);
    }
  }

  private int proxy(IncomingRequest request) throws IOException, InterruptedException {
    Map<String, String> headers = request.headers();
    byte[] body = request.body();
    ProcessorCall bbr = null;
    if (context.bbr() != null) {
      bbr = track(context.bbr().open(context.timeouts().extProcMessage()));
      RequestResult result;
      try {
        result = bbr.request(headers, body);
      } catch (ProcessorFailure e) {
        return reply(GatewayErrors.of(503, "service_unavailable", e.getMessage()
            + " (the body-based router is fail-closed)"));
      }
      if (result.immediate().isPresent()) {
        ClientReplies.immediate(http, result.immediate().get());
        return result.immediate().get().status();
      }
      HeaderRules.applyRequest(headers, result);
      body = result.body().toByteArray();
    }
    Optional<RouteTable.Decision> decision = context.routes().route(
        new RouteTable.RequestView(request.routePath(), headers));
    if (decision.isEmpty()) {
      calls.forEach(ProcessorCall::abort);
      String model = modelOf(headers, body);
      return reply(GatewayErrors.modelNotRouted(model, notRoutedMessage(model, headers)));
    }
    route = decision.get().routeName();
    PoolRuntime target = decision.get().pool();
    pool = target.name();
    long deadline = System.nanoTime() + decision.get().requestTimeout().toNanos();
    List<ResponseStage> stages = new ArrayList<>();
    List<String> destinations;
    if (target.endpointPicker().isPresent()) {
      ProcessorCall epp = track(target.openEpp(context.timeouts().extProcMessage()));
      RequestResult result;
      try {
        result = epp.request(headers, body);
      } catch (ProcessorFailure e) {
        if (!target.failOpen()) {
          calls.forEach(ProcessorCall::abort);
          return reply(GatewayErrors.of(503, "service_unavailable", e.getMessage()
              + " (pool " + target.name() + " has failureMode FailClose)"));
        }
        LOG.warn("{}; failureMode FailOpen: forwarding round-robin", e.getMessage());
        epp.abort();
        result = null;
      }
      if (result != null && result.immediate().isPresent()) {
        calls.forEach(ProcessorCall::abort);
        ClientReplies.immediate(http, result.immediate().get());
        return result.immediate().get().status();
      }
      if (result == null) {
        destinations = List.of(target.nextEndpoint());
      } else {
        HeaderRules.applyRequest(headers, result);
        body = result.body().toByteArray();
        destinations = HeaderRules.destinations(result);
        stages.add(new ResponseStage(epp, target.failOpen(), true));
        if (destinations.isEmpty()) {
          calls.forEach(ProcessorCall::abort);
          return reply(GatewayErrors.of(503, "service_unavailable", epp.description()
              + " answered without " + HeaderRules.DESTINATION + " (no healthy upstream)"));
        }
      }
    } else {
      destinations = List.of(target.nextEndpoint());
    }
    if (bbr != null && context.bbr().processResponse()) {
      stages.add(new ResponseStage(bbr, false, false));
    }
    UpstreamResponse response = forward(request, headers, body, destinations, deadline);
    return new ResponseRelay(http, stages, deadline).relay(response);
  }

  private UpstreamResponse forward(IncomingRequest request, Map<String, String> headers, byte[] body,
      List<String> destinations, long deadline) throws InterruptedException {
    try {
      UpstreamResponse response = context.upstream().send(destinations, request.method(), headers.get(":path"),
          headers, body, java.time.Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      endpoint = response.servedBy();
      return response;
    } catch (UpstreamFailure e) {
      LOG.warn("{}", e.getMessage());
      return LocalReply.of(GatewayErrors.of(e.status(), "upstream_error", e.getMessage()));
    }
  }

  private ProcessorCall track(ProcessorCall call) {
    calls.add(call);
    return call;
  }

  private int reply(GatewayErrors.Reply reply) throws IOException {
    LOG.warn("{} {}: {}", http.getRequestMethod(), http.getRequestURI(),
        new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8));
    ClientReplies.error(http, reply);
    return reply.status();
  }

  private String notRoutedMessage(String model, Map<String, String> headers) {
    String seen = context.routedValues().keySet().stream()
        .map(name -> name + ": " + Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)))
            .map(v -> "'" + v + "'").orElse("(absent)"))
        .collect(Collectors.joining(", "));
    String routed = context.routedValues().entrySet().stream()
        .map(e -> e.getKey() + " one of " + e.getValue())
        .collect(Collectors.joining("; "));
    String subject = model == null ? "The request" : "The model '" + model + "'";
    String hint = context.bbr() == null ? " No body-based router is configured, so the body's model is not"
        + " copied into a header." : "";
    return subject + " is not routed by this gateway: no HTTPRoute rule matches " + describe(headers)
        + (seen.isEmpty() ? "" : " (" + seen + ")") + "." + (routed.isEmpty() ? "" : " Routed: " + routed + ".")
        + hint;
  }

  private static String describe(Map<String, String> headers) {
    return headers.get(":method") + " " + headers.get(":path");
  }

  private static String modelOf(Map<String, String> headers, byte[] body) {
    String header = headers.get(MODEL_HEADER);
    if (header != null && !header.isEmpty()) {
      return header;
    }
    try {
      JsonNode model = JSON.readTree(body).path("model");
      return model.isTextual() ? model.asText() : null;
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }
}
