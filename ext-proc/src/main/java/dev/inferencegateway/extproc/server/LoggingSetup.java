package dev.inferencegateway.extproc.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Configures logback from the {@link LoggingFlags} of the EPP or the BBR: one console appender on
 * stderr writing JSON (the formatted message, level, logger, thread, time) or plain lines, the
 * level of this project's loggers, and at least info for everything else.
 */
public final class LoggingSetup {
  private static final String OWN_LOGGERS = "dev.inferencegateway";

  private LoggingSetup() {}

  /**
   * Reconfigures logback from {@code flags}; returns the level of this project's loggers.
   *
   * @param jsonByDefault whether lines are JSON when {@code --zap-encoder} is not given (never with
   *     {@code --zap-devel})
   * @throws IllegalArgumentException naming the flag whose value is invalid
   */
  public static Level apply(LoggingFlags flags, boolean jsonByDefault) {
    Level level = level(flags);
    boolean json = json(flags, jsonByDefault);
    String timePattern = timePattern(flags.zapTimeEncoding());
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return level;
    }
    context.reset();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setTarget("System.err");
    console.setEncoder(json ? jsonEncoder(context) : lineEncoder(context, timePattern));
    console.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(console);
    root.setLevel(level.isGreaterOrEqual(Level.INFO) ? level : Level.INFO);
    context.getLogger(OWN_LOGGERS).setLevel(level);
    context.getLogger("io.grpc.netty.shaded").setLevel(Level.WARN);
    context.getLogger("io.fabric8.kubernetes.client.informers").setLevel(Level.WARN);
    return level;
  }

  /**
   * Returns the level of this project's loggers: {@code --zap-log-level} when given, else debug
   * with {@code --zap-devel}, else from {@code -v}.
   *
   * @throws IllegalArgumentException when {@code --zap-log-level} is neither a level nor an integer
   */
  public static Level level(LoggingFlags flags) {
    String zapLogLevel = flags.zapLogLevel();
    if (zapLogLevel != null && !zapLogLevel.isBlank()) {
      String value = zapLogLevel.trim().toLowerCase(Locale.ROOT);
      return switch (value) {
        case "debug" -> Level.DEBUG;
        case "info" -> Level.INFO;
        case "warn" -> Level.WARN;
        case "error", "dpanic", "panic", "fatal" -> Level.ERROR;
        default -> verbosityLevel(Math.abs(parseVerbosity(zapLogLevel)));
      };
    }
    if (flags.zapDevel()) {
      return Level.DEBUG;
    }
    return verbosityLevel(flags.verbosity());
  }

  private static Level verbosityLevel(int verbosity) {
    if (verbosity >= 5) {
      return Level.TRACE;
    }
    return verbosity >= 3 ? Level.DEBUG : Level.INFO;
  }

  private static int parseVerbosity(String zapLogLevel) {
    try {
      return Integer.parseInt(zapLogLevel.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--zap-log-level must be debug, info, warn, error or an integer, got '"
          + zapLogLevel + "'");
    }
  }

  private static boolean json(LoggingFlags flags, boolean jsonByDefault) {
    String encoder = flags.zapEncoder();
    if (encoder == null) {
      return jsonByDefault && !flags.zapDevel();
    }
    String value = encoder.trim().toLowerCase(Locale.ROOT);
    if (!value.equals("json") && !value.equals("console")) {
      throw new IllegalArgumentException("--zap-encoder must be json or console, got '" + encoder + "'");
    }
    return value.equals("json");
  }

  private static String timePattern(String encoding) {
    if (encoding == null) {
      return "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}";
    }
    return switch (encoding.trim().toLowerCase(Locale.ROOT)) {
      case "epoch", "millis", "nano" -> "%d{UNIX_MILLIS}";
      case "rfc3339" -> "%d{yyyy-MM-dd'T'HH:mm:ssXXX}";
      case "iso8601", "rfc3339nano" -> "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}";
      default -> throw new IllegalArgumentException("--zap-time-encoding must be epoch, millis, nano, "
          + "iso8601, rfc3339 or rfc3339nano, got '" + encoding + "'");
    };
  }

  private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithFormattedMessage(true);
    encoder.start();
    return encoder;
  }

  private static Encoder<ILoggingEvent> lineEncoder(LoggerContext context, String timePattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(timePattern + " %-5level [%thread] %logger{36} - %msg%n");
    encoder.start();
    return encoder;
  }
}
