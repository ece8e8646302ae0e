package dev.inferencegateway.epp.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an {@link EndpointPickerConfig} comes from: a file ({@code --config-file}), inline text
 * ({@code --config-text}), or the built-in default used when neither is given.
 *
 * <p>The {@link #description()} names the source in every error message.
 */
public final class ConfigSource {
  /** The classpath resource holding the built-in default configuration. */
  public static final String DEFAULT_RESOURCE = "/dev/inferencegateway/epp/core/config/default-config.yaml";

  private final String description;
  private final Optional<Path> file;
  private final String inlineText;
  private final boolean builtInDefault;

  private ConfigSource(String description, Optional<Path> file, String inlineText, boolean builtInDefault) {
    this.description = description;
    this.file = file;
    this.inlineText = inlineText;
    this.builtInDefault = builtInDefault;
  }

  /** Returns the source for a configuration file. */
  public static ConfigSource file(Path path) {
    Objects.requireNonNull(path, "path");
    return new ConfigSource("file " + path, Optional.of(path), null, false);
  }

  /** Returns the source for configuration text given on the command line. */
  public static ConfigSource text(String text) {
    Objects.requireNonNull(text, "text");
    return new ConfigSource("--config-text", Optional.empty(), text, false);
  }

  /** Returns the built-in default configuration (upstream's default since v1.4). */
  public static ConfigSource builtInDefault() {
    return new ConfigSource("built-in default", Optional.empty(), null, true);
  }

  /** Returns how this source is named in messages: {@code file <path>}, {@code --config-text} or {@code built-in default}. */
  public String description() {
    return description;
  }

  /** Returns the file of a file source. */
  public Optional<Path> path() {
    return file;
  }

  /** Returns true for the built-in default. */
  public boolean isBuiltInDefault() {
    return builtInDefault;
  }

  /**
   * Reads the configuration text.
   *
   * @throws ConfigException naming the file when it cannot be read
   */
  public String read() {
    if (inlineText != null) {
      return inlineText;
    }
    if (builtInDefault) {
      return readDefaultResource();
    }
    Path path = file.orElseThrow();
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(this, null, "failed to read the configuration file: " + e);
    }
  }

  /** Returns the text of the built-in default configuration. */
  static String readDefaultResource() {
    try (InputStream in = ConfigSource.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
