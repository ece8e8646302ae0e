package dev.inferencegateway.extproc;

import io.envoyproxy.envoy.config.core.v3.HeaderMap;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable view of HTTP headers received from Envoy, keyed by lower-case name; the raw value
 * is preferred over the string value, as Envoy sends one or the other.
 */
public final class HttpHeadersView {
  /** A view with no headers. */
  public static final HttpHeadersView EMPTY = new HttpHeadersView(Map.of());

  private final Map<String, String> values;

  private HttpHeadersView(Map<String, String> values) {
    this.values = values;
  }

  /** Reads an Envoy header map; repeated names are joined with a comma, as HTTP allows. */
  public static HttpHeadersView of(HeaderMap map) {
    Map<String, String> values = new LinkedHashMap<>(map.getHeadersCount() * 2);
    for (HeaderValue header : map.getHeadersList()) {
      String value = header.getRawValue().isEmpty()
          ? header.getValue() : header.getRawValue().toString(StandardCharsets.UTF_8);
      values.merge(header.getKey().toLowerCase(Locale.ROOT), value, (a, b) -> a + "," + b);
    }
    return new HttpHeadersView(Collections.unmodifiableMap(values));
  }

  /** Creates a view from plain name/value pairs (names are lower-cased). */
  public static HttpHeadersView of(Map<String, String> headers) {
    Map<String, String> values = new LinkedHashMap<>();
    headers.forEach((k, v) -> values.put(k.toLowerCase(Locale.ROOT), v));
    return new HttpHeadersView(Collections.unmodifiableMap(values));
  }

  /** Returns the value of {@code name} (any case). */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Returns all headers, lower-case names in arrival order. */
  public Map<String, String> asMap() {
    return values;
  }

  @Override
  public String toString() {
    return values.keySet().toString();
  }
}
