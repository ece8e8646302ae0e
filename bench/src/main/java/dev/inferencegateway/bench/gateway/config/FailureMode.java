package dev.inferencegateway.bench.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the gateway does when a pool's endpoint picker cannot be reached or fails, as the
 * InferencePool's {@code endpointPickerRef.failureMode}.
 */
public enum FailureMode {
  /** Forward to one of the pool's endpoints (round-robin) without the endpoint picker. */
  @JsonProperty("FailOpen")
  FAIL_OPEN,
  /** Answer 503 (the InferencePool default). */
  @JsonProperty("FailClose")
  FAIL_CLOSE;

  /** Returns the name used in InferencePool objects and route files. */
  public String wireName() {
    return this == FAIL_OPEN ? "FailOpen" : "FailClose";
  }
}
