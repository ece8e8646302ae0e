package dev.inferencegateway.epp.server.handler;

import dev.inferencegateway.epp.core.director.ProtocolKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the proxy's subset hint: {@code filter_metadata["envoy.lb.subset_hint"]
 * ["x-gateway-destination-endpoint-subset"]}, a list of {@code ip:port} (a comma-separated string
 * is accepted too). Absent namespace or key means no hint.
 */
final class SubsetHints {
  private SubsetHints() {}

  static Optional<List<String>> from(Map<String, Map<String, Object>> metadata) {
    Map<String, Object> namespace = metadata.get(ProtocolKeys.SUBSET_HINT_NAMESPACE);
    if (namespace == null || !namespace.containsKey(ProtocolKeys.DESTINATION_ENDPOINT_SUBSET)) {
      return Optional.empty();
    }
    Object value = namespace.get(ProtocolKeys.DESTINATION_ENDPOINT_SUBSET);
    List<String> endpoints = new ArrayList<>();
    if (value instanceof Collection<?> items) {
      items.forEach(item -> addAll(endpoints, String.valueOf(item)));
    } else if (value != null) {
      addAll(endpoints, value.toString());
    }
    return Optional.of(endpoints);
  }

  private static void addAll(List<String> into, String text) {
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        into.add(part.trim());
      }
    }
  }
}
