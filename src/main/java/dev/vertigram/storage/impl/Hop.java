package dev.vertigram.storage.impl;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * Runs work on a store's own context and hands the outcome back on the caller's context, so that store state is
 * touched by one thread and callers' callbacks run where they expect them. An exception thrown by the work becomes
 * a failed future instead of escaping onto an event loop.
 */
public final class Hop {

  private Hop() {
  }

  /** Runs {@code work} on {@code target}; the returned future completes on the caller's context. */
  public static <T> Future<T> on(Context target, Supplier<Future<T>> work) {
    Context caller = Vertx.currentContext();
    if (caller == target) {
      return guarded(work);
    }
    Promise<T> result = Promise.promise();
    target.runOnContext(v -> guarded(work).onComplete(ar -> back(caller, result, ar.result(), ar.cause())));
    return result.future();
  }

  /** Completes {@code promise} on {@code ctx} (or right here when {@code ctx} is null or current). */
  public static <T> void back(Context ctx, Promise<T> promise, T value, Throwable failure) {
    if (ctx == null || ctx == Vertx.currentContext()) {
      complete(promise, value, failure);
    } else {
      ctx.runOnContext(v -> complete(promise, value, failure));
    }
  }

  /** {@code work.get()}, or a failed future when it throws. */
  public static <T> Future<T> guarded(Supplier<Future<T>> work) {
    try {
      Future<T> f = work.get();
      return f != null ? f : Future.failedFuture(new IllegalStateException("no future returned"));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static <T> void complete(Promise<T> promise, T value, Throwable failure) {
    if (failure != null) {
      promise.fail(failure);
    } else {
      promise.complete(value);
    }
  }
}
