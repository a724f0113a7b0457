package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.World;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * QR login: auth.exportLoginToken (auth.loginToken valid {@value #TTL_SECONDS} s; once accepted, the next call answers
 * auth.loginTokenSuccess, or auth.loginTokenMigrateTo when the account lives on another DC), auth.acceptLoginToken by
 * a logged-in session (updateLoginToken is pushed to the waiting session) and auth.importLoginToken on the account's
 * DC. The tokens are the {@link LoginTokens} of the Local DC.
 */
final class QrLoginMethods implements MethodRegistry.Area {

  static final int TTL_SECONDS = 30;

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
    Map<Buffer, LoginTokens.Token> tokens = tokens(call);
    for (Map.Entry<Buffer, LoginTokens.Token> e : tokens.entrySet()) {
      if (e.getValue().key == key && e.getValue().acceptedBy != 0) {
        return Future.succeededFuture(redeem(call, e.getKey(), e.getValue()));
      }
    }
    tokens.values().removeIf(t -> t.key == key || t.expires <= call.now());
    byte[] bytes = new byte[32];
    call.dc().random().nextBytes(bytes);
    Buffer token = Buffer.buffer(bytes);
    int expires = call.now() + TTL_SECONDS;
    tokens.put(token, new LoginTokens.Token(key, call.session(), expires));
    return Future.succeededFuture(new JsonObject().put("_", "auth.loginToken").put("expires", expires)
        .put("token", token));
  }

  private static Map<Buffer, LoginTokens.Token> tokens(RpcCall call) {
    return call.dc().core().loginTokens().all();
  }

  /** loginTokenSuccess on the account's DC (the key is logged in), else loginTokenMigrateTo. */
  private JsonObject redeem(RpcCall call, Buffer token, LoginTokens.Token t) {
    World w = call.social().world();
    int home = w.locked(() -> w.user(t.acceptedBy).homeDc());
    if (home != call.dc().id()) {
      return new JsonObject().put("_", "auth.loginTokenMigrateTo").put("dc_id", home).put("token", token);
    }
    tokens(call).remove(token);
    return new JsonObject().put("_", "auth.loginTokenSuccess")
        .put("authorization", AuthMethods.authorize(call, t.acceptedBy));
  }

  private LoginTokens.Token valid(RpcCall call) {
    LoginTokens.Token t = tokens(call).get(call.query().getBuffer("token", Buffer.buffer()));
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
    LoginTokens.Token t = valid(call);
    if (t.acceptedBy != 0) {
      throw new RpcErrorException(400, "AUTH_TOKEN_ALREADY_ACCEPTED");
    }
    t.acceptedBy = me;
    ServerCore core = call.dc().core();
    if (t.session != null) { // null: exported before a restart
      core.pusher().pushTo(t.session, core.encoder().push(new JsonObject().put("_", "updateShort")
          .put("update", new JsonObject().put("_", "updateLoginToken")).put("date", call.now())));
    }
    return Future.succeededFuture(new JsonObject().put("_", "authorization").put("hash", call.dc().random().nextLong())
        .put("device_model", "").put("platform", "").put("system_version", "").put("api_id", 0)
        .put("app_name", "").put("app_version", "").put("date_created", call.now()).put("date_active", call.now())
        .put("ip", "127.0.0.1").put("country", "").put("region", ""));
  }

  private Future<JsonObject> importToken(RpcCall call) {
    Buffer token = call.query().getBuffer("token", Buffer.buffer());
    LoginTokens.Token t = valid(call);
    if (t.acceptedBy == 0) {
      return Future.succeededFuture(new JsonObject().put("_", "auth.loginToken").put("expires", t.expires)
          .put("token", token));
    }
    return Future.succeededFuture(redeem(call, token, t));
  }
}
