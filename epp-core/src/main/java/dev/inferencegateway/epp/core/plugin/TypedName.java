package dev.inferencegateway.epp.core.plugin;

import java.util.Objects;

/**
 * The identity of a plugin instance: its registered type and its instance name.
 *
 * @param type the registered plugin type, e.g. {@code queue-scorer}
 * @param name the instance name from the config; defaults to the type
 */
public record TypedName(String type, String name) {
  public TypedName {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
  }

  /** Returns a typed name whose instance name equals its type. */
  public static TypedName of(String type) {
    return new TypedName(type, type);
  }

  @Override
  public String toString() {
    return name.equals(type) ? type : name + " (type: " + type + ")";
  }
}
