package dev.vertigram.localdc.impl;

import dev.vertigram.crypto.MessageCipher;
import dev.vertigram.crypto.SecurityCheckException;
import dev.vertigram.tl.TlException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * auth.bindTempAuthKey (core.telegram.org/method/auth.bindTempAuthKey): sent over the temporary key, it carries a
 * bind_auth_key_inner encrypted with MTProto 1.0 under the permanent key. Errors: TEMP_AUTH_KEY_EMPTY (not sent over a
 * temporary key), ENCRYPTED_MESSAGE_INVALID (unknown permanent key, decryption, msg_id/seqno/length or any inner field
 * not matching the call), EXPIRES_AT_INVALID (already past), TEMP_AUTH_KEY_ALREADY_BOUND (bound to another permanent
 * key). A permanent key has at most one temporary key: a new binding replaces the old one.
 */
final class TempKeyBinding {

  private static final int INNER_LENGTH = 40;

  private TempKeyBinding() {
  }

  static void bind(RpcCall call) {
    StoredKey temp = call.key();
    if (!temp.temp()) {
      throw new RpcErrorException(400, "TEMP_AUTH_KEY_EMPTY");
    }
    DcState dc = call.dc();
    JsonObject q = call.query();
    long permId = q.getLong("perm_auth_key_id");
    StoredKey perm = dc.keys().find(permId, dc.clock().millis());
    if (perm == null || perm.temp()) {
      throw invalid();
    }
    JsonObject inner = decrypt(perm, q.getBuffer("encrypted_message").getBytes(), call.msgId(), dc);
    if (!"bind_auth_key_inner".equals(inner.getString("_"))
        || inner.getLong("nonce") != q.getLong("nonce").longValue()
        || inner.getLong("temp_auth_key_id") != temp.id()
        || inner.getLong("perm_auth_key_id") != permId
        || inner.getLong("temp_session_id") != call.session().sessionId()
        || inner.getInteger("expires_at") != q.getInteger("expires_at").intValue()) {
      throw invalid();
    }
    if (q.getInteger("expires_at") <= dc.clock().seconds()) {
      throw new RpcErrorException(400, "EXPIRES_AT_INVALID");
    }
    StoredKey bound = temp.boundPerm();
    if (bound != null && bound != perm) {
      throw new RpcErrorException(400, "TEMP_AUTH_KEY_ALREADY_BOUND");
    }
    temp.bindTo(perm);
  }

  /** MTProto 1.0 decryption, then random(16) ‖ msg_id (= the call's) ‖ seqno (0) ‖ length (40) ‖ inner. */
  private static JsonObject decrypt(StoredKey perm, byte[] wire, long msgId, DcState dc) {
    try {
      Buffer plain = Buffer.buffer(MessageCipher.decryptV1(perm.key(), wire, 0, wire.length));
      if (plain.length() != 32 + INNER_LENGTH || plain.getLongLE(16) != msgId || plain.getIntLE(24) != 0
          || plain.getIntLE(28) != INNER_LENGTH) {
        throw invalid();
      }
      return dc.codec().decode(plain.slice(32, 32 + INNER_LENGTH));
    } catch (SecurityCheckException | TlException | IndexOutOfBoundsException e) {
      throw invalid();
    }
  }

  private static RpcErrorException invalid() {
    return new RpcErrorException(400, "ENCRYPTED_MESSAGE_INVALID");
  }
}
