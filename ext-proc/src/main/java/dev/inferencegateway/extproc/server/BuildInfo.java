package dev.inferencegateway.extproc.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * The build's identity, for {@code --version} and the {@code commit}/{@code build_ref} labels of
 * {@code inference_extension_info} and {@code bbr_info}: recorded by Maven at build time
 * ({@code -Dbuild.commit=... -Dbuild.ref=...}); the commit is {@code unknown} and the build
 * reference the project version when not given.
 *
 * @param version the project version
 * @param commit the source commit
 * @param buildRef the build reference (tag or branch)
 */
public record BuildInfo(String version, String commit, String buildRef) {
  private static final String RESOURCE = "/dev/inferencegateway/extproc/server/build.properties";

  public BuildInfo {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(buildRef, "buildRef");
  }

  /** Reads the values recorded at build time; {@code unknown} for any that were not. */
  public static BuildInfo load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(value(properties, "version"), value(properties, "commit"), value(properties, "build_ref"));
  }

  private static String value(Properties properties, String key) {
    String value = properties.getProperty(key, "").trim();
    return value.isEmpty() || value.startsWith("${") ? "unknown" : value;
  }
}
