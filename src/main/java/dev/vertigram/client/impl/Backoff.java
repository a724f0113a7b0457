package dev.vertigram.client.impl;

import java.util.concurrent.ThreadLocalRandom;

/**
 * When to reconnect after a connection was lost or refused: the first retry is immediate, the next ones wait
 * {@value #FIRST_MILLIS} ms doubling up to {@value #MAX_MILLIS} ms, each with jitter (a random delay between half
 * and all of the step), so that a misbehaving server is never hammered and many clients do not retry in step. A
 * connection that stayed up {@value #HEALTHY_MILLIS} ms resets the sequence. Confined to the connection's context.
 */
final class Backoff {

  static final long FIRST_MILLIS = 100;
  static final long MAX_MILLIS = 10_000;
  static final long HEALTHY_MILLIS = 10_000;

  /** Consecutive reconnects since the last healthy connection. */
  private int failures;
  /** The server asked us to slow down (-429): the next delay is at least this. */
  private long floorMillis;
  /** When the current connection became ready, -1 when it is not. */
  private long upSince = -1;

  /** The connection is ready. */
  void up(long nowMillis) {
    upSince = nowMillis;
  }

  /** The next drop is our own doing (key renewal): reconnect at once, as after a healthy connection. */
  void reset() {
    failures = 0;
    upSince = -1;
  }

  /** The next delay is at least {@code millis} (the server refused us for flooding). */
  void atLeast(long millis) {
    floorMillis = Math.max(floorMillis, millis);
  }

  /** The delay before the next connection attempt; counts that attempt. */
  long next(long nowMillis) {
    if (upSince >= 0 && nowMillis - upSince >= HEALTHY_MILLIS) {
      failures = 0;
    }
    upSince = -1;
    long delay = 0;
    if (failures > 0) {
      long step = Math.min(MAX_MILLIS, FIRST_MILLIS << Math.min(failures - 1, 16));
      delay = step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1);
    }
    failures++;
    delay = Math.max(delay, floorMillis);
    floorMillis = 0;
    return delay;
  }
}
