package dev.inferencegateway.epp.core.director;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The header names and metadata keys of the endpoint-picker protocol, with the {@code x-llm-d-*}
 * aliases that llm-d's newer EPP uses for the request headers.
 */
public final class ProtocolKeys {
  /** The request id header; generated when absent. */
  public static final String REQUEST_ID = "x-request-id";
  /** Names the InferenceObjective whose priority applies. */
  public static final String OBJECTIVE = "x-gateway-inference-objective";
  /** The flow-control fairness id. */
  public static final String FAIRNESS_ID = "x-gateway-inference-fairness-id";
  /** Forces the target model. */
  public static final String MODEL_NAME_REWRITE = "x-gateway-model-name-rewrite";
  /** The chosen endpoints, primary first, comma separated (header and metadata key). */
  public static final String DESTINATION_ENDPOINT = "x-gateway-destination-endpoint";
  /** The subset of endpoints the proxy allows (metadata key). */
  public static final String DESTINATION_ENDPOINT_SUBSET = "x-gateway-destination-endpoint-subset";
  /** The endpoint that served the request (metadata key on the response path). */
  public static final String DESTINATION_ENDPOINT_SERVED = "x-gateway-destination-endpoint-served";
  /** The metadata namespace of the destination and the served endpoint. */
  public static final String DESTINATION_NAMESPACE = "envoy.lb";
  /** The metadata namespace of the subset hint. */
  public static final String SUBSET_HINT_NAMESPACE = "envoy.lb.subset_hint";
  /** The debug marker set on response headers. */
  public static final String WENT_INTO_RESPONSE_HEADERS = "x-went-into-resp-headers";

  /** Alias → canonical name of the request headers llm-d renamed. */
  public static final Map<String, String> ALIASES = Map.of(
      "x-llm-d-inference-objective", OBJECTIVE,
      "x-llm-d-inference-fairness-id", FAIRNESS_ID,
      "x-llm-d-model-name-rewrite", MODEL_NAME_REWRITE,
      "x-llm-d-slo-ttft-ms", "x-slo-ttft-ms",
      "x-llm-d-slo-tpot-ms", "x-slo-tpot-ms");

  /** Headers owned by the gateway system, never passed back to the proxy as header mutations. */
  public static final Set<String> SYSTEM_OWNED = Set.of(FAIRNESS_ID, OBJECTIVE, MODEL_NAME_REWRITE,
      DESTINATION_ENDPOINT_SUBSET, DESTINATION_ENDPOINT, DESTINATION_ENDPOINT_SERVED, "content-length",
      "x-llm-d-inference-objective", "x-llm-d-inference-fairness-id", "x-llm-d-model-name-rewrite");

  private ProtocolKeys() {}

  /**
   * Returns the value of a protocol header: the canonical name first, then its aliases; blank
   * values count as absent.
   */
  public static Optional<String> header(Map<String, String> headers, String canonical) {
    String value = headers.get(canonical);
    if (value != null && !value.isBlank()) {
      return Optional.of(value.trim());
    }
    for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
      if (alias.getValue().equals(canonical)) {
        String aliased = headers.get(alias.getKey());
        if (aliased != null && !aliased.isBlank()) {
          return Optional.of(aliased.trim());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the headers with lower-case names and every aliased header also present under its
   * canonical name (a canonical value already present wins).
   */
  public static Map<String, String> canonicalize(Map<String, String> headers) {
    Map<String, String> result = new java.util.HashMap<>(headers.size() * 2);
    headers.forEach((k, v) -> result.put(k.toLowerCase(Locale.ROOT), v));
    ALIASES.forEach((alias, canonical) -> {
      String value = result.get(alias);
      if (value != null && !result.containsKey(canonical)) {
        result.put(canonical, value);
      }
    });
    return result;
  }

  /** Returns the system-owned header names, for documentation and tests. */
  public static List<String> systemOwnedSorted() {
    return SYSTEM_OWNED.stream().sorted().toList();
  }
}
