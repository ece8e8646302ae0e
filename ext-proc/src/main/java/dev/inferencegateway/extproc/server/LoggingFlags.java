package dev.inferencegateway.extproc.server;

/**
 * The logging flags the EPP and the BBR share with upstream (controller-runtime's zap flags and
 * {@code -v}), as parsed; {@code null} strings mean the flag was not given.
 *
 * @param verbosity {@code -v}: 2 info, 3 and 4 debug, 5 and above trace
 * @param zapLogLevel {@code --zap-log-level}: a level name or a verbosity; wins over {@code -v}
 * @param zapDevel {@code --zap-devel}: debug level and console lines
 * @param zapEncoder {@code --zap-encoder}: {@code json} or {@code console}
 * @param zapTimeEncoding {@code --zap-time-encoding}: epoch, millis, nano, iso8601, rfc3339 or rfc3339nano
 */
public record LoggingFlags(int verbosity, String zapLogLevel, boolean zapDevel, String zapEncoder,
    String zapTimeEncoding) {}
