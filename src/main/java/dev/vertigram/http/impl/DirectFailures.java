package dev.vertigram.http.impl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Remembers, per host:port, that a direct connection failed, for a while: until then requests go to the proxy. */
final class DirectFailures {

  private final Map<String, Long> until = new ConcurrentHashMap<>();
  private final long forMillis;
  private final LongSupplier clock;

  DirectFailures(long forMillis, LongSupplier clock) {
    this.forMillis = forMillis;
    this.clock = clock;
  }

  void failed(String hostPort) {
    until.put(hostPort, clock.getAsLong() + forMillis);
  }

  /** Whether a direct attempt to {@code hostPort} failed less than the remembered time ago. */
  boolean recentlyFailed(String hostPort) {
    Long end = until.get(hostPort);
    if (end == null) {
      return false;
    }
    if (clock.getAsLong() >= end) {
      until.remove(hostPort, end);
      return false;
    }
    return true;
  }
}
