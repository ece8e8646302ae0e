package dev.inferencegateway.epp.core.request;

/** The OpenAI-style API a request body belongs to, chosen by the request path suffix. */
public enum ApiType {
  CHAT_COMPLETIONS("/chat/completions"),
  COMPLETIONS("/completions"),
  RESPONSES("/responses"),
  CONVERSATIONS("/conversations"),
  EMBEDDINGS("/embeddings"),
  /** A payload the parser does not interpret (passthrough). */
  OPAQUE("");

  private final String pathSuffix;

  ApiType(String pathSuffix) {
    this.pathSuffix = pathSuffix;
  }

  /** Returns the path suffix that selects this API, empty for {@link #OPAQUE}. */
  public String pathSuffix() {
    return pathSuffix;
  }
}
