package dev.inferencegateway.bench.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.inferencegateway.bench.sim.engine.EngineRejectedException;
import dev.inferencegateway.bench.sim.engine.GenerationRequest;
import dev.inferencegateway.bench.sim.engine.Tokens;
import dev.inferencegateway.bench.sim.server.CompletionEvents.Aborted;
import dev.inferencegateway.bench.sim.server.CompletionEvents.Done;
import dev.inferencegateway.bench.sim.server.CompletionEvents.Token;
import dev.inferencegateway.bench.sim.server.ResponseBodies.ResponseHeader;
import dev.inferencegateway.bench.sim.time.SimTime;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves {@code POST /v1/chat/completions} and {@code POST /v1/completions}: validates the body,
 * resolves the model, applies injected errors, runs the generation on the engine and writes the
 * answer as one JSON object or as server-sent events.
 */
final class InferenceHandler {
  private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

  private final SimPod pod;
  private final SimTime time;
  private final ObjectMapper json;
  private final OpenAiRequestParser parser;
  private final ResponseBodies bodies;
  private final AtomicLong responseCounter = new AtomicLong();

  InferenceHandler(SimPod pod, SimTime time, ObjectMapper json) {
    this.pod = pod;
    this.time = time;
    this.json = json;
    this.parser = new OpenAiRequestParser(json);
    this.bodies = new ResponseBodies(json);
  }

  void handle(HttpExchange exchange, ApiKind kind) throws IOException {
    Running run;
    try {
      run = start(kind, Exchanges.readBody(exchange));
    } catch (ApiException e) {
      Exchanges.sendJson(exchange, json, e.status(), bodies.error(e.status(), e.type(), e.getMessage(), e.param()));
      return;
    }
    try {
      if (run.request().stream()) {
        stream(exchange, run);
      } else {
        respond(exchange, run);
      }
    } catch (IOException e) {
      pod.engine().abort(run.engineId(), "client disconnected");
      throw e;
    } catch (InterruptedException e) {
      pod.engine().abort(run.engineId(), "server shutting down");
      Thread.currentThread().interrupt();
    }
  }

  private Running start(ApiKind kind, byte[] body) throws ApiException {
    OpenAiRequest request = parser.parse(kind, body);
    ServedModels models = pod.models();
    ServedModels.Target target = models.resolve(request.model()).orElseThrow(() -> new ApiException(404,
        "NotFoundError", "The model `" + request.model() + "` does not exist.", "model"));
    int maxTokens = maxTokens(request, models);
    if (pod.faults().drawRequestFailure()) {
      int status = pod.faults().errorStatus();
      String type = status == 503 ? "ServiceUnavailableError" : "InternalServerError";
      throw new ApiException(status, type, "injected failure (simulated server error)", null);
    }
    FillerText text = FillerText.of(pod.textSeed(), target.name(), request.prompt());
    GenerationRequest generation = new GenerationRequest(target.adapter(), request.prompt(), request.cacheSalt(),
        maxTokens, text.plannedLength(maxTokens, request.ignoreEos()));
    CompletionEvents events = new CompletionEvents();
    long engineId;
    try {
      engineId = pod.engine().submit(generation, events);
    } catch (EngineRejectedException e) {
      throw switch (e.reason()) {
        case QUEUE_FULL -> new ApiException(503, "ServiceUnavailableError", e.getMessage(), null);
        case EXCEEDS_KV_CAPACITY -> ApiException.badRequest(e.getMessage(), null);
      };
    }
    ResponseHeader header = new ResponseHeader(nextId(kind), (long) time.epochSeconds(), target.name());
    return new Running(request, generation, header, text, events, engineId);
  }

  private static int maxTokens(OpenAiRequest request, ServedModels models) throws ApiException {
    int prompt = Tokens.count(request.prompt());
    int limit = models.maxModelLen();
    if (request.maxTokens() != null) {
      if (prompt + request.maxTokens() > limit) {
        throw ApiException.badRequest("This model's maximum context length is " + limit + " tokens. However, you"
            + " requested " + (prompt + request.maxTokens()) + " tokens (" + prompt + " in the messages, "
            + request.maxTokens() + " in the completion). Please reduce the length of the messages or completion.",
            null);
      }
      return request.maxTokens();
    }
    if (prompt >= limit) {
      throw ApiException.badRequest("This model's maximum context length is " + limit + " tokens. However, your"
          + " request has " + prompt + " input tokens. Please reduce the length of the input messages.", null);
    }
    return Math.min(models.defaultMaxTokens(), limit - prompt);
  }

  private void respond(HttpExchange exchange, Running run) throws IOException, InterruptedException {
    StringBuilder text = new StringBuilder();
    while (true) {
      switch (run.events().next()) {
        case Token t -> text.append(run.text().nextToken());
        case Done d -> {
          Exchanges.sendJson(exchange, json, 200, bodies.full(run.request().kind(), run.header(), text.toString(),
              d.completion()));
          return;
        }
        case Aborted a -> {
          Exchanges.sendJson(exchange, json, 500, bodies.error(500, "InternalServerError",
              "request aborted: " + a.reason(), null));
          return;
        }
      }
    }
  }

  private void stream(HttpExchange exchange, Running run) throws IOException, InterruptedException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    ApiKind kind = run.request().kind();
    OutputStream out = exchange.getResponseBody();
    if (kind == ApiKind.CHAT) {
      writeEvent(out, bodies.roleChunk(run.header()));
    }
    int last = run.generation().outputTokens() - 1;
    while (true) {
      switch (run.events().next()) {
        case Token t -> writeEvent(out, bodies.tokenChunk(kind, run.header(), run.text().nextToken(),
            t.index() == last ? run.generation().finishReason() : null));
        case Done d -> {
          if (run.request().includeUsage()) {
            writeEvent(out, bodies.usageChunk(kind, run.header(), d.completion()));
          }
          out.write(DONE);
          out.close();
          return;
        }
        case Aborted a -> {
          exchange.close();
          return;
        }
      }
    }
  }

  private void writeEvent(OutputStream out, JsonNode chunk) throws IOException {
    out.write("data: ".getBytes(StandardCharsets.US_ASCII));
    out.write(json.writeValueAsBytes(chunk));
    out.write("\n\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private String nextId(ApiKind kind) {
    long n = responseCounter.incrementAndGet();
    long a = mix(pod.textSeed() ^ pod.identity().name().hashCode() ^ (n * 0x9E3779B97F4A7C15L));
    return kind.idPrefix + HexFormat.of().toHexDigits(a) + HexFormat.of().toHexDigits(mix(a + n));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  private record Running(OpenAiRequest request, GenerationRequest generation, ResponseHeader header, FillerText text,
      CompletionEvents events, long engineId) {}
}
