package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.LocalDcStats;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** {@link LocalDcStats}: lock-free counters; each method's log is a bounded deque guarded by its own lock. */
public final class Stats implements LocalDcStats {

  static final int LOG_LIMIT = 100_000;

  private static final class MethodStats {
    final LongAdder count = new LongAdder();
    final ArrayDeque<JsonObject> log = new ArrayDeque<>();
  }

  private final LongAdder containers = new LongAdder();
  private final LongAdder messages = new LongAdder();
  private final Map<String, MethodStats> methods = new ConcurrentHashMap<>();
  private final ArrayDeque<JsonObject> inits = new ArrayDeque<>();

  @Override
  public List<JsonObject> clientInits() {
    synchronized (inits) {
      return new ArrayList<>(inits);
    }
  }

  void clientInit(JsonObject init) {
    synchronized (inits) {
      if (inits.size() == LOG_LIMIT) {
        inits.removeFirst();
      }
      inits.addLast(init);
    }
  }

  @Override
  public long containersReceived() {
    return containers.sum();
  }

  @Override
  public long messagesReceived() {
    return messages.sum();
  }

  @Override
  public long executions(String method) {
    MethodStats m = methods.get(method);
    return m == null ? 0 : m.count.sum();
  }

  @Override
  public List<JsonObject> executionLog(String method) {
    MethodStats m = methods.get(method);
    if (m == null) {
      return List.of();
    }
    synchronized (m) {
      return new ArrayList<>(m.log);
    }
  }

  @Override
  public void reset() {
    containers.reset();
    messages.reset();
    methods.clear();
    synchronized (inits) {
      inits.clear();
    }
  }

  void container() {
    containers.increment();
  }

  void message() {
    messages.increment();
  }

  void execution(String method, JsonObject call) {
    MethodStats m = methods.computeIfAbsent(method, k -> new MethodStats());
    m.count.increment();
    synchronized (m) {
      if (m.log.size() == LOG_LIMIT) {
        m.log.removeFirst();
      }
      m.log.addLast(call);
    }
  }
}
