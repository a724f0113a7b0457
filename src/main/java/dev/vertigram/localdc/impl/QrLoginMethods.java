package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.World;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * QR login: auth.exportLoginToken (auth.loginToken valid {@value #TTL_SECONDS} s; once accepted, the next call answers
 * auth.loginTokenSuccess, or auth.loginTokenMigrateTo when the account lives on another DC), auth.acceptLoginToken by
 * a logged-in session (updateLoginToken is pushed to the waiting session) and auth.importLoginToken on the account's
 * DC. Tokens live in memory, shared by all DCs (the registry is).
 */
final class QrLoginMethods implements MethodRegistry.Area {

  static final int TTL_SECONDS = 30;

  /** One exported token: the waiting key and session, its expiry, and the accepting user (0 until accepted). */
  private static final class Token {
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

  @Override
  public void register(MethodRegistry registry) {
    registry.add("auth.exportLoginToken", this::export)
        .add("auth.acceptLoginToken", this::accept)
        .add("auth.importLoginToken", this::importToken);
  }

  private Future<JsonObject> export(RpcCall call) {
    if (call.query().getString("api_hash", "").isEmpty()) {
      throw new RpcErrorException(400, "API_ID_INVALID");
    }
    StoredKey key = call.key().authKeyForUser();
    for (Map.Entry<Buffer, Token> e : tokens.entrySet()) {
      if (e.getValue().key == key && e.getValue().acceptedBy != 0) {
        return Future.succeededFuture(redeem(call, e.getKey(), e.getValue()));
      }
    }
    tokens.values().removeIf(t -> t.key == key || t.expires <= call.now());
    byte[] bytes = new byte[32];
    call.dc().random().nextBytes(bytes);
    Buffer token = Buffer.buffer(bytes);
    int expires = call.now() + TTL_SECONDS;
    tokens.put(token, new Token(key, call.session(), expires));
    return Future.succeededFuture(new JsonObject().put("_", "auth.loginToken").put("expires", expires)
        .put("token", token));
  }

  /** loginTokenSuccess on the account's DC (the key is logged in), else loginTokenMigrateTo. */
  private JsonObject redeem(RpcCall call, Buffer token, Token t) {
    World w = call.social().world();
    int home = w.locked(() -> w.user(t.acceptedBy).homeDc());
    if (home != call.dc().id()) {
      return new JsonObject().put("_", "auth.loginTokenMigrateTo").put("dc_id", home).put("token", token);
    }
    tokens.remove(token);
    return new JsonObject().put("_", "auth.loginTokenSuccess")
        .put("authorization", AuthMethods.authorize(call, t.acceptedBy));
  }

  private Token valid(RpcCall call) {
    Token t = tokens.get(call.query().getBuffer("token", Buffer.buffer()));
    if (t == null) {
      throw new RpcErrorException(400, "AUTH_TOKEN_INVALID");
    }
    if (t.expires <= call.now()) {
      throw new RpcErrorException(400, "AUTH_TOKEN_EXPIRED");
    }
    return t;
  }

  private Future<JsonObject> accept(RpcCall call) {
    long me = call.requireUser();
    Token t = valid(call);
    if (t.acceptedBy != 0) {
      throw new RpcErrorException(400, "AUTH_TOKEN_ALREADY_ACCEPTED");
    }
    t.acceptedBy = me;
    ServerCore core = call.dc().core();
    core.pusher().pushTo(t.session, core.encoder().push(new JsonObject().put("_", "updateShort")
        .put("update", new JsonObject().put("_", "updateLoginToken")).put("date", call.now())));
    return Future.succeededFuture(new JsonObject().put("_", "authorization").put("hash", call.dc().random().nextLong())
        .put("device_model", "").put("platform", "").put("system_version", "").put("api_id", 0)
        .put("app_name", "").put("app_version", "").put("date_created", call.now()).put("date_active", call.now())
        .put("ip", "127.0.0.1").put("country", "").put("region", ""));
  }

  private Future<JsonObject> importToken(RpcCall call) {
    Buffer token = call.query().getBuffer("token", Buffer.buffer());
    Token t = valid(call);
    if (t.acceptedBy == 0) {
      return Future.succeededFuture(new JsonObject().put("_", "auth.loginToken").put("expires", t.expires)
          .put("token", token));
    }
    return Future.succeededFuture(redeem(call, token, t));
  }
}
