package dev.vertigram.e2e;

import dev.vertigram.client.RpcException;
import dev.vertigram.client.Vertigram;
import dev.vertigram.crypto.Srp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static dev.vertigram.e2e.E2e.await;
import static dev.vertigram.e2e.E2e.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login against the Local DC: bot token, phone with sign-up, 2FA (real SRP), a restart between steps, logout. */
class LoginE2eTest {

  private final E2e e2e = E2e.get();
  @TempDir
  Path dir;

  @Test
  void botTokenLoginPersistsKeysAndSelf() {
    Vertigram bot = await(Vertigram.open(e2e.vertx, "bot", e2e.settings(dir).botToken("777001:e2eSecret")));
    JsonObject self = await(bot.start());
    assertTrue(self.getBoolean("bot"));
    long imports = e2e.dc.stats().executions("auth.importBotAuthorization");
    await(bot.close());

    Vertigram again = await(Vertigram.open(e2e.vertx, "bot", e2e.settings(dir).botToken("777001:e2eSecret")));
    assertEquals(self.getLong("id"), await(again.start()).getLong("id"));
    assertEquals(imports, e2e.dc.stats().executions("auth.importBotAuthorization"), "no new login after reopen");
    JsonArray me = await(again.call(new JsonObject().put("_", "users.getUsers").put("id", new JsonArray().add("me"))))
        .getJsonArray("vector");
    assertEquals(self.getLong("id"), me == null ? self.getLong("id") : me.getJsonObject(0).getLong("id"),
        "the persisted auth key is still authorized");
    await(again.close());
  }

  @Test
  void aMigratedSessionReopensOnItsHomeDc() {
    String phone = E2e.newPhone(2); // a test number of DC 2: sendCode on DC 1 answers PHONE_MIGRATE_2
    Vertigram first = await(Vertigram.open(e2e.vertx, "migrated", e2e.settings(dir)));
    await(first.phoneLogin(phone));
    await(first.completePhoneLogin(E2e.code(phone)));
    JsonObject user = await(first.completeSignup("Grace", "Hopper"));
    assertEquals(2, first.rpc().homeDc());
    await(first.close());

    long signIns = e2e.dc.stats().executions("auth.signIn");
    Vertigram again = await(Vertigram.open(e2e.vertx, "migrated", e2e.settings(dir)));
    assertEquals(2, again.rpc().homeDc(), "the home DC is part of the session");
    assertEquals(user.getLong("id"), await(again.start()).getLong("id"));
    await(again.call(new JsonObject().put("_", "updates.getState")));
    assertEquals(signIns, e2e.dc.stats().executions("auth.signIn"), "no new login after reopen");
    await(again.close());
  }

  @Test
  void phoneSignUpSurvivesRestartThenTwoFactorLogin() {
    String phone = E2e.newPhone(5);
    Vertigram first = await(Vertigram.open(e2e.vertx, "phone", e2e.settings(dir.resolve("a"))));
    await(first.phoneLogin(phone));
    await(first.close());

    Vertigram a = await(Vertigram.open(e2e.vertx, "phone", e2e.settings(dir.resolve("a"))));
    assertEquals("code", await(a.loginStep()));
    assertEquals("auth.authorizationSignUpRequired", await(a.completePhoneLogin(E2e.code(phone))).getString("_"));
    assertEquals("signup", await(a.loginStep()));
    JsonObject user = await(a.completeSignup("Ada", "Lovelace"));
    assertEquals("Ada", user.getString("first_name"));
    assertNull(await(a.loginStep()));
    setPassword(a, "correct horse");
    await(a.close());

    Vertigram b = await(Vertigram.open(e2e.vertx, "phone", e2e.settings(dir.resolve("b"))));
    await(b.phoneLogin(phone));
    assertEquals("account.password", await(b.completePhoneLogin(E2e.code(phone))).getString("_"));
    RpcException wrong = assertInstanceOf(RpcException.class, failure(b.complete2faLogin("wrong")));
    assertEquals("PASSWORD_HASH_INVALID", wrong.errorMessage());
    assertEquals("password", await(b.loginStep()));
    assertEquals(user.getLong("id"), await(b.complete2faLogin("correct horse")).getLong("id"));
    assertEquals(user.getLong("id"), await(b.start()).getLong("id"));
    await(b.close());
  }

  @Test
  void logoutForgetsTheSession() {
    Vertigram tg = e2e.newUser(dir, "Logout", null);
    await(tg.logout());
    assertNull(await(tg.loginStep()));
    assertTrue(failure(tg.start()).getMessage().contains("not logged in"));
    await(tg.close());
    Vertigram reopened = await(Vertigram.open(e2e.vertx, "logout", e2e.settings(dir)));
    assertTrue(failure(reopened.start()).getMessage().contains("not logged in"));
    await(reopened.close());
  }

  /** Sets a 2FA password (account.updatePasswordSettings) on a session without one. */
  static void setPassword(Vertigram tg, String password) {
    JsonObject info = await(tg.call(new JsonObject().put("_", "account.getPassword")));
    JsonObject algo = info.getJsonObject("new_algo");
    byte[] verifier = Srp.verifier(password.getBytes(StandardCharsets.UTF_8), algo.getBuffer("salt1").getBytes(),
        algo.getBuffer("salt2").getBytes(), algo.getInteger("g"), algo.getBuffer("p").getBytes());
    await(tg.call(new JsonObject().put("_", "account.updatePasswordSettings")
        .put("password", new JsonObject().put("_", "inputCheckPasswordEmpty"))
        .put("new_settings", new JsonObject().put("_", "account.passwordInputSettings").put("new_algo", algo)
            .put("new_password_hash", Buffer.buffer(verifier)).put("hint", "horse"))));
  }
}
