package dev.inferencegateway.extproc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The logback configuration that {@code -v} and the {@code --zap-*} flags produce. */
class LoggingSetupTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  @AfterEach
  void restoreTestLogging() throws Exception {
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  private static LoggingFlags flags(int verbosity, String level, boolean devel, String encoder, String time) {
    return new LoggingFlags(verbosity, level, devel, encoder, time);
  }

  private ConsoleAppender<ILoggingEvent> console() {
    return (ConsoleAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console");
  }

  @Test
  void verbosity_andZapLogLevel_mapToLevels() {
    assertThat(LoggingSetup.level(flags(2, null, false, null, null))).isEqualTo(Level.INFO);
    assertThat(LoggingSetup.level(flags(3, null, false, null, null))).isEqualTo(Level.DEBUG);
    assertThat(LoggingSetup.level(flags(4, null, false, null, null))).isEqualTo(Level.DEBUG);
    assertThat(LoggingSetup.level(flags(5, null, false, null, null))).isEqualTo(Level.TRACE);
    assertThat(LoggingSetup.level(flags(5, "warn", false, null, null))).isEqualTo(Level.WARN);
    assertThat(LoggingSetup.level(flags(2, "panic", false, null, null))).isEqualTo(Level.ERROR);
    assertThat(LoggingSetup.level(flags(2, "4", false, null, null))).isEqualTo(Level.DEBUG);
    assertThat(LoggingSetup.level(flags(2, " ", true, null, null))).isEqualTo(Level.DEBUG);
    assertThatThrownBy(() -> LoggingSetup.level(flags(2, "loud", false, null, null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--zap-log-level").hasMessageContaining("loud");
  }

  @Test
  void apply_writesToStderr_withTheProjectLevel_andInfoForOthers() {
    Level level = LoggingSetup.apply(flags(5, null, false, "console", "rfc3339"), true);

    assertThat(level).isEqualTo(Level.TRACE);
    assertThat(console().getTarget()).isEqualTo("System.err");
    assertThat(console().getEncoder()).isInstanceOf(PatternLayoutEncoder.class);
    assertThat(((PatternLayoutEncoder) console().getEncoder()).getPattern()).startsWith("%d{yyyy-MM-dd'T'HH:mm:ssXXX}");
    assertThat(context.getLogger("dev.inferencegateway").getLevel()).isEqualTo(Level.TRACE);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
    assertThat(context.getLogger("io.grpc.netty.shaded").getLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void encoder_followsTheFlag_elseTheServersDefault_andDevelMeansConsole() {
    LoggingSetup.apply(flags(2, null, false, null, null), true);
    assertThat(console().getEncoder()).isInstanceOf(JsonEncoder.class);

    LoggingSetup.apply(flags(2, null, false, null, null), false);
    assertThat(console().getEncoder()).isInstanceOf(PatternLayoutEncoder.class);

    LoggingSetup.apply(flags(2, null, true, null, null), true);
    assertThat(console().getEncoder()).isInstanceOf(PatternLayoutEncoder.class);

    LoggingSetup.apply(flags(2, null, false, "JSON", null), false);
    assertThat(console().getEncoder()).isInstanceOf(JsonEncoder.class);
  }

  @Test
  void invalidEncoderOrTimeEncoding_isRejected_beforeLoggingIsReset() {
    LoggingSetup.apply(flags(2, "error", false, "console", null), false);

    assertThatThrownBy(() -> LoggingSetup.apply(flags(2, null, false, "xml", null), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("--zap-encoder must be json or console, got 'xml'");
    assertThatThrownBy(() -> LoggingSetup.apply(flags(2, null, false, null, "unix"), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--zap-time-encoding").hasMessageContaining("unix");
    assertThat(console()).isNotNull();
    assertThat(context.getLogger("dev.inferencegateway").getLevel()).isEqualTo(Level.ERROR);
  }
}
