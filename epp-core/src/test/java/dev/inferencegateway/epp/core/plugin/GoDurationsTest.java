package dev.inferencegateway.epp.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's {@code time.ParseDuration} syntax and {@code Duration.String()} format. */
class GoDurationsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "200ms, 200000000",
      "1s, 1000000000",
      "1m30s, 90000000000",
      "1.5h, 5400000000000",
      "2h45m, 9900000000000",
      "300us, 300000",
      "300µs, 300000",
      "300μs, 300000",
      "15ns, 15",
      "0, 0",
      "0s, 0",
      "-2s, -2000000000",
      "+3m, 180000000000",
      ".5s, 500000000",
      "1.25ms, 1250000"})
  void parse_acceptsGoSyntax(String text, long nanos) {
    assertThat(GoDurations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"5", "5 seconds", "1x", "ms", "1d", ".s", "1m30"})
  void parse_rejectsAnythingElseNamingTheText(String text) {
    assertThatThrownBy(() -> GoDurations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid duration \"" + text
            + "\" (expected a number and a unit of ns, us, ms, s, m or h, e.g. 200ms or 1m30s)");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(value = {"''", "'   '"})
  void parse_rejectsBlankText(String text) {
    assertThatThrownBy(() -> GoDurations.parse(text)).hasMessage("invalid duration \"" + text + "\"");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
      "0, 0s",
      "15, 15ns",
      "1500, 1.5µs",
      "200000000, 200ms",
      "1000000000, 1s",
      "90000000000, 1m30s",
      "5400000000000, 1h30m0s",
      "1500000000, 1.5s",
      "-2000000000, -2s"})
  void format_printsLikeGo(long nanos, String expected) {
    assertThat(GoDurations.format(Duration.ofNanos(nanos))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"200ms", "1m30s", "1h30m0s", "1.5µs", "0s"})
  void formatThenParse_roundTrips(String text) {
    assertThat(GoDurations.format(GoDurations.parse(text))).isEqualTo(text);
  }
}
