package dev.vertigram.updates.impl;

import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;

/** The channels an {@link UpdateStateMachine} follows and their poll timers; used on the machine's context only. */
final class ChannelPolls {

  private final Vertx vertx;
  /** Channel id → armed timer, -1 when none is armed. */
  private final Map<Long, Long> timers = new HashMap<>();

  ChannelPolls(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Follows a channel; false when it already was. */
  boolean add(long channelId) {
    return timers.putIfAbsent(channelId, -1L) == null;
  }

  /** Stops following a channel and cancels its timer. */
  void remove(long channelId) {
    Long timer = timers.remove(channelId);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
  }

  /** Runs {@code poll} in {@code seconds} (at least 1), replacing an armed timer; nothing for an unfollowed channel. */
  void arm(long channelId, int seconds, Runnable poll) {
    Long armed = timers.get(channelId);
    if (armed == null) {
      return;
    }
    vertx.cancelTimer(armed);
    timers.put(channelId, vertx.setTimer(Math.max(1, seconds) * 1000L, id -> {
      if (timers.replace(channelId, id, -1L)) {
        poll.run();
      }
    }));
  }

  /** Cancels every timer; the channels stay followed. */
  void cancelAll() {
    timers.replaceAll((id, timer) -> {
      vertx.cancelTimer(timer);
      return -1L;
    });
  }
}
