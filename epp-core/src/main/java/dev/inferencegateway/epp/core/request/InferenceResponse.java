package dev.inferencegateway.epp.core.request;

import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The response side of a request as seen by response plugins: headers, the current body chunk,
 * usage once known, and the dynamic metadata plugins want attached to the final response.
 *
 * <p>One instance follows a request through its response; the server updates the chunk fields
 * before each call. Plugins may add dynamic metadata through {@link #putDynamicMetadata}.
 */
public final class InferenceResponse {
  private final String requestId;
  private final Map<String, String> headers;
  private final boolean streaming;
  private final Map<String, Object> requestMetadata;
  private final Optional<EndpointMetadata> servedEndpoint;
  private final Map<String, Map<String, Object>> dynamicMetadata = new LinkedHashMap<>();
  private final Map<String, String> headerMutations = new LinkedHashMap<>();
  private ByteSlice chunk = ByteSlice.EMPTY;
  private boolean startOfStream = true;
  private boolean endOfStream;
  private Optional<Usage> usage = Optional.empty();

  /**
   * Creates the response view.
   *
   * @param requestId the request id
   * @param headers the response headers, keys in lower case
   * @param streaming whether the response is a server-sent-event stream
   * @param requestMetadata the proxy's filter metadata (carries the served endpoint)
   * @param servedEndpoint the endpoint that served the request, when known
   */
  public InferenceResponse(String requestId, Map<String, String> headers, boolean streaming,
      Map<String, Object> requestMetadata, Optional<EndpointMetadata> servedEndpoint) {
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.headers = Map.copyOf(headers);
    this.streaming = streaming;
    this.requestMetadata = Map.copyOf(requestMetadata);
    this.servedEndpoint = Objects.requireNonNull(servedEndpoint, "servedEndpoint");
  }

  /** Returns the request id. */
  public String requestId() { return requestId; }

  /** Returns the response headers. */
  public Map<String, String> headers() { return headers; }

  /** Returns whether the response is streamed as server-sent events. */
  public boolean streaming() { return streaming; }

  /** Returns the proxy's filter metadata, keyed by namespace. */
  public Map<String, Object> requestMetadata() { return requestMetadata; }

  /** Returns the endpoint that served the request, when known. */
  public Optional<EndpointMetadata> servedEndpoint() { return servedEndpoint; }

  /** Returns the body chunk of the current call. */
  public ByteSlice chunk() { return chunk; }

  /** Returns true on the first body call. */
  public boolean startOfStream() { return startOfStream; }

  /** Returns true on the last body call. */
  public boolean endOfStream() { return endOfStream; }

  /** Returns the usage, once the model server has reported it. */
  public Optional<Usage> usage() { return usage; }

  /** Advances to the next body chunk; called by the server only. */
  public void nextChunk(ByteSlice newChunk, boolean first, boolean last) {
    this.chunk = Objects.requireNonNull(newChunk, "newChunk");
    this.startOfStream = first;
    this.endOfStream = last;
  }

  /** Records the usage; called by the server only. */
  public void usage(Usage value) { this.usage = Optional.of(value); }

  /** Sets a header on the response sent to the client (from a response-header plugin). */
  public synchronized void setHeader(String name, String value) {
    headerMutations.put(name.toLowerCase(java.util.Locale.ROOT), Objects.requireNonNull(value, "value"));
  }

  /** Returns the headers plugins have set so far, keys in lower case. */
  public synchronized Map<String, String> headerMutations() {
    return Map.copyOf(headerMutations);
  }

  /** Adds a dynamic-metadata entry to be attached to the final response message. */
  public synchronized void putDynamicMetadata(String namespace, String key, Object value) {
    dynamicMetadata.computeIfAbsent(namespace, n -> new LinkedHashMap<>()).put(key, value);
  }

  /** Returns a copy of the dynamic metadata added so far. */
  public synchronized Map<String, Map<String, Object>> dynamicMetadata() {
    Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
    dynamicMetadata.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    return copy;
  }
}
