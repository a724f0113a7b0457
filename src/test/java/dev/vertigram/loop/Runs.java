package dev.vertigram.loop;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.HashMap;
import java.util.Map;

/** Counts a loop's runs; tests wait for a count, never for a duration. */
final class Runs {

  private final Map<Integer, Promise<Void>> waiting = new HashMap<>();
  private int count;

  /** Counts one run and returns the new count. */
  synchronized int increment() {
    count++;
    Promise<Void> promise = waiting.remove(count);
    if (promise != null) {
      promise.complete();
    }
    return count;
  }

  synchronized int count() {
    return count;
  }

  /** Completes once {@code n} runs have been counted. */
  synchronized Future<Void> reached(int n) {
    if (count >= n) {
      return Future.succeededFuture();
    }
    return waiting.computeIfAbsent(n, k -> Promise.promise()).future();
  }
}
