package dev.inferencegateway.bench.sim.server;

/** The two OpenAI generation APIs the simulator serves. */
enum ApiKind {
  /** {@code POST /v1/chat/completions}. */
  CHAT("chatcmpl-", "chat.completion", "chat.completion.chunk"),
  /** {@code POST /v1/completions}. */
  COMPLETION("cmpl-", "text_completion", "text_completion");

  final String idPrefix;
  final String object;
  final String chunkObject;

  ApiKind(String idPrefix, String object, String chunkObject) {
    this.idPrefix = idPrefix;
    this.object = object;
    this.chunkObject = chunkObject;
  }
}
