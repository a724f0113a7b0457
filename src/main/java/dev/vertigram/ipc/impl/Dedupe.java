package dev.vertigram.ipc.impl;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The owner's memory of request ids: a request id seen again gets the future of its first execution (running or
 * done) instead of running twice. Bounded: the oldest ids are forgotten first; ids whose result the forwarder
 * acknowledged are forgotten at once ({@link #forget}), so that the memory stays small and does not keep every
 * result alive across garbage collections. Thread-safe.
 */
public final class Dedupe {

  private record Key(String client, long id) {
  }

  private final Map<Key, Future<JsonObject>> calls;

  /** Remembers up to {@code capacity} request ids. */
  public Dedupe(int capacity) {
    this.calls = new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Future<JsonObject>> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * The future of request {@code id} of {@code client}: the remembered one, else {@code execute}'s (run once, outside
   * the lock).
   */
  public Future<JsonObject> once(String client, long id, Supplier<Future<JsonObject>> execute) {
    Key key = new Key(client, id);
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

  /** Forgets requests of {@code client} whose result it has received (it will not replay them). */
  public void forget(String client, long[] ids, int count) {
    synchronized (calls) {
      for (int i = 0; i < count; i++) {
        calls.remove(new Key(client, ids[i]));
      }
    }
  }

  /** How many request ids are remembered. */
  public int size() {
    synchronized (calls) {
      return calls.size();
    }
  }
}
