package dev.inferencegateway.bench.gateway;

import dev.inferencegateway.bench.gateway.config.BodyBasedRouterRef;
import dev.inferencegateway.bench.gateway.config.GatewayConfig;
import dev.inferencegateway.bench.gateway.config.GatewayTimeouts;
import dev.inferencegateway.bench.gateway.config.HttpRouteSpec;
import dev.inferencegateway.bench.gateway.config.InferencePoolSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Starts gateways and loopback servers for a test and closes them afterwards. */
class GatewayTestSupport implements AutoCloseable {
  static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";
  static final String DEEPSEEK = "deepseek/vllm-deepseek-r1";
  static final Map<String, String> BASE_MODELS = Map.of("food-review-1", LLAMA, "ski-resorts", DEEPSEEK,
      "movie-critique", DEEPSEEK);
  static final String BASE_HEADER = "X-Gateway-Base-Model-Name";

  private final List<AutoCloseable> resources = new ArrayList<>();
  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  <T extends AutoCloseable> T track(T resource) {
    resources.add(resource);
    return resource;
  }

  /** Starts a gateway on a free port routing {@code LLAMA} to {@code llama} and {@code DEEPSEEK} to {@code deepseek}. */
  LocalGateway gateway(BodyBasedRouterRef bbr, InferencePoolSpec llama, InferencePoolSpec deepseek)
      throws Exception {
    List<InferencePoolSpec> pools = deepseek == null ? List.of(llama) : List.of(llama, deepseek);
    List<HttpRouteSpec> routes = new ArrayList<>();
    routes.add(HttpRouteSpec.byHeader("llm-llama-route", BASE_HEADER, llama.name(), LLAMA));
    if (deepseek != null) {
      routes.add(HttpRouteSpec.byHeader("llm-deepseek-route", BASE_HEADER, deepseek.name(), DEEPSEEK));
    }
    GatewayConfig config = new GatewayConfig("127.0.0.1:0", bbr,
        new GatewayTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ZERO),
        null, pools, routes);
    return track(LocalGateway.start(config));
  }

  BodyBasedRouterRef bbr() throws Exception {
    LoopbackExtProcServer server = track(LoopbackExtProcServer.start(TestProcessors.bbr(BASE_MODELS)));
    return new BodyBasedRouterRef(server.address(), false, true);
  }

  static String chat(String model) {
    return "{\"model\":\"" + model + "\",\"max_tokens\":100,\"temperature\":0,\"messages\":[{\"role\":\"developer\","
        + "\"content\":\"You are a helpful assistant.\"},{\"role\":\"user\",\"content\":\"Linux is said to be an"
        + " open source kernel because \"}]}";
  }

  HttpResponse<String> post(LocalGateway gateway, String path, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(gateway.baseUri() + path))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    List<AutoCloseable> reversed = new ArrayList<>(resources);
    Collections.reverse(reversed);
    for (AutoCloseable resource : reversed) {
      resource.close();
    }
    client.shutdownNow();
  }
}
