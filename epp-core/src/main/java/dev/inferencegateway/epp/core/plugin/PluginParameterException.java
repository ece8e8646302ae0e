package dev.inferencegateway.epp.core.plugin;

/**
 * Thrown when a plugin's parameters are invalid; the message names the plugin instance, its type
 * and the offending field.
 */
public final class PluginParameterException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient TypedName plugin;
  private final String field;

  /** Creates the exception; {@code field} may be empty when the error concerns the whole object. */
  public PluginParameterException(TypedName plugin, String field, String reason) {
    super("plugin '" + plugin.name() + "' (type: " + plugin.type() + ")"
        + (field.isEmpty() ? "" : ": parameter '" + field + "'") + ": " + reason);
    this.plugin = plugin;
    this.field = field;
  }

  /** Returns the plugin whose parameters are invalid. */
  public TypedName plugin() {
    return plugin;
  }

  /** Returns the offending field path, empty when not specific to one field. */
  public String field() {
    return field;
  }
}
