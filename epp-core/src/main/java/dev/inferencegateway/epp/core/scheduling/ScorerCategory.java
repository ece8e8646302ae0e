package dev.inferencegateway.epp.core.scheduling;

/** What a scorer optimises for, as upstream classifies scorers. */
public enum ScorerCategory {
  /** Prefers endpoints that already hold state for the request (prefix cache, LoRA adapter). */
  AFFINITY,
  /** Spreads load across endpoints (queue depth, KV-cache use). */
  DISTRIBUTION,
  /** Balances between the two. */
  BALANCE
}
