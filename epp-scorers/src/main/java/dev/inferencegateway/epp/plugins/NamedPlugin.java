package dev.inferencegateway.epp.plugins;

import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.plugin.TypedName;

/** The base of the built-in plugins: holds the type and instance name. */
public abstract class NamedPlugin implements Plugin {
  private final TypedName typedName;

  /** Creates a plugin of registered type {@code type} named {@code name}. */
  protected NamedPlugin(String type, String name) {
    this.typedName = new TypedName(type, name);
  }

  @Override
  public final TypedName typedName() {
    return typedName;
  }

  @Override
  public String toString() {
    return typedName.toString();
  }
}
