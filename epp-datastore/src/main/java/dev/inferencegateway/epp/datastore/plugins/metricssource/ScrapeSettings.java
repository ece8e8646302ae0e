package dev.inferencegateway.epp.datastore.plugins.metricssource;

import java.util.Objects;

/**
 * How {@code /metrics} is fetched: scheme, path and TLS verification.
 *
 * <p>The server builds the defaults from the deprecated {@code --model-server-metrics-scheme},
 * {@code --model-server-metrics-path} and {@code --model-server-metrics-https-insecure-skip-verify}
 * flags; parameters given to a {@code metrics-data-source} in the config override them.
 *
 * @param scheme {@code http} or {@code https}
 * @param path the request path, starting with {@code /}
 * @param insecureSkipVerify when true, https certificates and host names are not verified
 */
public record ScrapeSettings(String scheme, String path, boolean insecureSkipVerify) {
  /** Upstream's defaults: {@code http}, {@code /metrics}, skip verification. */
  public static final ScrapeSettings DEFAULTS = new ScrapeSettings("http", "/metrics", true);

  public ScrapeSettings {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(path, "path");
    checkScheme(scheme);
    checkPath(path);
  }

  static void checkScheme(String scheme) {
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("'scheme' must be http or https, got \"" + scheme + "\"");
    }
  }

  static void checkPath(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("'path' must start with /, got \"" + path + "\"");
    }
  }
}
