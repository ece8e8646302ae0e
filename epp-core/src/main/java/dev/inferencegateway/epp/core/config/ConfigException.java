package dev.inferencegateway.epp.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Thrown when an {@link EndpointPickerConfig} cannot be loaded; startup stops with its message.
 *
 * <p>The message reads {@code invalid configuration (<source>[, line L, column C]): <detail>},
 * where the source is the file path, {@code --config-text} or {@code built-in default}, and the
 * detail follows upstream's error wording and names the plugin instance and field.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient ConfigSource source;
  private final transient SourcePosition position;
  private final String detail;

  /** Creates the exception; {@code position} may be null when the error has no place in the text. */
  public ConfigException(ConfigSource source, SourcePosition position, String detail) {
    this(source, position, detail, null);
  }

  /** Creates the exception with a cause. */
  public ConfigException(ConfigSource source, SourcePosition position, String detail, Throwable cause) {
    super("invalid configuration (" + source.description()
        + (position == null ? "" : ", " + position) + "): " + detail, cause);
    this.source = Objects.requireNonNull(source, "source");
    this.position = position;
    this.detail = detail;
  }

  /** Returns where the configuration came from. */
  public ConfigSource source() {
    return source;
  }

  /** Returns the position of the offending element, when known. */
  public Optional<SourcePosition> position() {
    return Optional.ofNullable(position);
  }

  /** Returns the message without the source and position. */
  public String detail() {
    return detail;
  }
}
