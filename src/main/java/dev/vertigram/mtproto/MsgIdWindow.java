package dev.vertigram.mtproto;

import java.util.HashSet;

/**
 * Checks the msg_id of incoming messages: the residue mod 4 the sender must use, the time window (at most 300 s old,
 * at most 30 s ahead of the receiver's clock) and replays among the last {@value #REMEMBERED} ids. Ids older than
 * everything remembered, once the window is full, are refused as well, since a replay of them could not be told
 * apart. Not thread-safe: one per session.
 */
public final class MsgIdWindow {

  /** How many recent ids are remembered (tdlib keeps 1000). */
  public static final int REMEMBERED = 1000;
  /** Oldest acceptable message, in seconds before now. */
  public static final long MAX_AGE_SECONDS = 300;
  /** Furthest acceptable message, in seconds after now. */
  public static final long MAX_AHEAD_SECONDS = 30;

  /** The outcome of a check. */
  public enum Verdict {
    /** Accepted and remembered. */
    OK,
    /** The low bits do not match what the sender must use. */
    BAD_RESIDUE,
    /** Older than the time window (bad_msg_notification 16). */
    TOO_OLD,
    /** Further ahead than the time window (bad_msg_notification 17). */
    TOO_NEW,
    /** Seen before. */
    DUPLICATE,
    /** Below every remembered id while the window is full (bad_msg_notification 20). */
    BELOW_WINDOW
  }

  private final boolean fromServer;
  private final long[] ring = new long[REMEMBERED];
  private final HashSet<Long> recent = new HashSet<>();
  private int next;
  private int size;

  /**
   * @param fromServer true on the client (server ids are 1 or 3 mod 4), false on the server (client ids are 0 mod 4)
   */
  public MsgIdWindow(boolean fromServer) {
    this.fromServer = fromServer;
  }

  /**
   * Checks a msg_id against the clock and the remembered ids, remembering it when accepted.
   *
   * @param nowSeconds the receiver's estimate of the current server time
   * @param checkTime  whether the clock is trusted yet (false before the first time sync)
   */
  public Verdict check(long msgId, long nowSeconds, boolean checkTime) {
    Verdict verdict = peek(msgId, nowSeconds, checkTime);
    if (verdict == Verdict.OK) {
      accept(msgId);
    }
    return verdict;
  }

  /**
   * Checks a msg_id like {@link #check} without remembering it: a receiver that may still refuse the message for
   * another reason (a bad salt, a bad seqno) calls {@link #accept} only once it takes the message, so that the sender
   * can re-send it later with the same msg_id inside a new container.
   */
  public Verdict peek(long msgId, long nowSeconds, boolean checkTime) {
    int residue = (int) (msgId & 3);
    if (fromServer ? (residue & 1) == 0 : residue != 0) {
      return Verdict.BAD_RESIDUE;
    }
    long seconds = MessageIdClock.secondsOf(msgId);
    if (checkTime && seconds < nowSeconds - MAX_AGE_SECONDS) {
      return Verdict.TOO_OLD;
    }
    if (checkTime && seconds > nowSeconds + MAX_AHEAD_SECONDS) {
      return Verdict.TOO_NEW;
    }
    if (recent.contains(msgId)) {
      return Verdict.DUPLICATE;
    }
    if (size == REMEMBERED && Long.compareUnsigned(msgId, ring[next]) < 0 && Long.compareUnsigned(msgId, min()) < 0) {
      return Verdict.BELOW_WINDOW;
    }
    return Verdict.OK;
  }

  /** Whether this id was accepted and is still remembered. */
  public boolean seen(long msgId) {
    return recent.contains(msgId);
  }

  /** Remembers a msg_id that {@link #peek} found {@link Verdict#OK}. */
  public void accept(long msgId) {
    if (size == REMEMBERED) {
      recent.remove(ring[next]);
    } else {
      size++;
    }
    ring[next] = msgId;
    recent.add(msgId);
    next = (next + 1) % REMEMBERED;
  }

  private long min() {
    long min = ring[0];
    for (int i = 1; i < size; i++) {
      if (Long.compareUnsigned(ring[i], min) < 0) {
        min = ring[i];
      }
    }
    return min;
  }
}
