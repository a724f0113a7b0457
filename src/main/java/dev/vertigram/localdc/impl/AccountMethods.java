package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.User;
import dev.vertigram.localdc.world.World;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.function.BooleanSupplier;

/**
 * account.updateProfile, account.updateUsername / checkUsername (USERNAME_INVALID, USERNAME_OCCUPIED,
 * USERNAME_NOT_MODIFIED), account.getAuthorizations and account.resetAuthorization (the revoked key gets 401
 * SESSION_REVOKED; HASH_INVALID for an unknown hash).
 */
final class AccountMethods implements MethodRegistry.Area {

  @Override
  public void register(MethodRegistry registry) {
    registry.add("account.updateProfile", AccountMethods::updateProfile)
        .add("account.updateUsername", AccountMethods::updateUsername)
        .add("account.checkUsername", call -> {
          call.requireUser();
          String name = call.query().getString("username");
          if (!World.validUsername(name)) {
            throw new RpcErrorException(400, "USERNAME_INVALID");
          }
          World w = call.social().world();
          return Future.succeededFuture(bool(w.locked(() -> w.byUsername(name) == null)));
        })
        .add("account.getAuthorizations", AccountMethods::getAuthorizations)
        .add("account.resetAuthorization", call -> {
          long user = call.requireUser();
          if (!call.social().auths().revoke(user, call.query().getLong("hash"))) {
            throw new RpcErrorException(400, "HASH_INVALID");
          }
          return Future.succeededFuture(bool(true));
        });
  }

  static JsonObject bool(boolean b) {
    return new JsonObject().put("_", b ? "boolTrue" : "boolFalse");
  }

  private static Future<JsonObject> updateProfile(RpcCall call) {
    long me = call.requireUser();
    JsonObject q = call.query();
    if (q.containsKey("first_name") && q.getString("first_name").trim().isEmpty()) {
      throw new RpcErrorException(400, "FIRSTNAME_INVALID");
    }
    if (q.getString("about", "").length() > 70) {
      throw new RpcErrorException(400, "ABOUT_TOO_LONG");
    }
    World w = call.social().world();
    return Future.succeededFuture(w.locked(() -> {
      User u = w.user(me);
      u.name(q.getString("first_name", u.firstName()).trim(), q.getString("last_name", u.lastName()).trim());
      if (q.containsKey("about")) {
        u.about(q.getString("about"));
      }
      return call.social().views().user(me, u);
    }));
  }

  private static Future<JsonObject> updateUsername(RpcCall call) {
    long me = call.requireUser();
    String name = requestedUsername(call);
    World w = call.social().world();
    return Future.succeededFuture(w.locked(() -> {
      User u = w.user(me);
      changeUsername(u.username(), name, () -> w.setUsername(u, name));
      return call.social().views().user(me, u);
    }));
  }

  /** The {@code username} of an updateUsername call (empty: remove it), USERNAME_INVALID when malformed. */
  static String requestedUsername(RpcCall call) {
    String name = call.query().getString("username", "");
    if (!name.isEmpty() && !World.validUsername(name)) {
      throw new RpcErrorException(400, "USERNAME_INVALID");
    }
    return name;
  }

  /** Replaces {@code current} (null: none) by {@code name} through {@code claim}, with Telegram's errors. */
  static void changeUsername(String current, String name, BooleanSupplier claim) {
    if (name.equals(current == null ? "" : current)) {
      throw new RpcErrorException(400, "USERNAME_NOT_MODIFIED");
    }
    if (!claim.getAsBoolean()) {
      throw new RpcErrorException(400, "USERNAME_OCCUPIED");
    }
  }

  private static Future<JsonObject> getAuthorizations(RpcCall call) {
    long me = call.requireUser();
    JsonArray list = new JsonArray();
    for (Authorizations.Login l : call.social().auths().of(me)) {
      JsonObject a = new JsonObject().put("_", "authorization").put("hash", l.hash()).put("device_model", "Local DC")
          .put("platform", "").put("system_version", "").put("api_id", 0).put("app_name", "")
          .put("app_version", "").put("date_created", l.date()).put("date_active", l.date())
          .put("ip", "127.0.0.1").put("country", "XX").put("region", "DC" + l.dcId());
      if (l.key() == call.key().authKeyForUser()) {
        a.put("current", true).put("hash", 0L);
      }
      list.add(a);
    }
    return Future.succeededFuture(new JsonObject().put("_", "account.authorizations")
        .put("authorization_ttl_days", 180).put("authorizations", list));
  }
}
