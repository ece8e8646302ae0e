package dev.inferencegateway.bbr.server;

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
 * Applies the logging flags ({@code -v}, {@code --zap-log-level}, {@code --zap-encoder},
 * {@code --zap-devel}) to logback: one console appender, JSON or plain lines, and the level.
 */
public final class LoggingSetup {
  private static final String PROJECT_LOGGERS = "dev.inferencegateway";

  private LoggingSetup() {}

  /** Returns the level for the project's loggers from the flags (upstream verbosity: 2 default, 4 debug, 5 trace). */
  static Level projectLevel(BbrOptions options) {
    if (options.zapLogLevel != null) {
      String level = options.zapLogLevel.trim().toLowerCase(Locale.ROOT);
      return switch (level) {
        case "debug" -> Level.DEBUG;
        case "info" -> Level.INFO;
        case "warn" -> Level.WARN;
        case "error", "dpanic", "panic", "fatal" -> Level.ERROR;
        default -> verbosityLevel(parseVerbosity(level));
      };
    }
    if (options.zapDevel) {
      return Level.DEBUG;
    }
    return verbosityLevel(options.verbosity);
  }

  /** Configures logback for the standalone server. */
  public static void apply(BbrOptions options) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    context.reset();
    boolean json = options.zapEncoder != null ? options.zapEncoder.equals("json") : !options.zapDevel;
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setEncoder(encoder(context, json));
    console.start();
    Level project = projectLevel(options);
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(console);
    root.setLevel(project.isGreaterOrEqual(Level.INFO) ? project : Level.INFO);
    context.getLogger(PROJECT_LOGGERS).setLevel(project);
  }

  private static Encoder<ILoggingEvent> encoder(LoggerContext context, boolean json) {
    if (json) {
      JsonEncoder encoder = new JsonEncoder();
      encoder.setContext(context);
      encoder.start();
      return encoder;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
    encoder.start();
    return encoder;
  }

  private static Level verbosityLevel(int verbosity) {
    if (verbosity >= 5) {
      return Level.TRACE;
    }
    return verbosity >= 4 ? Level.DEBUG : Level.INFO;
  }

  private static int parseVerbosity(String level) {
    try {
      return Integer.parseInt(level);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid value \"" + level + "\" for flag \"zap-log-level\": "
          + "must be debug, info, warn, error or an integer");
    }
  }
}
