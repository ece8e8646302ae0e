package dev.inferencegateway.epp.plugins.picker;

/**
 * The parameters every picker takes.
 *
 * @param maxNumOfEndpoints how many endpoints to return, primary first (default 1, must be > 0)
 */
public record PickerParameters(Integer maxNumOfEndpoints) {
  /** Upstream's default: one endpoint. */
  public static final int DEFAULT_MAX_NUM_OF_ENDPOINTS = 1;

  public PickerParameters {
    if (maxNumOfEndpoints == null) {
      maxNumOfEndpoints = DEFAULT_MAX_NUM_OF_ENDPOINTS;
    } else if (maxNumOfEndpoints <= 0) {
      throw new IllegalArgumentException("'maxNumOfEndpoints' must be > 0, got " + maxNumOfEndpoints);
    }
  }
}
