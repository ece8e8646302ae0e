package dev.inferencegateway.epp.server.cli;

/** Where the EPP's endpoints come from. */
public enum EndpointMode {
  /** An InferencePool watched through the Kubernetes API ({@code --pool-name}). */
  POOL,
  /** Pods selected by labels without an InferencePool ({@code --endpoint-selector}). */
  STANDALONE,
  /** A fixed list of endpoints ({@code --endpoints} or {@code --endpoints-file}); no Kubernetes. */
  STATIC
}
