package dev.inferencegateway.epp.server.cli;

import picocli.CommandLine;

/** The build's version and commit, read from the jar manifest (unknown when run from classes). */
public final class BuildInfo implements CommandLine.IVersionProvider {
  /** Returns the implementation version, or {@code dev}. */
  public static String version() {
    String version = BuildInfo.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** Returns the commit the build was made from, or {@code unknown}. */
  public static String commit() {
    String commit = System.getProperty("epp.commit", System.getenv().getOrDefault("EPP_COMMIT", ""));
    return commit.isBlank() ? "unknown" : commit;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"epp " + version() + " (commit " + commit() + ")"};
  }
}
