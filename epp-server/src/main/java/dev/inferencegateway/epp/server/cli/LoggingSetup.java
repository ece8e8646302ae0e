package dev.inferencegateway.epp.server.cli;

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
 * Maps upstream's logging flags onto logback: {@code -v} (2 info, 3 and 4 debug, 5 trace for the
 * EPP's own loggers), {@code --zap-log-level} (a level name or a verbosity), {@code --zap-devel}
 * (console and debug), {@code --zap-encoder json|console} and {@code --zap-time-encoding}.
 */
public final class LoggingSetup {
  private static final String OWN_LOGGERS = "dev.inferencegateway";

  private LoggingSetup() {}

  /** Reconfigures logback from the flags; returns the EPP's log level. */
  public static Level apply(EppOptions o) {
    Level level = level(o);
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setTarget("System.err");
    console.setEncoder(encoder(o, context));
    console.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(console);
    root.setLevel(level.isGreaterOrEqual(Level.INFO) ? level : Level.INFO);
    context.getLogger(OWN_LOGGERS).setLevel(level);
    context.getLogger("io.grpc.netty.shaded").setLevel(Level.WARN);
    context.getLogger("io.fabric8.kubernetes.client.informers").setLevel(Level.WARN);
    return level;
  }

  static Level level(EppOptions o) {
    if (o.zapLogLevel != null && !o.zapLogLevel.isBlank()) {
      String value = o.zapLogLevel.trim().toLowerCase(Locale.ROOT);
      return switch (value) {
        case "debug" -> Level.DEBUG;
        case "info" -> Level.INFO;
        case "warn" -> Level.WARN;
        case "error", "dpanic", "panic", "fatal" -> Level.ERROR;
        default -> {
          try {
            yield verbosityLevel(Math.abs(Integer.parseInt(value)));
          } catch (NumberFormatException e) {
            throw new UsageException(java.util.List.of("--zap-log-level must be debug, info, error or a number, got '"
                + o.zapLogLevel + "'"));
          }
        }
      };
    }
    if (o.zapDevel) {
      return Level.DEBUG;
    }
    return verbosityLevel(o.verbosity);
  }

  private static Level verbosityLevel(int verbosity) {
    if (verbosity >= 5) {
      return Level.TRACE;
    }
    return verbosity >= 3 ? Level.DEBUG : Level.INFO;
  }

  private static Encoder<ILoggingEvent> encoder(EppOptions o, LoggerContext context) {
    boolean json = o.zapEncoder != null && o.zapEncoder.trim().equalsIgnoreCase("json");
    if (o.zapEncoder != null && !json && !o.zapEncoder.trim().equalsIgnoreCase("console")) {
      throw new UsageException(java.util.List.of("--zap-encoder must be json or console, got '" + o.zapEncoder + "'"));
    }
    if (json) {
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
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(timePattern(o.zapTimeEncoding) + " %-5level [%thread] %logger{36} - %msg%n");
    encoder.start();
    return encoder;
  }

  private static String timePattern(String encoding) {
    if (encoding == null) {
      return "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}";
    }
    return switch (encoding.trim().toLowerCase(Locale.ROOT)) {
      case "epoch", "millis", "nano" -> "%d{UNIX_MILLIS}";
      case "rfc3339" -> "%d{yyyy-MM-dd'T'HH:mm:ssXXX}";
      case "iso8601", "rfc3339nano" -> "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}";
      default -> throw new UsageException(java.util.List.of("--zap-time-encoding must be epoch, millis, nano, "
          + "iso8601, rfc3339 or rfc3339nano, got '" + encoding + "'"));
    };
  }
}
