package dev.inferencegateway.bbr.server;

import dev.inferencegateway.extproc.server.LoggingFlags;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The BBR command-line flags. Names and defaults follow upstream; boolean flags take
 * {@code --flag}, {@code --flag=true} or {@code --flag=false} as Go's pflag does.
 */
@Command(name = "bbr", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Body-Based Router: an Envoy ext_proc server that copies request body fields into headers.")
public final class BbrOptions {
  /** The largest request body accepted by default (64 MiB); larger bodies get 413. */
  public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 64L * 1024 * 1024;

  @Option(names = "--grpc-port", defaultValue = "9004", description = "The gRPC port used for communicating with Envoy proxy.")
  int grpcPort;

  @Option(names = "--grpc-health-port", defaultValue = "9005", description = "The port used for gRPC liveness and readiness probes.")
  int grpcHealthPort;

  @Option(names = "--metrics-port", defaultValue = "9090", description = "The metrics port exposed by BBR.")
  int metricsPort;

  @Option(names = "--streaming", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Accepted for compatibility: the body mode follows the one Envoy announces (FULL_DUPLEX_STREAMED or BUFFERED).")
  boolean streaming;

  @Option(names = "--secure-serving", arity = "0..1", fallbackValue = "true", defaultValue = "true",
      description = "Serve ext_proc over TLS (a self-signed certificate unless --cert-path is given).")
  boolean secureServing;

  @Option(names = "--cert-path", description = "Directory with tls.crt and tls.key for secure serving.")
  Path certPath;

  @Option(names = "--enable-cert-reload", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Reload the certificate in --cert-path when it changes.")
  boolean enableCertReload;

  @Option(names = "--tracing", arity = "0..1", fallbackValue = "true", defaultValue = "true",
      description = "Accepted for compatibility; this build exports no traces.")
  boolean tracing;

  @Option(names = "--enable-pprof", arity = "0..1", fallbackValue = "true", defaultValue = "true",
      description = "Accepted for compatibility; the JVM has no pprof endpoints.")
  boolean enablePprof;

  @Option(names = "--metrics-endpoint-auth", arity = "0..1", fallbackValue = "true", defaultValue = "true",
      description = "Require a Kubernetes bearer token allowed to 'get' the non-resource URL /metrics.")
  boolean metricsEndpointAuth;

  @Option(names = "--plugin", paramLabel = "<type>:<name>[:<json>]",
      description = "Repeatable. A BBR plugin; none given selects model-extractor and base-model-mapper.")
  List<String> plugins = new ArrayList<>();

  @Option(names = "--base-model-file", paramLabel = "<path>",
      description = "YAML file of base-model mappings to use instead of ConfigMaps (re-read when it changes).")
  Path baseModelFile;

  @Option(names = "--max-request-body-bytes", defaultValue = "" + DEFAULT_MAX_REQUEST_BODY_BYTES,
      description = "The largest request body accepted; larger bodies get 413.")
  long maxRequestBodyBytes;

  @Option(names = {"-v", "--v"}, defaultValue = "2", description = "Log verbosity: 2 default, 3 verbose, 4 debug, 5 trace.")
  int verbosity;

  @Option(names = "--zap-devel", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Development logging (console encoder, debug level).")
  boolean zapDevel;

  @Option(names = "--zap-encoder", description = "Log encoding: json or console.")
  String zapEncoder;

  @Option(names = "--zap-log-level", description = "Log level: debug, info, error, or an integer verbosity.")
  String zapLogLevel;

  @Option(names = "--zap-stacktrace-level", description = "Accepted for compatibility: stack traces are always logged with errors.")
  String zapStacktraceLevel;

  @Option(names = "--zap-time-encoding", description = "Time format: epoch, millis, nano, iso8601, rfc3339, rfc3339nano.")
  String zapTimeEncoding;

  /**
   * Checks the values that picocli cannot: port ranges and distinctness, the body limit, the
   * encoder name.
   *
   * @throws IllegalArgumentException with upstream's wording for ports
   */
  public void validate() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("grpc-port", grpcPort);
    ports.put("grpc-health-port", grpcHealthPort);
    ports.put("metrics-port", metricsPort);
    ports.forEach((flag, port) -> {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("invalid value " + port + " for flag \"" + flag
            + "\": must be between 1 and 65535");
      }
    });
    if (ports.values().stream().distinct().count() < ports.size()) {
      throw new IllegalArgumentException("port conflict: grpc-port (" + grpcPort + "), grpc-health-port ("
          + grpcHealthPort + "), and metrics-port (" + metricsPort + ") must all be different");
    }
    if (maxRequestBodyBytes <= 0) {
      throw new IllegalArgumentException("invalid value " + maxRequestBodyBytes
          + " for flag \"max-request-body-bytes\": must be positive");
    }
    if (zapEncoder != null && !zapEncoder.equals("json") && !zapEncoder.equals("console")) {
      throw new IllegalArgumentException("invalid value \"" + zapEncoder + "\" for flag \"zap-encoder\": "
          + "must be json or console");
    }
    if (enableCertReload && certPath == null) {
      throw new IllegalArgumentException("--enable-cert-reload needs --cert-path");
    }
  }

  /** Returns the {@code --base-model-file} path, or null when ConfigMaps are used. */
  public Path baseModelFile() {
    return baseModelFile;
  }

  /** Returns whether {@code /metrics} requires a Kubernetes bearer token. */
  public boolean metricsEndpointAuth() {
    return metricsEndpointAuth;
  }

  /** Returns the logging flags ({@code -v}, {@code --zap-*}). */
  public LoggingFlags logging() {
    return new LoggingFlags(verbosity, zapLogLevel, zapDevel, zapEncoder, zapTimeEncoding);
  }

  /** Returns the {@code --plugin} values in order. */
  public List<String> plugins() {
    return List.copyOf(plugins);
  }
}
