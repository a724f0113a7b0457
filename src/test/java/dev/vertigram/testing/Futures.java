package dev.vertigram.testing;

import io.vertx.core.Future;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Blocking waits on Vert.x futures for tests and benchmark harnesses (never on an event loop). */
public final class Futures {

  /** How long a test waits for a future by default. */
  public static final int TIMEOUT_SECONDS = 60;

  private Futures() {
  }

  /** The result of {@code future}, or its failure rethrown (unchecked). */
  public static <T> T await(Future<T> future) {
    return await(future, TIMEOUT_SECONDS);
  }

  /** The result of {@code future} within {@code seconds}, or its failure rethrown (unchecked). */
  public static <T> T await(Future<T> future, int seconds) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new RuntimeException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuntimeException(e);
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }

  /** The failure of a future that must fail (a success is an AssertionError). */
  public static Throwable failure(Future<?> future) {
    Object result;
    try {
      result = future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (CancellationException e) {
      return e; // CompletableFuture rethrows a CancellationException cause as is
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
    throw new AssertionError("expected a failure, got " + result);
  }
}
