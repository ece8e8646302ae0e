package dev.inferencegateway.bench.loadgen;

/** The OpenAI API a request body is shaped for. */
public enum Api {
  /** {@code /v1/chat/completions} with {@code messages}. */
  CHAT("/v1/chat/completions"),
  /** {@code /v1/completions} with {@code prompt}. */
  COMPLETIONS("/v1/completions");

  private final String path;

  Api(String path) {
    this.path = path;
  }

  /** Returns the request path. */
  public String path() {
    return path;
  }

  /** Returns the API a URL path addresses, chat when it names neither. */
  public static Api fromPath(String path) {
    return path != null && path.endsWith("/completions") && !path.endsWith("/chat/completions") ? COMPLETIONS : CHAT;
  }
}
