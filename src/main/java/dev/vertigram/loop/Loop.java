package dev.vertigram.loop;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A background loop on a Vert.x context, after MadelineProto's danog/loop: each run of its body says how long to
 * pause before the next one. {@link GenericLoop} and {@link PeriodicLoop} are the two kinds to use.
 *
 * <p>The loop belongs to the context it was created on (the verticle's, when created in one): the body always runs
 * there, one run at a time, and no thread is ever blocked. The control methods may be called from any thread; they
 * act on that context and their futures complete there.
 *
 * <p>A run's pause: {@link #PAUSE} (null) waits until {@link #signal()}; {@link #CONTINUE} (0) runs again at once
 * (after other tasks queued on the context); a positive number waits that many milliseconds or until a signal;
 * {@link #STOP} (or any negative number) stops the loop. A signal that arrives during a run is not lost: the pause
 * after that run is skipped. {@link #pause()} suspends the loop (no run starts until {@link #resume()}, which runs it
 * at once); {@link #stop()} ends it after the run in progress, if any.
 *
 * <p>A run that throws or fails is logged (WARN, with the loop's name) and the failure policy gives the pause that
 * follows; see {@link #onFailure(Function)}.
 */
public abstract class Loop {

  // All three are Longs, so that a conditional between PAUSE and another one stays a (nullable) Long.
  /** Pause until signalled. */
  public static final Long PAUSE = null;
  /** Run again at once. */
  public static final Long CONTINUE = 0L;
  /** Stop the loop. */
  public static final Long STOP = -1L;

  private static final Logger LOG = LoggerFactory.getLogger(Loop.class);

  private enum State { STOPPED, RUNNING, WAITING, PAUSED }

  private final Context context;
  private final String name;
  private Function<Throwable, Long> failurePolicy;
  private volatile State state = State.STOPPED;
  private boolean stopRequested;
  private volatile boolean pauseRequested;
  private boolean signalled;
  private long ticket;
  private long timerId = -1;
  private long waitStart;
  private Promise<Void> exited = Promise.promise();

  /**
   * @param vertx the loop runs on {@code vertx.getOrCreateContext()} as of now
   * @param name  for logs
   */
  protected Loop(Vertx vertx, String name) {
    this.context = vertx.getOrCreateContext();
    this.name = Objects.requireNonNull(name, "name");
    exited.complete();
  }

  /** One run of the body; its result is the pause that follows. Called on the loop's context. */
  protected abstract Future<Long> runOnce();

  /** The pause after a failed run when no policy is set with {@link #onFailure}. */
  protected abstract Long defaultPauseAfterFailure(Throwable failure);

  /**
   * Sets the failure policy: given what a run threw or failed with, the pause that follows ({@link #STOP} to stop).
   * The failure itself is always logged. A policy that throws stops the loop.
   */
  public Loop onFailure(Function<Throwable, Long> policy) {
    this.failurePolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /** Starts the loop (its first run comes at once). {@code false} when it is already running. */
  public Future<Boolean> start() {
    return onContext(() -> {
      if (state != State.STOPPED) {
        return false;
      }
      stopRequested = false;
      pauseRequested = false;
      exited = Promise.promise();
      schedule(0);
      return true;
    });
  }

  /**
   * Stops the loop; the future completes once it has stopped (after the run in progress, if any). {@code false} when
   * it was not running.
   */
  public Future<Boolean> stop() {
    return onContext(() -> {
      if (state == State.STOPPED) {
        return Future.succeededFuture(false);
      }
      stopRequested = true;
      if (state != State.RUNNING) {
        exit();
      }
      return exited.future().map(true);
    }).compose(f -> f);
  }

  /** Suspends the loop: no run starts until {@link #resume()}. {@code false} when not running or already paused. */
  public Future<Boolean> pause() {
    return onContext(() -> {
      if (state == State.STOPPED || state == State.PAUSED || pauseRequested || stopRequested) {
        return false;
      }
      if (state == State.RUNNING) {
        pauseRequested = true;
      } else {
        cancelScheduled();
        state = State.PAUSED;
      }
      return true;
    });
  }

  /**
   * Ends a {@link #pause()}: the body runs at once (or, when the pause had not begun because a run was in progress,
   * the loop simply goes on after it). {@code false} when the loop was not paused.
   */
  public Future<Boolean> resume() {
    return onContext(() -> {
      if (pauseRequested) {
        pauseRequested = false;
        return true;
      }
      if (state != State.PAUSED) {
        return false;
      }
      schedule(0);
      return true;
    });
  }

  /**
   * Wakes the loop up: a pausing loop runs at once, a running one runs again right after (skipping its pause).
   * Signals before the next run coalesce into one. {@code false} when the loop is stopped, stopping or paused.
   */
  public Future<Boolean> signal() {
    return onContext(() -> {
      if (state == State.STOPPED || state == State.PAUSED || pauseRequested || stopRequested) {
        return false;
      }
      if (state == State.RUNNING) {
        signalled = true;
      } else {
        schedule(0);
      }
      return true;
    });
  }

  /** Whether the loop is started and not stopped yet (paused or not). */
  public boolean isRunning() {
    return state != State.STOPPED;
  }

  /** Whether the loop is suspended by {@link #pause()} (from the end of the run in progress, if any). */
  public boolean isPaused() {
    return state == State.PAUSED || pauseRequested;
  }

  /** Completes when the loop stops (at once when it is not running). */
  public Future<Void> whenStopped() {
    return onContext(() -> exited.future()).compose(f -> f);
  }

  /** The loop's name. */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * Changes the pause the loop is in (from the end of the last run), if it is waiting on a timer: for loops whose
   * period changes at run time. Must be called on the loop's context.
   */
  protected final void changePause(long pauseMs) {
    if (state == State.WAITING && timerId >= 0) {
      long elapsedMs = (System.nanoTime() - waitStart) / 1_000_000;
      schedule(Math.max(0, pauseMs - elapsedMs));
    }
  }

  /** Runs {@code action} on the loop's context; the future completes there. */
  protected final <T> Future<T> onContext(Supplier<T> action) {
    if (Vertx.currentContext() == context) {
      return Future.succeededFuture(action.get());
    }
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> promise.complete(action.get()));
    return promise.future();
  }

  private void run(long scheduled) {
    if (scheduled != ticket) {
      return;
    }
    timerId = -1;
    if (stopRequested) {
      exit();
      return;
    }
    state = State.RUNNING;
    signalled = false;
    Future<Long> result;
    try {
      result = Objects.requireNonNull(runOnce(), "the loop's body returned no Future");
    } catch (RuntimeException | Error e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(done -> {
      if (Vertx.currentContext() == context) {
        afterRun(done);
      } else {
        context.runOnContext(v -> afterRun(done));
      }
    });
  }

  private void afterRun(AsyncResult<Long> done) {
    Long pause = done.succeeded() ? done.result() : failed(done.cause());
    if (stopRequested || pause != null && pause < 0) {
      exit();
    } else if (pauseRequested) {
      pauseRequested = false;
      state = State.PAUSED;
    } else if (signalled || pause != null && pause == 0) {
      schedule(0);
    } else {
      state = State.WAITING;
      waitStart = System.nanoTime();
      if (pause != null) {
        schedule(pause);
      }
    }
  }

  private Long failed(Throwable cause) {
    try {
      Long pause = failurePolicy == null ? defaultPauseAfterFailure(cause) : failurePolicy.apply(cause);
      LOG.warn("loop {}: run failed; {}", name, pause == null ? "pausing until signalled"
        : pause < 0 ? "stopping" : "next run in " + pause + " ms", cause);
      return pause;
    } catch (RuntimeException e) {
      LOG.error("loop {}: run failed, and so did its failure policy; stopping", name, e);
      return STOP;
    }
  }

  /** The next run in {@code delayMs} (0: at once), superseding any other scheduled run. */
  private void schedule(long delayMs) {
    cancelScheduled();
    long scheduled = ticket;
    state = State.WAITING;
    if (delayMs <= 0) {
      context.runOnContext(v -> run(scheduled));
    } else {
      timerId = context.owner().setTimer(delayMs, id -> run(scheduled));
    }
  }

  private void cancelScheduled() {
    ticket++;
    if (timerId >= 0) {
      context.owner().cancelTimer(timerId);
      timerId = -1;
    }
  }

  private void exit() {
    cancelScheduled();
    state = State.STOPPED;
    exited.tryComplete();
  }
}
