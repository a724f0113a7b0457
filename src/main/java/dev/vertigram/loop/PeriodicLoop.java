package dev.vertigram.loop;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.Objects;
import java.util.function.Function;

/**
 * A loop that runs a callback every period, as danog/loop's PeriodicLoop: at start, then each time the period has
 * passed since the end of the previous run (or at once on {@link #signal()}). The callback's future says whether to
 * stop ({@code true}); the period can change while the loop runs.
 *
 * <pre>{@code
 * PeriodicLoop saver = new PeriodicLoop(vertx, "save", 30_000, loop -> store.save().map(false));
 * saver.start();
 * saver.period(5_000); // from now on, every 5 s (counted from the end of the last run)
 * }</pre>
 *
 * <p>By default a failed run is logged and the loop goes on with its period; see {@link #onFailure}.
 */
public final class PeriodicLoop extends Loop {

  private final Function<PeriodicLoop, Future<Boolean>> callback;
  private volatile long periodMs;

  /**
   * @param vertx    the loop runs on {@code vertx.getOrCreateContext()} as of now (the verticle's, inside one)
   * @param name     for logs
   * @param periodMs milliseconds between the end of a run and the start of the next, at least 1
   * @param callback one run; {@code true} stops the loop (a null future counts as a failure)
   */
  public PeriodicLoop(Vertx vertx, String name, long periodMs, Function<PeriodicLoop, Future<Boolean>> callback) {
    super(vertx, name);
    this.callback = Objects.requireNonNull(callback, "callback");
    this.periodMs = requirePositive(periodMs);
  }

  /** The current period, in milliseconds. */
  public long period() {
    return periodMs;
  }

  /**
   * Changes the period. When the loop is waiting, the next run comes once the new period has passed since the end of
   * the last run (at once if it already has).
   */
  public Future<Void> period(long newPeriodMs) {
    long period = requirePositive(newPeriodMs);
    return onContext(() -> {
      periodMs = period;
      changePause(period);
      return null;
    });
  }

  @Override
  protected Future<Long> runOnce() {
    return Objects.requireNonNull(callback.apply(this), "the loop's callback returned no Future")
      .map(stop -> Boolean.TRUE.equals(stop) ? STOP : periodMs);
  }

  /** Goes on: the next run comes after the period. */
  @Override
  protected Long defaultPauseAfterFailure(Throwable failure) {
    return periodMs;
  }

  private static long requirePositive(long periodMs) {
    if (periodMs < 1) {
      throw new IllegalArgumentException("period must be at least 1 ms, got " + periodMs);
    }
    return periodMs;
  }
}
