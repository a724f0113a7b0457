package dev.vertigram.client.impl;

import dev.vertigram.mtproto.Scheduler;
import io.vertx.core.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A session's {@link Scheduler} on a Vert.x context: ticks are {@code runOnContext}, timers are Vert.x timers. */
final class ContextScheduler implements Scheduler {

  private static final Logger log = LoggerFactory.getLogger(ContextScheduler.class);

  private final Context context;

  ContextScheduler(Context context) {
    this.context = context;
  }

  @Override
  public void runSoon(Runnable task) {
    context.runOnContext(v -> run(task));
  }

  @Override
  public long setTimer(long delayMillis, Runnable task) {
    return context.owner().setTimer(Math.max(1, delayMillis), id -> context.runOnContext(v -> run(task)));
  }

  @Override
  public void cancel(long timerId) {
    if (timerId >= 0) {
      context.owner().cancelTimer(timerId);
    }
  }

  private static void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("session task failed", e);
    }
  }
}
