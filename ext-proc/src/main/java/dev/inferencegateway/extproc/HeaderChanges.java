package dev.inferencegateway.extproc;

import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.service.ext_proc.v3.HeaderMutation;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Headers to set and remove on a message passing through Envoy.
 *
 * @param set header values to set (replacing existing values), in order
 * @param remove header names to remove
 */
public record HeaderChanges(Map<String, String> set, List<String> remove) {
  /** No changes. */
  public static final HeaderChanges NONE = new HeaderChanges(Map.of(), List.of());

  public HeaderChanges {
    set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
    remove = List.copyOf(remove);
  }

  /** Returns changes that only set the given headers. */
  public static HeaderChanges setting(Map<String, String> set) {
    return new HeaderChanges(set, List.of());
  }

  /** Returns these changes plus {@code name: value} (replacing an earlier value of the same name). */
  public HeaderChanges with(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(set);
    copy.put(name, value);
    return new HeaderChanges(copy, remove);
  }

  /** Returns these changes followed by {@code other}'s (later values win). */
  public HeaderChanges plus(HeaderChanges other) {
    Map<String, String> copy = new LinkedHashMap<>(set);
    copy.putAll(other.set);
    List<String> removals = new java.util.ArrayList<>(remove);
    removals.addAll(other.remove);
    return new HeaderChanges(copy, removals);
  }

  /** Returns true when nothing is set or removed. */
  public boolean isEmpty() {
    return set.isEmpty() && remove.isEmpty();
  }

  /** Converts to Envoy's header mutation, values sent as raw bytes. */
  public HeaderMutation toMutation() {
    HeaderMutation.Builder mutation = HeaderMutation.newBuilder();
    set.forEach((name, value) -> mutation.addSetHeaders(HeaderValueOption.newBuilder()
        .setHeader(HeaderValue.newBuilder().setKey(name)
            .setRawValue(ByteString.copyFrom(value, StandardCharsets.UTF_8)))
        .setAppendAction(HeaderValueOption.HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD)));
    mutation.addAllRemoveHeaders(remove);
    return mutation.build();
  }
}
