package dev.inferencegateway.bbr.plugins.bodyfieldtoheader;

import dev.inferencegateway.bbr.plugins.HeaderNames;

/**
 * The parameters of {@code body-field-to-header}.
 *
 * @param fieldName the top-level body field to copy (required)
 * @param headerName the request header to set (required, a valid HTTP header name)
 */
public record BodyFieldToHeaderParameters(String fieldName, String headerName) {
  public BodyFieldToHeaderParameters {
    if (fieldName == null || fieldName.isBlank()) {
      throw new IllegalArgumentException("'fieldName' is required");
    }
    if (headerName == null || headerName.isBlank()) {
      throw new IllegalArgumentException("'headerName' is required");
    }
    if (!HeaderNames.isValid(headerName)) {
      throw new IllegalArgumentException("'headerName' must be a valid HTTP header name, got '" + headerName + "'");
    }
  }
}
