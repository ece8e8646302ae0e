package dev.inferencegateway.epp.datastore.plugins.metricssource;

/**
 * The {@code parameters} of a {@code metrics-data-source}; an absent field takes the server's
 * {@link ScrapeSettings} default (itself upstream's default unless a deprecated flag was given).
 *
 * @param scheme {@code http} or {@code https}
 * @param path the metrics path, starting with {@code /}
 * @param insecureSkipVerify skip https certificate verification
 */
public record MetricsDataSourceParameters(String scheme, String path, Boolean insecureSkipVerify) {
  public MetricsDataSourceParameters {
    if (scheme != null) {
      ScrapeSettings.checkScheme(scheme);
    }
    if (path != null) {
      ScrapeSettings.checkPath(path);
    }
  }

  /** Returns the effective settings, taking absent fields from {@code defaults}. */
  public ScrapeSettings resolve(ScrapeSettings defaults) {
    return new ScrapeSettings(scheme != null ? scheme : defaults.scheme(),
        path != null ? path : defaults.path(),
        insecureSkipVerify != null ? insecureSkipVerify : defaults.insecureSkipVerify());
  }
}
