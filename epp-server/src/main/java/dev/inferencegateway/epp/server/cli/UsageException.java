package dev.inferencegateway.epp.server.cli;

import java.util.List;

/** Invalid flags or environment: the message lists every problem, one per line. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from the problems found. */
  public UsageException(List<String> problems) {
    super(String.join(System.lineSeparator(), problems));
  }
}
