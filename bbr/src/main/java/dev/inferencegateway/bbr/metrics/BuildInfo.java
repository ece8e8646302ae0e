package dev.inferencegateway.bbr.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * The build's identity for {@code bbr_info}: the commit and the build reference, filled in by Maven
 * ({@code -Dbuild.commit=... -Dbuild.ref=...}); {@code unknown} when not given.
 *
 * @param commit the source commit
 * @param buildRef the build reference (tag or branch)
 */
public record BuildInfo(String commit, String buildRef) {
  public BuildInfo {
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(buildRef, "buildRef");
  }

  /** Reads the values recorded at build time. */
  public static BuildInfo load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/inferencegateway/bbr/build.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(value(properties, "commit"), value(properties, "build_ref"));
  }

  private static String value(Properties properties, String key) {
    String value = properties.getProperty(key, "").trim();
    return value.isEmpty() || value.startsWith("${") ? "unknown" : value;
  }
}
