package dev.inferencegateway.epp.plugins.picker;

import dev.inferencegateway.epp.plugins.ParameterChecks;

/**
 * The parameters every picker takes.
 *
 * @param maxNumOfEndpoints how many endpoints to return, primary first (default 1, must be > 0)
 */
public record PickerParameters(Integer maxNumOfEndpoints) {
  /** Upstream's default: one endpoint. */
  public static final int DEFAULT_MAX_NUM_OF_ENDPOINTS = 1;

  public PickerParameters {
    maxNumOfEndpoints = ParameterChecks.positive("maxNumOfEndpoints", maxNumOfEndpoints,
        DEFAULT_MAX_NUM_OF_ENDPOINTS);
  }
}
