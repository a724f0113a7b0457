package dev.vertigram.localdc.impl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The QR login tokens exported by auth.exportLoginToken (see {@link QrLoginMethods}), shared by all DCs, thread-safe,
 * kept by snapshots (without the waiting session: after a restart the exporting client finds the acceptance by
 * calling exportLoginToken again, as it does after its own restart).
 */
final class LoginTokens {

  /** The snapshot record type. */
  static final String RECORD = "login_token";

  /** One token: the waiting key and session (null after a restore), its expiry, and the accepting user (0 until then). */
  static final class Token {
    final StoredKey key;
    final Session session;
    final int expires;
    volatile long acceptedBy;

    Token(StoredKey key, Session session, int expires) {
      this.key = key;
      this.session = session;
      this.expires = expires;
    }
  }

  private final Map<Buffer, Token> tokens = new ConcurrentHashMap<>();

  /** Every token by its bytes (a live view). */
  Map<Buffer, Token> all() {
    return tokens;
  }

  /** The snapshot records: the token bytes, its key's id, expiry and acceptor. */
  List<JsonObject> records() {
    List<JsonObject> out = new ArrayList<>();
    tokens.forEach((bytes, t) -> out.add(new JsonObject().put("t", RECORD)
        .put("token", Base64.getEncoder().encodeToString(bytes.getBytes())).put("key_id", t.key.id())
        .put("expires", t.expires).put("accepted_by", t.acceptedBy)));
    return out;
  }

  /** Restores a token of {@code key} from its {@link #records()} record. */
  void restore(JsonObject r, StoredKey key) {
    Token t = new Token(key, null, r.getInteger("expires"));
    t.acceptedBy = r.getLong("accepted_by");
    tokens.put(Buffer.buffer(Base64.getDecoder().decode(r.getString("token"))), t);
  }
}
