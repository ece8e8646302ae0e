package dev.inferencegateway.epp.server.parser.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.inferencegateway.epp.core.director.Director;
import dev.inferencegateway.epp.core.request.ApiType;
import dev.inferencegateway.epp.core.request.ByteSlice;
import dev.inferencegateway.epp.core.request.ErrorCode;
import dev.inferencegateway.epp.core.request.InferenceException;
import dev.inferencegateway.epp.core.request.RequestBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads an OpenAI request body in one streaming pass without building a tree: the top-level
 * {@code model}, {@code stream} and {@code cache_salt}, and the byte range of the API's prompt
 * fields, which it validates as upstream does.
 */
final class OpenAiRequestReader {
  /** The prefix of every body validation message. */
  static final String EXTRACT_ERROR = "error extracting request body: ";

  private OpenAiRequestReader() {}

  static RequestBody read(ApiType api, byte[] body) {
    if (body.length == 0) {
      throw new InferenceException(ErrorCode.BAD_REQUEST, EXTRACT_ERROR + "the request body is empty");
    }
    String model = null;
    String cacheSalt = null;
    boolean stream = false;
    RawValue messages = null;
    RawValue prompt = null;
    RawValue input = null;
    RawValue items = null;
    RawValue instructions = null;
    RawValue tools = null;
    try (JsonParser p = Json.parser(body, 0, body.length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw invalid(api);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "model" -> model = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "stream" -> stream = value == JsonToken.VALUE_TRUE;
          case "cache_salt" -> cacheSalt = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "messages" -> messages = capture(api == ApiType.CHAT_COMPLETIONS, p, value);
          case "prompt" -> prompt = capture(api == ApiType.COMPLETIONS, p, value);
          case "input" -> input = capture(api == ApiType.EMBEDDINGS || api == ApiType.RESPONSES, p, value);
          case "items" -> items = capture(api == ApiType.CONVERSATIONS, p, value);
          case "instructions" -> instructions = capture(api == ApiType.RESPONSES, p, value);
          case "tools" -> tools = capture(api == ApiType.RESPONSES, p, value);
          default -> p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new InferenceException(ErrorCode.BAD_REQUEST, EXTRACT_ERROR + "invalid JSON: data after the top-level object");
      }
    } catch (JsonProcessingException e) {
      throw new InferenceException(ErrorCode.BAD_REQUEST, EXTRACT_ERROR + "invalid JSON: " + describe(e));
    } catch (IOException e) {
      throw new InferenceException(ErrorCode.BAD_REQUEST, EXTRACT_ERROR + e.getMessage());
    }
    ByteSlice promptBytes = switch (api) {
      case CHAT_COMPLETIONS -> require(api, messages != null && messages.isNonEmptyArray(), body, messages);
      case COMPLETIONS -> {
        require(api, prompt != null && prompt.isNonEmptyStringOrArray(), body, prompt);
        yield promptText(body, prompt);
      }
      case EMBEDDINGS -> require(api, input != null && input.isNonEmptyStringOrArray(), body, input);
      case CONVERSATIONS -> require(api, items != null && items.isNonEmptyArray(), body, items);
      case RESPONSES -> {
        require(api, input != null && input.kind() != JsonToken.VALUE_NULL, body, input);
        yield joined(body, instructions, tools, input);
      }
      case OPAQUE -> throw new IllegalArgumentException("the OpenAI parser does not read opaque bodies");
    };
    if (model == null) {
      throw new InferenceException(ErrorCode.BAD_REQUEST, Director.MODEL_NOT_FOUND);
    }
    return new RequestBody(api, ByteSlice.of(body), Optional.of(model), stream, Optional.ofNullable(cacheSalt),
        promptBytes);
  }

  private static RawValue capture(boolean wanted, JsonParser p, JsonToken value) throws IOException {
    if (!wanted) {
      p.skipChildren();
      return null;
    }
    return RawValue.read(p, value);
  }

  private static ByteSlice require(ApiType api, boolean valid, byte[] body, RawValue value) {
    if (!valid) {
      throw invalid(api);
    }
    return value.slice(body);
  }

  private static InferenceException invalid(ApiType api) {
    String reason = switch (api) {
      case CHAT_COMPLETIONS -> "invalid chat completions request: must have valid messages field";
      case COMPLETIONS -> "invalid completions request: must have prompt field";
      case RESPONSES -> "invalid responses request: must have input field";
      case CONVERSATIONS -> "invalid conversations request: must have items field";
      case EMBEDDINGS -> "invalid embeddings request: must have input field";
      case OPAQUE -> "unsupported API endpoint";
    };
    return new InferenceException(ErrorCode.BAD_REQUEST, EXTRACT_ERROR + reason);
  }

  /** The prompt text of a completions request: a string prompt unescaped, an array prompt as JSON. */
  private static ByteSlice promptText(byte[] body, RawValue prompt) {
    if (prompt.kind() != JsonToken.VALUE_STRING) {
      return prompt.slice(body);
    }
    int from = prompt.start() + 1;
    int to = prompt.end() - 1;
    for (int i = from; i < to; i++) {
      if (body[i] == '\\') {
        return ByteSlice.of(unescape(body, prompt));
      }
    }
    return new ByteSlice(body, from, to - from);
  }

  private static byte[] unescape(byte[] body, RawValue value) {
    try (JsonParser p = Json.parser(body, value.start(), value.end() - value.start())) {
      p.nextToken();
      return p.getText().getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("a validated JSON string failed to re-read", e);
    }
  }

  /** The responses prompt identity: {@code [instructions,tools,input]} as raw JSON, null when absent. */
  private static ByteSlice joined(byte[] body, RawValue... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write('[');
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      if (parts[i] == null) {
        out.writeBytes("null".getBytes(StandardCharsets.US_ASCII));
      } else {
        out.write(body, parts[i].start(), parts[i].end() - parts[i].start());
      }
    }
    out.write(']');
    return ByteSlice.of(out.toByteArray());
  }

  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    String first = newline >= 0 ? message.substring(0, newline) : message;
    return e.getLocation() == null ? first : first + " at byte " + e.getLocation().getByteOffset();
  }
}
