package dev.inferencegateway.bench.sim.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inferencegateway.bench.sim.engine.Completion;

/**
 * Builds vLLM's OpenAI response bodies: {@code chat.completion} / {@code text_completion} objects,
 * their streaming chunks, the usage object (with {@code prompt_tokens_details.cached_tokens}) and
 * the error object.
 */
final class ResponseBodies {
  private final ObjectMapper json;

  ResponseBodies(ObjectMapper json) {
    this.json = json;
  }

  /** A complete non-streaming response. */
  ObjectNode full(ApiKind kind, ResponseHeader header, String text, Completion completion) {
    ObjectNode body = envelope(kind.object, header);
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
    if (kind == ApiKind.CHAT) {
      choice.putObject("message").put("role", "assistant").put("content", text).putArray("tool_calls");
    } else {
      choice.put("text", text);
    }
    choice.putNull("logprobs");
    choice.put("finish_reason", completion.finishReason()).putNull("stop_reason");
    body.set("usage", usage(completion));
    return body;
  }

  /** The first chunk of a chat stream, announcing the assistant role. */
  ObjectNode roleChunk(ResponseHeader header) {
    ObjectNode body = envelope(ApiKind.CHAT.chunkObject, header);
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
    choice.putObject("delta").put("role", "assistant").put("content", "");
    choice.putNull("logprobs").putNull("finish_reason");
    return body;
  }

  /** A chunk carrying one token; {@code finishReason} is set on the last one. */
  ObjectNode tokenChunk(ApiKind kind, ResponseHeader header, String token, String finishReason) {
    ObjectNode body = envelope(kind.chunkObject, header);
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
    if (kind == ApiKind.CHAT) {
      choice.putObject("delta").put("content", token);
    } else {
      choice.put("text", token);
    }
    choice.putNull("logprobs");
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason).putNull("stop_reason");
    }
    return body;
  }

  /** The final usage chunk of a stream with {@code stream_options.include_usage}. */
  ObjectNode usageChunk(ApiKind kind, ResponseHeader header, Completion completion) {
    ObjectNode body = envelope(kind.chunkObject, header);
    body.putArray("choices");
    body.set("usage", usage(completion));
    return body;
  }

  /** vLLM's error body: {@code {"error": {"message", "type", "param", "code"}}}. */
  ObjectNode error(int status, String type, String message, String param) {
    ObjectNode body = json.createObjectNode();
    ObjectNode error = body.putObject("error").put("message", message).put("type", type);
    if (param == null) {
      error.putNull("param");
    } else {
      error.put("param", param);
    }
    error.put("code", status);
    return body;
  }

  private ObjectNode usage(Completion c) {
    ObjectNode usage = json.createObjectNode()
        .put("prompt_tokens", c.promptTokens())
        .put("total_tokens", c.promptTokens() + c.completionTokens())
        .put("completion_tokens", c.completionTokens());
    usage.putObject("prompt_tokens_details").put("cached_tokens", c.cachedTokens());
    return usage;
  }

  private ObjectNode envelope(String object, ResponseHeader header) {
    return json.createObjectNode()
        .put("id", header.id())
        .put("object", object)
        .put("created", header.created())
        .put("model", header.model());
  }

  /** Builds the list of models for {@code GET /v1/models}. */
  ObjectNode models(ServedModels models, long created) {
    ObjectNode body = json.createObjectNode().put("object", "list");
    ArrayNode data = body.putArray("data");
    data.addObject().put("id", models.baseModel()).put("object", "model").put("created", created)
        .put("owned_by", "vllm").put("root", models.baseModel()).putNull("parent")
        .put("max_model_len", models.maxModelLen());
    for (String adapter : models.adapters()) {
      data.addObject().put("id", adapter).put("object", "model").put("created", created)
          .put("owned_by", "vllm").put("root", adapter).put("parent", models.baseModel());
    }
    return body;
  }

  /**
   * The fields every response and chunk of one request repeats.
   *
   * @param id the response id
   * @param created Unix seconds
   * @param model the model name as requested
   */
  record ResponseHeader(String id, long created, String model) {}
}
