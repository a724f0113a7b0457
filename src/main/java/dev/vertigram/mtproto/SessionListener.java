package dev.vertigram.mtproto;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** What an {@link MtSession} tells its owner, on the session's thread. */
public interface SessionListener {

  /**
   * An encrypted payload to frame and write on the connection. It is handed over (made by
   * {@link EncryptedMessage#encrypt}, used by no one else): the connection may frame it in place
   * ({@code FrameCodec.encodeOwned}).
   */
  void write(Buffer payload);

  /** Anything that is neither a service message nor an rpc_result: updates. */
  void onUpdate(JsonObject update);

  /** Updates may have been lost (new server session, undecodable update): time for getDifference. */
  void onUpdatesGap(String reason);

  /** A security check failed or the peer broke the protocol: drop the connection (the session may resume on a new one). */
  void onFatal(Throwable cause);

  /**
   * The server changed the salts of the session's auth key; {@code saved} is their opaque form for
   * {@link MtSession#restoreSalts}. Keeping it lets a session resumed after a restart skip a bad_server_salt.
   */
  default void onServerSalts(Buffer saved) {
  }

  /** The session synchronized its clock with the server's: {@code offsetMillis} is added to the local clock. */
  default void onClockSynced(long offsetMillis) {
  }
}
