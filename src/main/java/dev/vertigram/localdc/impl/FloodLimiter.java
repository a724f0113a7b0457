package dev.vertigram.localdc.impl;

import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-method flood limits: at most {@code calls} executions of a method per {@code seconds} by one caller (the user,
 * or the auth key before login); one more gets 420 FLOOD_WAIT_X, X = seconds until the oldest call leaves the window.
 * Configured by the {@code floodLimits} option: {@code {"auth.sendCode": {"calls": 5, "seconds": 60}}}. Thread-safe.
 */
final class FloodLimiter {

  private record Limit(int calls, long windowMillis) {
  }

  private final Map<String, Limit> limits = new HashMap<>();
  private final Map<String, Deque<Long>> recent = new HashMap<>();

  FloodLimiter(JsonObject config) {
    config.forEach(e -> {
      JsonObject l = (JsonObject) e.getValue();
      limits.put(e.getKey(), new Limit(l.getInteger("calls"), l.getInteger("seconds") * 1000L));
    });
  }

  /** Counts one call of {@code method} by {@code caller}; throws FLOOD_WAIT_X past the limit. */
  synchronized void check(String method, long caller, long nowMillis) {
    Limit limit = limits.get(method);
    if (limit == null) {
      return;
    }
    Deque<Long> times = recent.computeIfAbsent(method + "/" + caller, k -> new ArrayDeque<>());
    while (!times.isEmpty() && times.peekFirst() <= nowMillis - limit.windowMillis()) {
      times.pollFirst();
    }
    if (times.size() >= limit.calls()) {
      long wait = (times.peekFirst() + limit.windowMillis() - nowMillis + 999) / 1000;
      throw new RpcErrorException(420, "FLOOD_WAIT_" + Math.max(1, wait));
    }
    times.addLast(nowMillis);
  }
}
