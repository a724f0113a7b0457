package dev.vertigram.client;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Captures the log events of one class (at DEBUG and above) while a test runs. */
final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final Level level;
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  LogCapture(Class<?> source) {
    logger = (Logger) LoggerFactory.getLogger(source);
    level = logger.getLevel();
    events.start();
    logger.setLevel(Level.DEBUG);
    logger.addAppender(events);
  }

  /** Waits up to 5 s for an event whose message contains {@code text}. */
  void await(String text) {
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
