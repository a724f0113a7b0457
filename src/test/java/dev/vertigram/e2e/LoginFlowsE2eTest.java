package dev.vertigram.e2e;

import static dev.vertigram.e2e.E2e.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vertigram.client.Vertigram;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive logins against the Local DC: on the console (answers read with the async readLine from a test
 * stream standing in for standard input: code, sign-up names; then phone, code, 2FA password in another session) and
 * by QR code (another logged-in session accepts the token; updateLoginToken wakes the client, which finishes).
 */
class LoginFlowsE2eTest {

  private final E2e e2e = E2e.get();
  private final InputStream stdin = System.in;
  @TempDir
  Path dir;

  @AfterEach
  void restoreStdin() {
    System.setIn(stdin);
  }

  private static void type(String... lines) {
    System.setIn(new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void consoleSignUpThenConsoleTwoFactorLogin() {
    String phone = E2e.newPhone(1);
    type(E2e.code(phone), "Console", "Person");
    Vertigram first = await(Vertigram.open(e2e.vertx, "console", e2e.settings(dir.resolve("a"))
        .phone(phone).interactive(true)));
    JsonObject user = await(first.start());
    assertEquals("Console", user.getString("first_name"));
    assertEquals("Person", user.getString("last_name"));
    assertNull(await(first.loginStep()));
    LoginE2eTest.setPassword(first, "s3cret");
    await(first.close());

    // no phone in the settings: the console asks for it, then the code, then the 2FA password (a wrong one first)
    type(phone, E2e.code(phone), "not it", "s3cret");
    Vertigram second = await(Vertigram.open(e2e.vertx, "console", e2e.settings(dir.resolve("b"))
        .interactive(true)));
    Future<JsonObject> started = second.start();
    Throwable wrong = E2e.failure(started);
    assertTrue(wrong.getMessage().contains("PASSWORD_HASH_INVALID"), wrong.getMessage());
    assertEquals("password", await(second.loginStep()), "the pending step survives the wrong password");
    assertEquals(user.getLong("id"), await(second.start()).getLong("id"), "the next start asks for it again");
    await(second.close());
  }

  @Test
  void qrLoginAcceptedByAnotherSession() throws Exception {
    Vertigram phoneSide = e2e.newUser(dir.resolve("phone"), "Qr", null);
    long id = await(phoneSide.start()).getLong("id");
    Vertigram desktop = await(Vertigram.open(e2e.vertx, "desktop", e2e.settings(dir.resolve("desktop"))));
    CompletableFuture<String> url = new CompletableFuture<>();
    Future<JsonObject> login = desktop.qrLogin(url::complete);
    String shown = url.get(10, TimeUnit.SECONDS);
    assertTrue(shown.startsWith("tg://login?token="), shown);
    byte[] token = Base64.getUrlDecoder().decode(shown.substring("tg://login?token=".length()));
    JsonObject accepted = await(phoneSide.call(new JsonObject().put("_", "auth.acceptLoginToken")
        .put("token", Buffer.buffer(token))));
    assertEquals("authorization", accepted.getString("_"));
    // well under the token's 30 s lifetime: woken by updateLoginToken, not by the token's expiry
    JsonObject self = login.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(id, self.getLong("id"), "the desktop is logged in as the accepting account");
    await(desktop.close());

    Vertigram reopened = await(Vertigram.open(e2e.vertx, "desktop", e2e.settings(dir.resolve("desktop"))));
    assertEquals(id, await(reopened.start()).getLong("id"), "the QR login persists with the session");
    await(reopened.close());
    await(phoneSide.close());
  }
}
