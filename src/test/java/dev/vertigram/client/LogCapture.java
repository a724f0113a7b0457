package dev.vertigram.client;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Captures the log events of one class (at DEBUG and above) while a test runs. */
public final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final Level level;
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  public LogCapture(Class<?> source) {
    this(source.getName());
  }

  /** Captures a logger by name (for package-private classes of other packages). */
  public LogCapture(String loggerName) {
    logger = (Logger) LoggerFactory.getLogger(loggerName);
    level = logger.getLevel();
    events.start();
    logger.setLevel(Level.DEBUG);
    logger.addAppender(events);
  }

  /** Whether an event so far contains {@code text}. */
  public boolean contains(String text) {
    return events.list.stream().anyMatch(e -> e.getFormattedMessage().contains(text));
  }

  /** Waits up to 5 s for an event whose message contains {@code text}. */
  public void await(String text) {
    long deadline = System.currentTimeMillis() + 5000;
    while (events.list.stream().noneMatch(e -> e.getFormattedMessage().contains(text))) {
      assertTrue(System.currentTimeMillis() < deadline, "no log event containing '" + text + "'");
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() {
    logger.detachAppender(events);
    logger.setLevel(level);
  }
}
