package dev.inferencegateway.epp.datastore.staticendpoints;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the {@link StaticSource}: either a list of {@code host:port} (flag
 * {@code --endpoints}) or a YAML file of endpoints, re-read every {@code reloadInterval}.
 *
 * @param poolName the name reported for the pool
 * @param namespace the namespace reported for the pool and its endpoints
 * @param endpoints {@code host:port} entries (IPv6 as {@code [addr]:port}); empty with a file
 * @param file the endpoints file, when the list is empty
 * @param reloadInterval how often the file is checked for changes
 */
public record StaticSourceOptions(String poolName, String namespace, List<String> endpoints, Optional<Path> file,
    Duration reloadInterval) {
  /** The pool name used when none is given. */
  public static final String DEFAULT_POOL_NAME = "static";
  /** The default check interval of the endpoints file. */
  public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(1);
  /** A documented sample endpoints file, on the classpath. */
  public static final String SAMPLE_RESOURCE = "/dev/inferencegateway/epp/datastore/staticendpoints/endpoints-sample.yaml";

  public StaticSourceOptions {
    poolName = poolName == null || poolName.isBlank() ? DEFAULT_POOL_NAME : poolName;
    namespace = namespace == null || namespace.isBlank() ? "default" : namespace;
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reloadInterval, "reloadInterval");
    if (endpoints.isEmpty() == file.isEmpty()) {
      throw new IllegalArgumentException("give either --endpoints or an endpoints file, not both and not neither");
    }
    if (reloadInterval.isNegative() || reloadInterval.isZero()) {
      throw new IllegalArgumentException("reloadInterval must be > 0");
    }
    StaticEndpoints.fromFlag(endpoints, namespace);
  }

  /** Options for {@code --endpoints host:port,host:port}. */
  public static StaticSourceOptions fromEndpointsFlag(String commaSeparated, String poolName, String namespace) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      throw new IllegalArgumentException("--endpoints must list at least one host:port");
    }
    List<String> entries = java.util.Arrays.stream(commaSeparated.split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).toList();
    return new StaticSourceOptions(poolName, namespace, entries, Optional.empty(), DEFAULT_RELOAD_INTERVAL);
  }

  /** Options for an endpoints file, checked for changes every second. */
  public static StaticSourceOptions fromFile(Path file, String poolName, String namespace) {
    return new StaticSourceOptions(poolName, namespace, List.of(), Optional.of(file), DEFAULT_RELOAD_INTERVAL);
  }

  /** Returns a copy that checks the file every {@code value}. */
  public StaticSourceOptions withReloadInterval(Duration value) {
    return new StaticSourceOptions(poolName, namespace, endpoints, file, value);
  }
}
