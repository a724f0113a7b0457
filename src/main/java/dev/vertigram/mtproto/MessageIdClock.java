package dev.vertigram.mtproto;

/**
 * Generates message ids from the (server-synchronised) clock: {@code unixtime * 2^32} plus the fraction of the second,
 * strictly increasing, with the low two bits set to the wanted residue (0 for client messages, 1 for server responses,
 * 3 for other server messages). Not thread-safe: one clock per session, used on its event loop.
 */
public final class MessageIdClock {

  private long offsetMillis;
  private long last;

  /** The next id with {@code id % 4 == residue}, greater than every id returned before. */
  public long next(int residue) {
    if (residue < 0 || residue > 3) {
      throw new IllegalArgumentException("residue must be 0..3");
    }
    long nowMs = System.currentTimeMillis() + offsetMillis;
    long seconds = Math.floorDiv(nowMs, 1000);
    long fraction = (Math.floorMod(nowMs, 1000L) << 32) / 1000; // a long modulus: an int << 32 would be a no-op
    long id = (seconds << 32) | (fraction & 0xFFFF_FFFCL) | residue;
    if ((id & 0xFFFF_FFFFL) == residue) {
      id |= 4; // the low 32 bits must not be zero
    }
    if (id <= last) {
      id = (last & ~3L) + 4 + residue;
    }
    last = id;
    return id;
  }

  /** Re-synchronises with the server's clock given a server time in seconds (from server_DH_inner_data). */
  public void syncSeconds(long serverSeconds) {
    offsetMillis = serverSeconds * 1000 - System.currentTimeMillis();
  }

  /** Re-synchronises with the time encoded in a server message id (bad_msg_notification 16/17). */
  public void syncToMsgId(long serverMsgId) {
    syncSeconds(serverMsgId >>> 32);
  }

  /** The current server time in seconds, as estimated by this clock. */
  public long serverSeconds() {
    return Math.floorDiv(System.currentTimeMillis() + offsetMillis, 1000);
  }

  /** The offset added to the local clock, in milliseconds. */
  public long offsetMillis() {
    return offsetMillis;
  }

  /** Restores a saved offset (sessions persist it). */
  public void offsetMillis(long offsetMillis) {
    this.offsetMillis = offsetMillis;
  }

  /** The time in seconds encoded in a message id. */
  public static long secondsOf(long msgId) {
    return msgId >>> 32;
  }
}
