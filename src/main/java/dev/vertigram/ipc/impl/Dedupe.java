package dev.vertigram.ipc.impl;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The owner's memory of request ids: a request id seen again gets the future of its first execution (running or
 * done) instead of running twice. Bounded: the oldest ids are forgotten first. Thread-safe.
 */
public final class Dedupe {

  private final Map<String, Future<JsonObject>> calls;

  /** Remembers up to {@code capacity} request ids. */
  public Dedupe(int capacity) {
    this.calls = new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Future<JsonObject>> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The future of request {@code key}: the remembered one, else {@code execute}'s (run once, outside the lock). */
  public Future<JsonObject> once(String key, Supplier<Future<JsonObject>> execute) {
    synchronized (calls) {
      Future<JsonObject> known = calls.get(key);
      if (known != null) {
        return known;
      }
    }
    Future<JsonObject> started = execute.get();
    synchronized (calls) {
      Future<JsonObject> raced = calls.putIfAbsent(key, started);
      return raced == null ? started : raced;
    }
  }
}
