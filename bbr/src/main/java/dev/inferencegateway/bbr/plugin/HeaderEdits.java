package dev.inferencegateway.bbr.plugin;

import dev.inferencegateway.epp.core.request.ErrorCode;
import dev.inferencegateway.epp.core.request.InferenceException;
import dev.inferencegateway.extproc.HeaderChanges;
import dev.inferencegateway.extproc.HttpHeadersView;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Header changes made by plugins on top of the headers received from the gateway: names compare
 * case-insensitively, a later set or remove of the same name replaces an earlier one.
 */
final class HeaderEdits {
  private final HttpHeadersView received;
  private final Map<String, String> setNames = new LinkedHashMap<>();
  private final Map<String, String> setValues = new LinkedHashMap<>();
  private final Map<String, String> removed = new LinkedHashMap<>();

  HeaderEdits(HttpHeadersView received) {
    this.received = received;
  }

  Optional<String> get(String name) {
    String key = key(name);
    if (setValues.containsKey(key)) {
      return Optional.of(setValues.get(key));
    }
    return removed.containsKey(key) ? Optional.empty() : received.get(key);
  }

  HttpHeadersView current() {
    if (setValues.isEmpty() && removed.isEmpty()) {
      return received;
    }
    Map<String, String> values = new LinkedHashMap<>(received.asMap());
    removed.keySet().forEach(values::remove);
    values.putAll(setValues);
    return HttpHeadersView.of(values);
  }

  void set(String name, String value) {
    requireValidName(name);
    requireValidValue(name, value);
    String key = key(name);
    removed.remove(key);
    setNames.put(key, name);
    setValues.put(key, value);
  }

  void remove(String name) {
    requireValidName(name);
    String key = key(name);
    setNames.remove(key);
    setValues.remove(key);
    removed.put(key, name);
  }

  HeaderChanges changes() {
    if (setValues.isEmpty() && removed.isEmpty()) {
      return HeaderChanges.NONE;
    }
    Map<String, String> set = new LinkedHashMap<>();
    setNames.forEach((key, name) -> set.put(name, setValues.get(key)));
    return new HeaderChanges(set, java.util.List.copyOf(removed.values()));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static void requireValidName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("header name must not be empty");
    }
  }

  private static void requireValidValue(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException("value of header '" + name + "' must not be null");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw new InferenceException(ErrorCode.BAD_REQUEST, "cannot set header '" + name
            + "': its value from the request contains a control character");
      }
    }
  }
}
