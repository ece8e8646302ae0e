package dev.inferencegateway.epp.core.plugin;

/**
 * A configurable unit of EPP behaviour, identified by its {@link TypedName}.
 *
 * <p>A single instance may play several roles (filter, scorer, data producer, saturation
 * detector, ...) by implementing several role interfaces.
 */
public interface Plugin {
  /** Returns the type and instance name of this plugin. */
  TypedName typedName();
}
