package dev.vertigram.localdc.impl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorizations exported by auth.exportAuthorization and not imported yet: a one-time token for one user and one
 * target DC, valid {@value #TTL_MILLIS} ms. Shared by all DCs, thread-safe, kept by snapshots.
 */
final class ExportedAuthorizations {

  /** The snapshot record type. */
  static final String RECORD = "exported_authorization";

  static final long TTL_MILLIS = 5 * 60 * 1000;

  private record Export(long userId, int dcId, long expiresAtMillis) {
  }

  private final SecureRandom random = new SecureRandom();
  private final Map<Buffer, Export> exports = new ConcurrentHashMap<>();

  /** A new token letting {@code userId} log in on DC {@code dcId}. */
  Buffer export(long userId, int dcId) {
    long now = System.currentTimeMillis();
    exports.values().removeIf(e -> e.expiresAtMillis() < now);
    byte[] token = new byte[128];
    random.nextBytes(token);
    Buffer key = Buffer.buffer(token);
    exports.put(key, new Export(userId, dcId, now + TTL_MILLIS));
    return key;
  }

  /** Consumes a token: true when it was issued for this user and this DC and has not expired. */
  boolean redeem(Buffer token, long userId, int dcId) {
    Export e = exports.remove(token);
    return e != null && e.userId() == userId && e.dcId() == dcId && e.expiresAtMillis() >= System.currentTimeMillis();
  }

  /** The snapshot records of the tokens not expired yet. */
  List<JsonObject> records() {
    List<JsonObject> out = new ArrayList<>();
    exports.forEach((token, e) -> out.add(new JsonObject().put("t", RECORD)
        .put("token", Base64.getEncoder().encodeToString(token.getBytes())).put("user", e.userId())
        .put("dc", e.dcId()).put("expires_at", e.expiresAtMillis())));
    return out;
  }

  /** Restores a token from its {@link #records()} record. */
  void restore(JsonObject r) {
    exports.put(Buffer.buffer(Base64.getDecoder().decode(r.getString("token"))),
        new Export(r.getLong("user"), r.getInteger("dc"), r.getLong("expires_at")));
  }
}
