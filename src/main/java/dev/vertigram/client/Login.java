package dev.vertigram.client;

import dev.vertigram.crypto.Srp;
import dev.vertigram.peers.PeerDatabase;
import dev.vertigram.storage.Db;
import dev.vertigram.storage.StringMap;
import dev.vertigram.tl.TlCodec;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The login steps of a session. The pending step (sendCode done, password or sign-up needed) and the phone code hash
 * are kept in {@link Db#SESSION} under {@code "login"}, so a restart between steps continues where it stopped; the
 * logged-in user is kept under {@code "self"}. Secrets (code, password, bot token) are never logged nor stored.
 */
final class Login {

  static final String CODE = "code";
  static final String PASSWORD = "password";
  static final String SIGNUP = "signup";

  private final Vertx vertx;
  private final ClientOptions app;
  private final StringMap session;
  private final PeerDatabase peers;
  private final BiFunction<JsonObject, CallOptions, Future<JsonObject>> rpc;
  private Promise<Void> loginToken;

  Login(Vertx vertx, ClientOptions app, StringMap session, PeerDatabase peers,
      BiFunction<JsonObject, CallOptions, Future<JsonObject>> rpc) {
    this.vertx = vertx;
    this.app = app;
    this.session = session;
    this.peers = peers;
    this.rpc = rpc;
  }

  /** The logged-in user, or null. */
  Future<JsonObject> self() {
    return session.get("self").map(b -> b == null ? null : TlCodec.api().decode(b));
  }

  /** The pending step ({"step", "phone", "phone_code_hash"}), or null. */
  Future<JsonObject> pending() {
    return session.get("login").map(b -> b == null ? null : new JsonObject(b));
  }

  Future<JsonObject> bot(String token) {
    return call(new JsonObject().put("_", "auth.importBotAuthorization").put("flags", 0).put("api_id", app.apiId())
        .put("api_hash", app.apiHash()).put("bot_auth_token", token), CallOptions.DEFAULT).compose(this::authorized);
  }

  Future<JsonObject> sendCode(String phone) {
    return call(new JsonObject().put("_", "auth.sendCode").put("phone_number", phone).put("api_id", app.apiId())
        .put("api_hash", app.apiHash()).put("settings", new JsonObject().put("_", "codeSettings")), CallOptions.DEFAULT)
        .compose(sent -> step(CODE, phone, sent.getString("phone_code_hash")).map(sent));
  }

  /** Signs in with the code: the self user, or account.password / auth.authorizationSignUpRequired. */
  Future<JsonObject> code(String code) {
    return expect(CODE).compose(p -> call(new JsonObject().put("_", "auth.signIn").put("phone_number", p.getString(
        "phone")).put("phone_code_hash", p.getString("phone_code_hash")).put("phone_code", code), CallOptions.DEFAULT)
        .compose(this::authorized)
        .recover(e -> e instanceof RpcException r && r.errorMessage().equals("SESSION_PASSWORD_NEEDED")
            ? step(PASSWORD, p.getString("phone"), p.getString("phone_code_hash"))
                .compose(v -> call(new JsonObject().put("_", "account.getPassword"), CallOptions.DEFAULT))
            : Future.failedFuture(e)));
  }

  Future<JsonObject> password(String password) {
    return expect(PASSWORD).compose(p -> call(new JsonObject().put("_", "account.getPassword"), CallOptions.DEFAULT))
        .compose(info -> vertx.executeBlocking(() -> srp(info, password)))
        .compose(check -> call(new JsonObject().put("_", "auth.checkPassword").put("password", check),
            CallOptions.DEFAULT))
        .compose(this::authorized);
  }

  Future<JsonObject> signUp(String first, String last) {
    return expect(SIGNUP).compose(p -> call(new JsonObject().put("_", "auth.signUp").put("phone_number",
        p.getString("phone")).put("phone_code_hash", p.getString("phone_code_hash")).put("first_name", first)
        .put("last_name", last == null ? "" : last), CallOptions.DEFAULT)).compose(this::authorized);
  }

  /** QR login: {@code onUrl} gets each tg://login URL; completes with the self user once a device accepted one. */
  Future<JsonObject> qr(Consumer<String> onUrl) {
    JsonObject export = new JsonObject().put("_", "auth.exportLoginToken").put("api_id", app.apiId())
        .put("api_hash", app.apiHash()).put("except_ids", new JsonArray());
    return call(export, CallOptions.DEFAULT).compose(t -> switch (t.getString("_")) {
      case "auth.loginTokenSuccess" -> authorized(t.getJsonObject("authorization"));
      case "auth.loginTokenMigrateTo" -> call(new JsonObject().put("_", "auth.importLoginToken")
          .put("token", t.getValue("token")), CallOptions.create().dcId(t.getInteger("dc_id")))
          .compose(r -> r.getString("_").equals("auth.loginTokenSuccess")
              ? authorized(r.getJsonObject("authorization")) : Future.failedFuture("QR login: " + r.getString("_")));
      default -> {
        onUrl.accept("tg://login?token=" + Base64.getUrlEncoder().withoutPadding()
            .encodeToString(t.getBuffer("token").getBytes()));
        Promise<Void> accepted = Promise.promise();
        loginToken = accepted;
        long wait = Math.max(1, t.getLong("expires") - System.currentTimeMillis() / 1000) * 1000;
        long timer = vertx.setTimer(wait, id -> accepted.tryComplete());
        yield accepted.future().compose(v -> {
          vertx.cancelTimer(timer);
          return qr(onUrl);
        });
      }
    });
  }

  /** Told of every update: updateLoginToken wakes a waiting QR login. */
  void update(JsonObject update) {
    Promise<Void> waiting = loginToken;
    if (waiting != null && PeerDatabase.extractUpdates(update).stream()
        .anyMatch(u -> u.getString("_").equals("updateLoginToken"))) {
      loginToken = null;
      waiting.tryComplete();
    }
  }

  Future<Void> logout() {
    return call(new JsonObject().put("_", "auth.logOut"), CallOptions.DEFAULT).otherwiseEmpty()
        .compose(v -> Future.all(session.remove("self"), session.remove("login"))).mapEmpty();
  }

  private Future<JsonObject> authorized(JsonObject authorization) {
    if (authorization.getString("_").equals("auth.authorizationSignUpRequired")) {
      return pending().compose(p -> step(SIGNUP, p.getString("phone"), p.getString("phone_code_hash")))
          .map(authorization);
    }
    JsonObject user = authorization.getJsonObject("user");
    peers.selfId(user.getLong("id"));
    return session.put("self", TlCodec.api().encode(user)).compose(v -> session.remove("login")).map(user);
  }

  private Future<JsonObject> call(JsonObject method, CallOptions options) {
    return rpc.apply(method, options).map(r -> {
      peers.feed(r);
      return r;
    });
  }

  private Future<Void> step(String step, String phone, String hash) {
    return session.put("login", new JsonObject().put("step", step).put("phone", phone).put("phone_code_hash", hash)
        .toBuffer());
  }

  private Future<JsonObject> expect(String step) {
    return pending().compose(p -> p != null && step.equals(p.getString("step")) ? Future.succeededFuture(p)
        : Future.failedFuture(new IllegalStateException("login: no " + step + " step pending (it is "
            + (p == null ? "none" : p.getString("step")) + ")")));
  }

  private static JsonObject srp(JsonObject info, String password) {
    JsonObject algo = info.getJsonObject("current_algo");
    Srp.SrpAnswer answer = Srp.answer(password.getBytes(StandardCharsets.UTF_8), algo.getBuffer("salt1").getBytes(),
        algo.getBuffer("salt2").getBytes(), algo.getInteger("g"), algo.getBuffer("p").getBytes(),
        info.getBuffer("srp_B").getBytes(), new SecureRandom());
    return new JsonObject().put("_", "inputCheckPasswordSRP").put("srp_id", info.getLong("srp_id"))
        .put("A", Buffer.buffer(answer.a())).put("M1", Buffer.buffer(answer.m1()));
  }
}
