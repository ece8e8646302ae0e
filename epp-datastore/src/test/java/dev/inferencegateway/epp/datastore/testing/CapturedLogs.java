package dev.inferencegateway.epp.datastore.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures the events of one logger for assertions. */
public final class CapturedLogs implements AutoCloseable {
  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  /** Starts capturing {@code loggerName}. */
  public CapturedLogs(String loggerName) {
    logger = (Logger) LoggerFactory.getLogger(loggerName);
    appender.start();
    logger.addAppender(appender);
  }

  /** Returns the formatted messages logged at {@code level} that contain {@code fragment}. */
  public List<String> messages(Level level, String fragment) {
    synchronized (appender.list) {
      return appender.list.stream().filter(e -> e.getLevel() == level)
          .map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(fragment)).toList();
    }
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
