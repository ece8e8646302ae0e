package dev.inferencegateway.bench.gateway.config;

/** A route file that cannot be used; the message names the file, the field and the reason. */
public final class GatewayConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  GatewayConfigException(String source, String field, String reason) {
    super("gateway route file " + source + ": " + (field.isEmpty() ? "" : "field '" + field + "': ") + reason);
  }
}
