package dev.vertigram.mtproto;

/**
 * Sequence numbers of one session: a content-related message takes {@code 2n + 1} and increments n; any other
 * takes {@code 2n}.
 */
public final class SeqNoCounter {

  private int contentMessages;

  /** The seqno for the next message. */
  public int next(boolean contentRelated) {
    if (contentRelated) {
      return 2 * contentMessages++ + 1;
    }
    return 2 * contentMessages;
  }

  /** How many content-related messages were numbered so far. */
  public int contentMessages() {
    return contentMessages;
  }

  /** Starts over (a new session). */
  public void reset() {
    contentMessages = 0;
  }
}
