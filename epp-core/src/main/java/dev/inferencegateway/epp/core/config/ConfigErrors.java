package dev.inferencegateway.epp.core.config;

/**
 * Creates {@link ConfigException}s for one configuration source, locating each error by the path
 * of the element it concerns.
 *
 * <p>The detail of every error starts with the phase in upstream's wording:
 * {@value #PARSE} for decoding and feature gates, {@value #LOAD} for everything after.
 */
final class ConfigErrors {
  static final String PARSE = "failed to parse config - ";
  static final String DECODE = PARSE + "failed to decode configuration JSON/YAML: ";
  static final String GATES = PARSE + "feature gate validation failed: ";
  static final String LOAD = "failed to load the configuration - ";
  static final String INSTANTIATION = LOAD + "plugin instantiation failed: ";
  static final String DEFAULTS = LOAD + "system default application failed: ";
  static final String VALIDATION = LOAD + "configuration validation failed: ";
  static final String PROFILES = VALIDATION + "scheduling profile validation failed: ";
  static final String SCHEDULER = LOAD + "scheduler config build failed: ";
  static final String DATA_LAYER = LOAD + "data layer config build failed: ";
  static final String PARSER = LOAD + "parser config build failed: ";
  static final String DATA_DEPENDENCIES = LOAD + "data dependency validation failed: ";

  private final ConfigSource source;
  private final LocatedDocument document;

  /** Creates the factory; {@code document} is null for sources without text positions. */
  ConfigErrors(ConfigSource source, LocatedDocument document) {
    this.source = source;
    this.document = document;
  }

  /** Returns the configuration source. */
  ConfigSource source() {
    return source;
  }

  /** Returns the position of {@code path} (or its enclosing element), or null when unknown. */
  SourcePosition position(String path) {
    return document == null || path == null ? null : document.position(path);
  }

  /** Returns an exception for the element at {@code path} (null when it has no place in the text). */
  ConfigException at(String path, String detail) {
    return new ConfigException(source, position(path), detail);
  }

  /** Returns an exception with a cause for the element at {@code path}. */
  ConfigException at(String path, String detail, Throwable cause) {
    return new ConfigException(source, position(path), detail, cause);
  }

  /** Returns {@code path + suffix}, or null when {@code path} is null (an element not in the text). */
  static String child(String path, String suffix) {
    return path == null ? null : path + suffix;
  }

  /** Prefixes {@code message} with the position of {@code path}, for warnings. */
  String located(String path, String message) {
    SourcePosition p = position(path);
    return p == null ? message : source.description() + ", " + p + ": " + message;
  }
}
