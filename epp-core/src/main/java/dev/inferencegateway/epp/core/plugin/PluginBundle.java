package dev.inferencegateway.epp.core.plugin;

import java.util.List;

/**
 * A list of plugin descriptors contributed by one module or one out-of-tree jar.
 *
 * <p>Built-in modules expose their bundle as an explicit list; out-of-tree jars register theirs
 * through {@link java.util.ServiceLoader} under {@code META-INF/services}.
 */
public interface PluginBundle {
  /** Returns the descriptors of this bundle, in registration order. */
  List<PluginDescriptor<?>> descriptors();
}
