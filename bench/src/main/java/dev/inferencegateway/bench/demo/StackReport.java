package dev.inferencegateway.bench.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inferencegateway.bench.gateway.config.BackendRef;
import dev.inferencegateway.bench.gateway.config.GatewayConfig;
import dev.inferencegateway.bench.gateway.config.HeaderMatch;
import dev.inferencegateway.bench.gateway.config.HttpRouteSpec;
import dev.inferencegateway.bench.gateway.config.InferencePoolSpec;
import dev.inferencegateway.bench.gateway.config.MatchType;
import dev.inferencegateway.bench.gateway.config.RouteMatch;
import dev.inferencegateway.bench.gateway.config.RouteRule;
import dev.inferencegateway.bench.sim.fleet.PoolSpec;
import dev.inferencegateway.bench.sim.server.SimServer;
import dev.inferencegateway.epp.server.ServerRuntime;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Prints what a running {@link DemoStack} consists of, and how to try it. */
final class StackReport {
  private StackReport() {}

  static void print(DemoStack stack, PrintStream out) {
    Scenario scenario = stack.scenario();
    GatewayConfig gateway = stack.gateway().config();
    out.println("Inference gateway demo: scenario " + scenario.name()
        + (scenario.guides().isEmpty() ? "" : " (seed guides " + String.join(", ", scenario.guides()) + ")"));
    if (!scenario.description().isEmpty()) {
      out.println("  " + scenario.description());
    }
    out.println();
    out.println("Model servers (simulated vLLM; OpenAI API, /health, /metrics):");
    for (PoolSpec pool : stack.fleet().spec().pools()) {
      out.println("  pool " + pool.name() + ": " + pool.model()
          + (pool.adapters().isEmpty() ? "" : ", adapters " + String.join(", ", pool.adapters()) + ", max-loras "
              + pool.maxLoras()) + ", max-num-seqs " + pool.maxNumSeqs());
      for (SimServer server : stack.fleet().pool(pool.name())) {
        out.println("    " + server.name() + "  " + server.baseUri());
      }
    }
    DemoBbr bbr = stack.bbr();
    out.println("Body-Based Router: ext_proc " + bbr.address() + " (TLS, self-signed), health :"
        + bbr.server().healthPort() + ", metrics http://127.0.0.1:" + bbr.server().metricsPort() + "/metrics");
    out.println("  base models: " + mappings(scenario.baseModels()));
    out.println("Endpoint Pickers (static endpoints, one per pool):");
    for (DemoEpp epp : stack.epps().values()) {
      ServerRuntime runtime = epp.server().runtime();
      out.println("  pool " + epp.pool() + ": ext_proc " + epp.address() + (epp.tls() ? " (TLS, self-signed)" : "")
          + ", health :" + runtime.healthPort() + ", metrics http://127.0.0.1:" + runtime.metricsPort() + "/metrics"
          + ", config " + epp.configDescription());
      List<ObjectiveSpec> objectives = scenario.objectivesOf(epp.pool());
      if (!objectives.isEmpty()) {
        out.println("    objectives: " + objectives.stream().map(o -> o.name() + " (priority " + o.priority() + ")")
            .collect(Collectors.joining(", ")));
      }
    }
    out.println("Local gateway (a development and test tool; production uses a real gateway): "
        + stack.gatewayUri());
    for (HttpRouteSpec route : gateway.routes()) {
      for (String rule : rules(route)) {
        out.println("  route " + route.name() + ": " + rule);
      }
    }
    for (InferencePoolSpec pool : gateway.pools()) {
      if (pool.endpointPickerRef() != null) {
        out.println("  pool " + pool.name() + ": EPP " + pool.endpointPickerRef().address() + ", failureMode "
            + pool.endpointPickerRef().failureMode().wireName());
      }
    }
    out.println("  files: " + stack.workDir());
    printTryIt(stack, out);
  }

  private static void printTryIt(DemoStack stack, PrintStream out) {
    out.println();
    out.println("Try the seed guides' requests (the x-inference-pod response header names the serving pod):");
    out.println("  IP=localhost; PORT=" + stack.gateway().port());
    for (SeedRequest request : stack.scenario().requests()) {
      out.println("  # " + request.title() + (request.guide() == null ? "" : " (guide " + request.guide() + ")")
          + (request.status() == 200 ? "" : ": expect " + request.status()));
      out.println("  " + request.curl());
    }
    for (PoolSpec pool : stack.fleet().spec().pools()) {
      stack.scenario().objectivesOf(pool.name()).stream().filter(o -> o.priority() < 0).findFirst()
          .ifPresent(objective -> {
            out.println("  # sheddable (objective " + objective.name() + ", priority " + objective.priority()
                + "): 429 while pool " + pool.name() + " is saturated");
            out.println("  curl -i ${IP}:${PORT}/v1/completions -H 'Content-Type: application/json'"
                + " -H 'x-gateway-inference-objective: " + objective.name() + "' -d '{\"model\": \"" + pool.model()
                + "\", \"prompt\": \"Summarize this\", \"max_tokens\": 20}'");
          });
    }
    out.println("Ctrl-C stops everything.");
  }

  private static String mappings(JsonNode entries) {
    List<String> out = new ArrayList<>();
    for (JsonNode entry : entries) {
      String base = entry.path("baseModel").asText();
      List<String> adapters = new ArrayList<>();
      entry.path("adapters").forEach(a -> adapters.add(a.asText()));
      out.add(adapters.isEmpty() ? base : base + " <- " + String.join(", ", adapters));
    }
    return String.join("; ", out);
  }

  private static List<String> rules(HttpRouteSpec route) {
    List<String> out = new ArrayList<>();
    for (RouteRule rule : route.rules()) {
      String pools = rule.backendRefs().stream().map(BackendRef::name).collect(Collectors.joining(", "));
      for (RouteMatch match : rule.matches()) {
        String headers = match.headers().stream().map(StackReport::header).collect(Collectors.joining(" and "));
        out.add(match.path().value() + "*" + (headers.isEmpty() ? "" : " with " + headers) + " -> pool " + pools);
      }
    }
    return out;
  }

  private static String header(HeaderMatch match) {
    return match.name() + (match.type() == MatchType.EXACT ? " = " : " ~ ") + match.value();
  }
}
