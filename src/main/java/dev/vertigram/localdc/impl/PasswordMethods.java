package dev.vertigram.localdc.impl;

import dev.vertigram.crypto.Srp;
import dev.vertigram.localdc.world.Password;
import dev.vertigram.localdc.world.User;
import dev.vertigram.localdc.world.World;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 2FA with real server-side SRP: account.getPassword (salts, g, p, srp_B, srp_id), auth.checkPassword (after signIn
 * answered SESSION_PASSWORD_NEEDED; PASSWORD_HASH_INVALID, SRP_ID_INVALID), account.updatePasswordSettings (set,
 * change or remove; the current password is checked by SRP). Only the verifier v is stored, never the password.
 */
final class PasswordMethods implements MethodRegistry.Area {

  private static final byte[] P = World.srpPrime();

  /** An srp_B handed out: the SRP server state to check the answer against. */
  private record Challenge(long userId, Password password, Srp.Server server) {
  }

  private final Map<Long, Challenge> challenges = new ConcurrentHashMap<>();

  @Override
  public void register(MethodRegistry registry) {
    registry.add("account.getPassword", this::getPassword)
        .add("auth.checkPassword", this::checkPassword)
        .add("account.updatePasswordSettings", this::updateSettings);
  }

  /** The user logged in, or awaiting the password on this key. */
  private static long user(RpcCall call) {
    long pending = call.social().auths().pendingPassword(call.key());
    return pending != 0 ? pending : call.requireUser();
  }

  private static JsonObject algo(byte[] salt1, byte[] salt2) {
    return new JsonObject().put("_", "passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow")
        .put("salt1", Buffer.buffer(salt1)).put("salt2", Buffer.buffer(salt2)).put("g", World.SRP_G)
        .put("p", Buffer.buffer(P));
  }

  private byte[] random(RpcCall call, int n) {
    byte[] b = new byte[n];
    call.dc().random().nextBytes(b);
    return b;
  }

  private Future<JsonObject> getPassword(RpcCall call) {
    long userId = user(call);
    World w = call.social().world();
    Password pw = w.locked(() -> w.user(userId).password());
    JsonObject out = new JsonObject().put("_", "account.password")
        .put("new_algo", algo(random(call, 8), random(call, 16)))
        .put("new_secure_algo", new JsonObject().put("_", "securePasswordKdfAlgoUnknown"))
        .put("secure_random", Buffer.buffer(random(call, 32)));
    if (pw != null) {
      Srp.Server server = new Srp.Server(pw.verifier(), World.SRP_G, P, call.dc().random());
      long srpId = call.dc().random().nextLong();
      challenges.put(srpId, new Challenge(userId, pw, server));
      out.put("has_password", true).put("current_algo", algo(pw.salt1(), pw.salt2()))
          .put("srp_B", Buffer.buffer(server.b())).put("srp_id", srpId);
      if (pw.hint() != null && !pw.hint().isEmpty()) {
        out.put("hint", pw.hint());
      }
    }
    return Future.succeededFuture(out);
  }

  /** Checks an InputCheckPasswordSRP against the user's current password (none set: only inputCheckPasswordEmpty). */
  private void verify(long userId, Password current, JsonObject input) {
    if (current == null) {
      if (!"inputCheckPasswordEmpty".equals(input.getString("_"))) {
        throw new RpcErrorException(400, "PASSWORD_HASH_INVALID");
      }
      return;
    }
    if (!"inputCheckPasswordSRP".equals(input.getString("_"))) {
      throw new RpcErrorException(400, "PASSWORD_HASH_INVALID");
    }
    Challenge c = challenges.remove(input.getLong("srp_id"));
    if (c == null || c.userId() != userId || c.password() != current) {
      throw new RpcErrorException(400, "SRP_ID_INVALID");
    }
    if (!c.server().verify(input.getBuffer("A").getBytes(), input.getBuffer("M1").getBytes(), current.salt1(),
        current.salt2())) {
      throw new RpcErrorException(400, "PASSWORD_HASH_INVALID");
    }
  }

  private Future<JsonObject> checkPassword(RpcCall call) {
    long userId = call.social().auths().pendingPassword(call.key());
    if (userId == 0) {
      throw new RpcErrorException(400, "PASSWORD_HASH_INVALID");
    }
    World w = call.social().world();
    verify(userId, w.locked(() -> w.user(userId).password()), call.query().getJsonObject("password"));
    return Future.succeededFuture(AuthMethods.authorize(call, userId));
  }

  private Future<JsonObject> updateSettings(RpcCall call) {
    long userId = call.requireUser();
    World w = call.social().world();
    User u = w.locked(() -> w.user(userId));
    verify(userId, w.locked(u::password), call.query().getJsonObject("password"));
    JsonObject settings = call.query().getJsonObject("new_settings");
    JsonObject algo = settings.getJsonObject("new_algo");
    Password next = null;
    if (algo != null && algo.getString("_").startsWith("passwordKdfAlgoSHA256")) {
      byte[] v = settings.getBuffer("new_password_hash").getBytes();
      if (v.length != 256 || !Arrays.equals(algo.getBuffer("p").getBytes(), P) || algo.getInteger("g") != World.SRP_G) {
        throw new RpcErrorException(400, "NEW_SETTINGS_INVALID");
      }
      next = new Password(algo.getBuffer("salt1").getBytes(), algo.getBuffer("salt2").getBytes(), v,
          settings.getString("hint"));
    }
    Password set = next;
    w.locked(() -> {
      u.password(set);
      return null;
    });
    return Future.succeededFuture(new JsonObject().put("_", "boolTrue"));
  }
}
