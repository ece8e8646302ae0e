package dev.inferencegateway.bench.gateway;

import dev.inferencegateway.extproc.client.RequestResult;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Envoy's default header mutation rules for ext_proc answers, and the headers that never pass a
 * hop: processors may set and remove headers and rewrite {@code :path}, but not {@code :method},
 * {@code :authority}, {@code :scheme}, {@code host} or {@code x-envoy-*}.
 */
final class HeaderRules {
  static final String DESTINATION = "x-gateway-destination-endpoint";
  private static final Set<String> PROTECTED = Set.of(":method", ":authority", ":scheme", ":status", "host",
      "content-length", "transfer-encoding");
  private static final Set<String> NOT_TO_CLIENT = Set.of("content-length", "transfer-encoding", "connection",
      "keep-alive", "date");

  private HeaderRules() {}

  /** Applies a request-phase answer's header mutations to {@code headers} (lower-case names). */
  static void applyRequest(Map<String, String> headers, RequestResult result) {
    result.removedHeaders().forEach(name -> {
      String key = name.toLowerCase(Locale.ROOT);
      if (mutable(key)) {
        headers.remove(key);
      }
    });
    apply(headers, result.setHeaders());
  }

  /** Applies header values a processor set. */
  static void apply(Map<String, String> headers, Map<String, String> set) {
    set.forEach((name, value) -> {
      String key = name.toLowerCase(Locale.ROOT);
      if (mutable(key)) {
        headers.put(key, value);
      }
    });
  }

  /**
   * Returns the destinations an EPP chose: {@code x-gateway-destination-endpoint} from the header
   * mutation, else from the {@code envoy.lb} dynamic metadata; comma-separated, primary first.
   */
  static List<String> destinations(RequestResult result) {
    String value = result.header(DESTINATION).orElse(null);
    if (value == null && result.dynamicMetadata().get(ProcessorCall.LB_NAMESPACE) instanceof Map<?, ?> lb
        && lb.get(DESTINATION) instanceof String fromMetadata) {
      value = fromMetadata;
    }
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** Returns whether {@code name} may be sent to the client as is. */
  static boolean toClient(String name) {
    return !name.startsWith(":") && !NOT_TO_CLIENT.contains(name);
  }

  private static boolean mutable(String key) {
    return !PROTECTED.contains(key) && !key.startsWith("x-envoy-") && (!key.startsWith(":") || key.equals(":path"));
  }
}
