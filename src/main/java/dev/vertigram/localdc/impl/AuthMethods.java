package dev.vertigram.localdc.impl;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * auth.bindTempAuthKey (see {@link TempKeyBinding}) and the minimal cross-DC login: auth.exportAuthorization gives a
 * one-time token for another DC, auth.importAuthorization there binds the same user to the importing key.
 */
final class AuthMethods implements MethodRegistry.Area {

  @Override
  public void register(MethodRegistry registry) {
    registry.add("auth.bindTempAuthKey", call -> {
      TempKeyBinding.bind(call);
      return Future.succeededFuture(new JsonObject().put("_", "boolTrue"));
    }).add("auth.exportAuthorization", AuthMethods::exportAuthorization)
        .add("auth.importAuthorization", AuthMethods::importAuthorization);
  }

  private static Future<JsonObject> exportAuthorization(RpcCall call) {
    long user = call.requireUser();
    int target = call.query().getInteger("dc_id");
    if (target == call.dc().id() || call.dc().core().dc(target) == null) {
      throw new RpcErrorException(400, "DC_ID_INVALID");
    }
    return Future.succeededFuture(new JsonObject().put("_", "auth.exportedAuthorization").put("id", user)
        .put("bytes", call.dc().core().exports().export(user, target)));
  }

  private static Future<JsonObject> importAuthorization(RpcCall call) {
    long user = call.query().getLong("id");
    if (!call.dc().core().exports().redeem(call.query().getBuffer("bytes"), user, call.dc().id())) {
      throw new RpcErrorException(400, "AUTH_BYTES_INVALID");
    }
    call.key().userId(user);
    return Future.succeededFuture(new JsonObject().put("_", "auth.authorization").put("user", user(user)));
  }

  /** The minimal user object of a logged-in user (the next issue brings real users). */
  static JsonObject user(long userId) {
    return new JsonObject().put("_", "user").put("self", true).put("id", userId).put("access_hash", 0L)
        .put("first_name", "User " + userId);
  }
}
