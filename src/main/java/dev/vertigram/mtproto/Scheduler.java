package dev.vertigram.mtproto;

/**
 * Deferred work for a session, always on the session's own thread. A Vert.x context implements it in production;
 * tests drive it by hand.
 */
public interface Scheduler {

  /** Runs the task after the current one (the end of this event-loop tick). */
  void runSoon(Runnable task);

  /** Runs the task once after a delay; returns an id for {@link #cancel(long)}. */
  long setTimer(long delayMillis, Runnable task);

  /** Cancels a timer; unknown or fired ids are ignored. */
  void cancel(long timerId);
}
