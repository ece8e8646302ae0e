package dev.inferencegateway.bbr.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.inferencegateway.extproc.server.LoggingSetup;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class BbrOptionsTest {
  private static BbrOptions parse(String... args) {
    BbrOptions options = new BbrOptions();
    new CommandLine(options).parseArgs(args);
    options.validate();
    return options;
  }

  @Test
  void defaults_areUpstreams() {
    BbrOptions options = parse();

    assertThat(options.grpcPort).isEqualTo(9004);
    assertThat(options.grpcHealthPort).isEqualTo(9005);
    assertThat(options.metricsPort).isEqualTo(9090);
    assertThat(options.streaming).isFalse();
    assertThat(options.secureServing).isTrue();
    assertThat(options.tracing).isTrue();
    assertThat(options.enablePprof).isTrue();
    assertThat(options.metricsEndpointAuth).isTrue();
    assertThat(options.plugins()).isEmpty();
    assertThat(options.verbosity).isEqualTo(2);
    assertThat(options.maxRequestBodyBytes).isEqualTo(64L * 1024 * 1024);
    assertThat(LoggingSetup.level(options.logging())).isEqualTo(Level.INFO);
  }

  @Test
  void helmChartArguments_areAccepted() {
    BbrOptions options = parse("--streaming", "--v=3", "--tracing=false",
        "--plugin", "body-field-to-header:model-extractor:{\"fieldName\":\"model\",\"headerName\":\"X-Gateway-Model-Name\"}",
        "--plugin", "base-model-to-header:base-model-mapper", "--zap-encoder", "json",
        "--grpc-port=19004", "--secure-serving=false", "--metrics-endpoint-auth=false", "--enable-pprof=false",
        "--base-model-file", "/etc/bbr/mappings.yaml");

    assertThat(options.streaming).isTrue();
    assertThat(options.verbosity).isEqualTo(3);
    assertThat(options.tracing).isFalse();
    assertThat(options.secureServing).isFalse();
    assertThat(options.grpcPort).isEqualTo(19004);
    assertThat(options.plugins()).hasSize(2).last().isEqualTo("base-model-to-header:base-model-mapper");
    assertThat(options.baseModelFile()).isEqualTo(Path.of("/etc/bbr/mappings.yaml"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "-v=5|TRACE", "--v=4|DEBUG", "--zap-log-level=debug|DEBUG", "--zap-log-level=error|ERROR",
      "--zap-log-level=4|DEBUG", "--zap-devel|DEBUG"})
  void verbosityFlags_setTheLevel(String flag, String level) {
    assertThat(LoggingSetup.level(parse(flag).logging())).isEqualTo(Level.toLevel(level));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--grpc-port=0|invalid value 0 for flag \"grpc-port\": must be between 1 and 65535",
      "--metrics-port=65536|invalid value 65536 for flag \"metrics-port\": must be between 1 and 65535",
      "--grpc-health-port=9004|port conflict: grpc-port (9004), grpc-health-port (9004), and metrics-port (9090) must all be different",
      "--max-request-body-bytes=0|invalid value 0 for flag \"max-request-body-bytes\": must be positive",
      "--zap-encoder=xml|invalid value \"xml\" for flag \"zap-encoder\": must be json or console",
      "--enable-cert-reload|--enable-cert-reload needs --cert-path"})
  void invalidValues_areRejected(String flag, String message) {
    assertThatThrownBy(() -> parse(flag)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void unknownFlags_andBadNumbers_areRejected() {
    assertThatThrownBy(() -> parse("--grpc-prot=1")).isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--grpc-prot=1");
    assertThatThrownBy(() -> parse("--grpc-port=abc")).isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("'abc' is not an int");
  }
}
