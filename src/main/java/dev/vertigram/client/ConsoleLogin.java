package dev.vertigram.client;

import dev.vertigram.loop.Async;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** Interactive login on the console (Async.readLine): code, then 2FA password or sign-up, as the server asks. */
final class ConsoleLogin {

  private ConsoleLogin() {
  }

  static Future<JsonObject> next(Vertx vertx, Vertigram tg, String step) {
    Future<JsonObject> r = switch (step) {
      case Login.CODE -> Async.readLine(vertx, "Login code: ").compose(c -> tg.completePhoneLogin(c.trim()));
      case Login.PASSWORD -> Async.readLine(vertx, "2FA password: ").compose(tg::complete2faLogin);
      default -> Async.readLine(vertx, "First name: ").compose(first -> Async.readLine(vertx, "Last name: ")
          .compose(last -> tg.completeSignup(first.trim(), last.trim())));
    };
    return r.compose(result -> switch (result.getString("_")) {
      case "account.password" -> next(vertx, tg, Login.PASSWORD);
      case "auth.authorizationSignUpRequired" -> next(vertx, tg, Login.SIGNUP);
      default -> Future.succeededFuture(result);
    });
  }
}
