package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.User;
import dev.vertigram.localdc.world.World;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Login: auth.sendCode / signIn / signUp / logOut, bots (auth.importBotAuthorization), cross-DC login
 * (auth.exportAuthorization / importAuthorization), auth.bindTempAuthKey and auth.resetAuthorizations.
 *
 * <p>Home DC: an account lives on the DC where it signed up, except test numbers 99966XYYYY, which live on DC X when
 * that DC is served. auth.sendCode / signIn on another DC answer 303 PHONE_MIGRATE_X; a bot token used on another DC
 * than its bot's answers 303 USER_MIGRATE_X. A new bot lives where its token is first used.
 */
final class AuthMethods implements MethodRegistry.Area {

  @Override
  public void register(MethodRegistry registry) {
    registry.add("auth.bindTempAuthKey", call -> {
      TempKeyBinding.bind(call);
      return Future.succeededFuture(new JsonObject().put("_", "boolTrue"));
    }).add("auth.exportAuthorization", AuthMethods::exportAuthorization)
        .add("auth.importAuthorization", AuthMethods::importAuthorization)
        .add("auth.sendCode", this::sendCode)
        .add("auth.signIn", this::signIn)
        .add("auth.signUp", this::signUp)
        .add("auth.logOut", call -> {
          call.requireUser();
          call.social().auths().logout(call.key().authKeyForUser());
          return Future.succeededFuture(new JsonObject().put("_", "auth.loggedOut"));
        })
        .add("auth.importBotAuthorization", AuthMethods::importBot)
        .add("auth.resetAuthorizations", call -> {
          long user = call.requireUser();
          Authorizations auths = call.social().auths();
          auths.of(user).stream().filter(l -> l.key() != call.key().authKeyForUser())
              .forEach(l -> auths.revoke(user, l.hash()));
          return Future.succeededFuture(new JsonObject().put("_", "boolTrue"));
        });
  }

  private static LoginCodes codes(RpcCall call) {
    return call.dc().core().loginCodes();
  }

  private static String phone(RpcCall call) {
    String phone = call.query().getString("phone_number", "").replaceAll("[+ ()-]", "");
    if (phone.isEmpty() || !phone.chars().allMatch(Character::isDigit) || phone.length() > 15) {
      throw new RpcErrorException(400, "PHONE_NUMBER_INVALID");
    }
    return phone;
  }

  /** The home DC of an existing or new account with that phone; PHONE_MIGRATE_X when it is not this DC. */
  private static void checkHomeDc(RpcCall call, String phone) {
    World w = call.social().world();
    Integer home = w.locked(() -> {
      User u = w.userByPhone(phone);
      return u != null ? u.homeDc() : null;
    });
    if (home == null && LoginCodes.testNumber(phone) && call.dc().core().dc(LoginCodes.testDigit(phone)) != null) {
      home = LoginCodes.testDigit(phone);
    }
    if (home != null && home != call.dc().id()) {
      throw new RpcErrorException(303, "PHONE_MIGRATE_" + home);
    }
  }

  private Future<JsonObject> sendCode(RpcCall call) {
    String phone = phone(call);
    if (call.query().getString("api_hash", "").isEmpty()) {
      throw new RpcErrorException(400, "API_ID_INVALID");
    }
    checkHomeDc(call, phone);
    String hash = codes(call).send(phone);
    return Future.succeededFuture(new JsonObject().put("_", "auth.sentCode")
        .put("type", new JsonObject().put("_", "auth.sentCodeTypeApp").put("length", 5))
        .put("phone_code_hash", hash).put("timeout", 60));
  }

  private Future<JsonObject> signIn(RpcCall call) {
    String phone = phone(call);
    checkHomeDc(call, phone);
    codes(call).check(phone, call.query().getString("phone_code_hash"), call.query().getString("phone_code", ""));
    World w = call.social().world();
    User u = w.locked(() -> w.userByPhone(phone));
    if (u == null) {
      return Future.succeededFuture(new JsonObject().put("_", "auth.authorizationSignUpRequired"));
    }
    codes(call).consume(phone);
    if (w.locked(u::password) != null) {
      call.social().auths().pendingPassword(call.key(), u.id());
      throw new RpcErrorException(401, "SESSION_PASSWORD_NEEDED");
    }
    return Future.succeededFuture(authorize(call, u.id()));
  }

  private Future<JsonObject> signUp(RpcCall call) {
    String phone = phone(call);
    checkHomeDc(call, phone);
    String first = call.query().getString("first_name", "").trim();
    if (first.isEmpty() || first.length() > 64) {
      throw new RpcErrorException(400, "FIRSTNAME_INVALID");
    }
    String last = call.query().getString("last_name", "").trim();
    if (last.length() > 64) {
      throw new RpcErrorException(400, "LASTNAME_INVALID");
    }
    codes(call).check(phone, call.query().getString("phone_code_hash"), null);
    World w = call.social().world();
    User u = w.locked(() -> w.userByPhone(phone) != null ? null : w.createUser(phone, first, last, call.dc().id()));
    if (u == null) {
      throw new RpcErrorException(400, "PHONE_NUMBER_OCCUPIED");
    }
    codes(call).consume(phone);
    return Future.succeededFuture(authorize(call, u.id()));
  }

  private static Future<JsonObject> importBot(RpcCall call) {
    String token = call.query().getString("bot_auth_token", "");
    int colon = token.indexOf(':');
    long botId;
    try {
      botId = Long.parseLong(token.substring(0, Math.max(colon, 0)));
    } catch (NumberFormatException e) {
      throw new RpcErrorException(400, "ACCESS_TOKEN_INVALID");
    }
    String secret = token.substring(colon + 1);
    if (botId <= 0 || secret.length() < 8) {
      throw new RpcErrorException(400, "ACCESS_TOKEN_INVALID");
    }
    World w = call.social().world();
    User bot = w.locked(() -> {
      User u = w.user(botId);
      if (u == null) {
        return w.createBot(botId, secret, call.dc().id());
      }
      if (!u.bot() || !secret.equals(u.botSecret())) {
        throw new RpcErrorException(400, "ACCESS_TOKEN_INVALID");
      }
      return u;
    });
    if (bot.homeDc() != call.dc().id()) {
      throw new RpcErrorException(303, "USER_MIGRATE_" + bot.homeDc());
    }
    return Future.succeededFuture(authorize(call, botId));
  }

  /** Logs the user in on the call's key; the auth.authorization to answer. */
  static JsonObject authorize(RpcCall call, long userId) {
    call.social().auths().login(call, userId);
    return authorization(call, userId);
  }

  static JsonObject authorization(RpcCall call, long userId) {
    World w = call.social().world();
    return new JsonObject().put("_", "auth.authorization")
        .put("user", w.locked(() -> call.social().views().user(userId, w.user(userId))));
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
    return Future.succeededFuture(authorize(call, user));
  }
}
