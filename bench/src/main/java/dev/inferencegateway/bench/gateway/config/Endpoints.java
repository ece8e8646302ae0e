package dev.inferencegateway.bench.gateway.config;

import java.util.List;

/** Validates {@code host:port} addresses in the route file. */
final class Endpoints {
  private Endpoints() {}

  /** Throws naming {@code field} unless {@code address} is {@code host:port} with a port in 1..65535. */
  static String requireAddress(String field, String address) {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("'" + field + "' is required (host:port)");
    }
    int colon = address.lastIndexOf(':');
    String host = colon > 0 ? address.substring(0, colon) : "";
    int port = colon > 0 ? parsePort(address.substring(colon + 1)) : -1;
    if (host.isBlank() || port < 1 || port > 65_535) {
      throw new IllegalArgumentException("'" + field + "' must be host:port with a port in 1..65535, got '"
          + address + "'");
    }
    return address.trim();
  }

  /** Validates every address of {@code addresses} and returns an immutable copy. */
  static List<String> requireAddresses(String field, List<String> addresses) {
    if (addresses == null) {
      return List.of();
    }
    for (int i = 0; i < addresses.size(); i++) {
      requireAddress(field + "[" + i + "]", addresses.get(i));
    }
    return addresses.stream().map(String::trim).toList();
  }

  private static int parsePort(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
