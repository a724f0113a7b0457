package dev.vertigram.mtproto;

import static dev.vertigram.mtproto.AuthKeyMessages.TL;
import static dev.vertigram.mtproto.AuthKeyMessages.littleEndianLong;
import static dev.vertigram.mtproto.AuthKeyMessages.randomBytes;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.crypto.MessageCipher;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.security.SecureRandom;

/**
 * Binds a temporary auth key to a permanent one (core.telegram.org/method/auth.bindTempAuthKey, PFS). The
 * encrypted_message is an MTProto 1.0 message under the perm key:
 * {@code random:int128 ‖ msg_id ‖ seqno 0 ‖ length 40 ‖ bind_auth_key_inner} plus 0..15 padding, with the v1 msg_key
 * and KDF ({@link MessageCipher#encryptV1}).
 */
public final class TempKeyBinding {

  /** Length of bind_auth_key_inner with its constructor id. */
  static final int INNER_LENGTH = 40;

  private TempKeyBinding() {
  }

  /**
   * Builds the auth.bindTempAuthKey call (as TL JSON, {@code "_":"auth.bindTempAuthKey"}) to send over the temp key
   * with the given msg_id (the SAME msg_id must be used for the outer message). Draws from {@code random}, in this order:
   * the bind nonce (8 bytes, read little-endian), the 16 random bytes that start the inner message, then whatever
   * {@link MessageCipher#encryptV1} draws for the padding.
   *
   * @param tempSessionId the session id the call is sent in (over the temp key)
   * @param expiresAt     the temp key's expiry, in server time (see {@link AuthKeyResult#expiresAt()})
   */
  public static JsonObject bindCall(AuthKey permKey, AuthKey tempKey, long tempSessionId, int expiresAt, long msgId,
      SecureRandom random) {
    long nonce = littleEndianLong(randomBytes(random, 8));
    Buffer inner = TL.encode(new JsonObject().put("_", "bind_auth_key_inner")
        .put("nonce", nonce)
        .put("temp_auth_key_id", tempKey.id())
        .put("perm_auth_key_id", permKey.id())
        .put("temp_session_id", tempSessionId)
        .put("expires_at", expiresAt));
    Buffer plain = Buffer.buffer(32 + INNER_LENGTH)
        .appendBytes(randomBytes(random, 16))
        .appendLongLE(msgId)
        .appendIntLE(0)
        .appendIntLE(INNER_LENGTH)
        .appendBuffer(inner);
    byte[] encrypted = MessageCipher.encryptV1(permKey, plain.getBytes(), random);
    return new JsonObject().put("_", "auth.bindTempAuthKey")
        .put("perm_auth_key_id", permKey.id())
        .put("nonce", nonce)
        .put("expires_at", expiresAt)
        .put("encrypted_message", Buffer.buffer(encrypted));
  }
}
