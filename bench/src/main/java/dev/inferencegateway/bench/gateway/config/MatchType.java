package dev.inferencegateway.bench.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an HTTPRoute path or header match compares, with Gateway API's names. */
public enum MatchType {
  /** The whole value is equal. */
  @JsonProperty("Exact")
  EXACT,
  /** The path starts with the value, element by element ({@code /v1} matches {@code /v1/models}, not {@code /v1x}). */
  @JsonProperty("PathPrefix")
  PATH_PREFIX,
  /** The whole value matches a Java regular expression. */
  @JsonProperty("RegularExpression")
  REGULAR_EXPRESSION
}
