package dev.inferencegateway.epp.server.cli;

import dev.inferencegateway.extproc.server.BuildInfo;
import picocli.CommandLine;

/** The {@code --version} line of the EPP: {@code epp <version> (commit <commit>)}. */
public final class EppVersion implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    BuildInfo build = BuildInfo.load();
    return new String[] {"epp " + build.version() + " (commit " + build.commit() + ")"};
  }
}
