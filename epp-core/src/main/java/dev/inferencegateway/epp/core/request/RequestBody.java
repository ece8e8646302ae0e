package dev.inferencegateway.epp.core.request;

import java.util.Objects;
import java.util.Optional;

/**
 * A request body as understood by the configured parser: the raw bytes plus the few fields that
 * routing needs, extracted once.
 *
 * @param apiType which API the body belongs to
 * @param raw the complete body as received (or as rewritten)
 * @param model the {@code model} field; empty for opaque payloads
 * @param stream whether the body asks for a streamed response ({@code "stream": true})
 * @param cacheSalt the {@code cache_salt} field, if any
 * @param promptBytes the bytes that identify the prompt for prefix-cache affinity: the JSON of
 *     {@code messages} for chat, the prompt text for completions, and so on
 */
public record RequestBody(
    ApiType apiType,
    ByteSlice raw,
    Optional<String> model,
    boolean stream,
    Optional<String> cacheSalt,
    ByteSlice promptBytes) {

  public RequestBody {
    Objects.requireNonNull(apiType, "apiType");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(cacheSalt, "cacheSalt");
    Objects.requireNonNull(promptBytes, "promptBytes");
  }

  /** Returns an opaque body that carries no routing fields. */
  public static RequestBody opaque(byte[] raw) {
    return new RequestBody(ApiType.OPAQUE, ByteSlice.of(raw), Optional.empty(), false,
        Optional.empty(), ByteSlice.EMPTY);
  }
}
