package dev.inferencegateway.bench.sim.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.inferencegateway.bench.sim.metrics.VllmMetricsExposition;
import dev.inferencegateway.bench.sim.time.SimTime;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a simulated server's HTTP requests: the OpenAI endpoints, {@code /v1/models},
 * {@code /health} and {@code /metrics}; every response names the pod in {@code x-inference-pod},
 * {@code x-inference-port} and {@code x-inference-namespace}. Unknown paths get FastAPI's 404.
 */
final class SimRouter implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SimRouter.class);
  private static final String GARBAGE_METRICS =
      "<html><body>upstream connect error or disconnect/reset before headers</body></html>\n"
          + "vllm:num_requests_waiting{model_name=\"broken\" 3 4 5\n";

  private final SimPod pod;
  private final SimTime time;
  private final ObjectMapper json;
  private final InferenceHandler inference;
  private final ResponseBodies bodies;
  private final VllmMetricsExposition exposition;
  private final int port;

  SimRouter(SimPod pod, SimTime time, ObjectMapper json, int port) {
    this.pod = pod;
    this.time = time;
    this.json = json;
    this.port = port;
    this.inference = new InferenceHandler(pod, time, json);
    this.bodies = new ResponseBodies(json);
    this.exposition = new VllmMetricsExposition(pod.models().baseModel(), "0", pod.models().loraEnabled());
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("x-inference-pod", pod.identity().name());
      exchange.getResponseHeaders().set("x-inference-port", Integer.toString(port));
      exchange.getResponseHeaders().set("x-inference-namespace", pod.identity().namespace());
      String requestId = exchange.getRequestHeaders().getFirst("x-request-id");
      if (requestId != null) {
        exchange.getResponseHeaders().set("x-request-id", requestId);
      }
      route(exchange, exchange.getRequestURI().getPath(), exchange.getRequestMethod());
    } catch (IOException e) {
      LOG.debug("{}: exchange ended early: {}", pod.identity().name(), e.toString());
    } catch (RuntimeException e) {
      LOG.error("{}: request failed", pod.identity().name(), e);
    }
  }

  private void route(HttpExchange exchange, String path, String method) throws IOException {
    switch (path) {
      case "/v1/chat/completions" -> {
        if (allow(exchange, method, "POST")) {
          inference.handle(exchange, ApiKind.CHAT);
        }
      }
      case "/v1/completions" -> {
        if (allow(exchange, method, "POST")) {
          inference.handle(exchange, ApiKind.COMPLETION);
        }
      }
      case "/v1/models" -> {
        if (allow(exchange, method, "GET")) {
          Exchanges.sendJson(exchange, json, 200, bodies.models(pod.models(), (long) time.epochSeconds()));
        }
      }
      case "/health" -> {
        if (allow(exchange, method, "GET")) {
          Exchanges.send(exchange, 200, null, new byte[0]);
        }
      }
      case "/metrics" -> {
        if (allow(exchange, method, "GET")) {
          metrics(exchange);
        }
      }
      default -> Exchanges.sendText(exchange, 404, "application/json", "{\"detail\":\"Not Found\"}");
    }
  }

  private static boolean allow(HttpExchange exchange, String method, String allowed) throws IOException {
    if (method.equals(allowed)) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", allowed);
    Exchanges.sendText(exchange, 405, "application/json", "{\"detail\":\"Method Not Allowed\"}");
    return false;
  }

  private void metrics(HttpExchange exchange) throws IOException {
    Duration delay = pod.faults().metricsDelay();
    if (delay.isPositive()) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    switch (pod.faults().metricsFault()) {
      case NONE -> Exchanges.sendText(exchange, 200, VllmMetricsExposition.CONTENT_TYPE,
          exposition.render(pod.engine().snapshot()));
      case SERVER_ERROR -> Exchanges.sendText(exchange, 500, "text/plain; charset=utf-8",
          "Internal Server Error (injected metrics failure)\n");
      case GARBAGE -> Exchanges.sendText(exchange, 200, VllmMetricsExposition.CONTENT_TYPE, GARBAGE_METRICS);
    }
  }
}
