package dev.inferencegateway.epp.server.cli;

import dev.inferencegateway.epp.core.plugin.GoDurations;
import java.time.Duration;
import picocli.CommandLine;

/** Parses Go duration flags such as {@code 50ms}, {@code 5s}, {@code 1m30s}. */
final class GoDurationConverter implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return GoDurations.parse(value.trim());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (examples: 50ms, 5s, 1m30s)");
    }
  }
}
