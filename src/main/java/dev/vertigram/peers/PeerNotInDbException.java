package dev.vertigram.peers;

/**
 * The peer is not in this session's peer database and could not be resolved. As MadelineProto explains it: this
 * session has never seen the peer, so it does not know its access hash, and Telegram refuses ids without one.
 * Resolve it by @username or by a t.me link first, or take it from a message, an update or a dialog where it appears
 * (getDialogs, cacheAllPeersOnStartup) so that the database learns it.
 */
public final class PeerNotInDbException extends RuntimeException {

  /** @param peer the peer as it was given */
  public PeerNotInDbException(Object peer) {
    super("This peer is not present in the internal peer database: " + peer + ". This session never saw it, so its "
        + "access_hash is unknown; resolve it by @username or t.me link first, or get it from a message, an update "
        + "or a dialog (getDialogs) where it appears.", null, false, false);
  }
}
