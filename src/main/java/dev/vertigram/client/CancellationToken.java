package dev.vertigram.client;

import java.util.ArrayList;
import java.util.List;

/**
 * Cancels calls (Vert.x futures cannot be cancelled). A call cancelled before it is sent is dropped from the
 * queue; after, {@code rpc_drop_answer} is sent. Either way its future fails with a
 * {@link java.util.concurrent.CancellationException}. One token may cancel many calls. Thread-safe.
 */
public final class CancellationToken {

  private final List<Runnable> listeners = new ArrayList<>();
  private boolean cancelled;

  /** A new token, not cancelled. */
  public static CancellationToken create() {
    return new CancellationToken();
  }

  /** Cancels every call using this token; later calls with it fail at once. Idempotent. */
  public void cancel() {
    List<Runnable> toRun;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      toRun = new ArrayList<>(listeners);
      listeners.clear();
    }
    toRun.forEach(Runnable::run);
  }

  /** Whether {@link #cancel()} was called. */
  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /** Runs the action on cancellation (at once, on this thread, when already cancelled). */
  public void onCancel(Runnable action) {
    synchronized (this) {
      if (!cancelled) {
        listeners.add(action);
        return;
      }
    }
    action.run();
  }

  /** Forgets an action registered with {@link #onCancel} (when its call is over). */
  public synchronized void remove(Runnable action) {
    listeners.remove(action);
  }
}
