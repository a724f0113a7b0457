package dev.vertigram.e2e;

import dev.vertigram.app.ChatDemoVerticle;
import dev.vertigram.app.MainVerticle;
import dev.vertigram.client.Settings;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.vertigram.e2e.E2e.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main job: conf/config.json's embedded Local DC with the chat demo, where the example bot answers the user and
 * the user's file comes back byte-exact.
 */
class MainJobE2eTest {

  @TempDir
  Path dir;

  @Test
  void theExampleBotAnswersTheUser() throws Exception {
    JsonObject config = new JsonObject(Files.readString(Path.of("conf/config.json")));
    assertTrue(config.containsKey("chat"), "conf/config.json runs the chat demo");
    JsonObject ports = new JsonObject();
    for (int dc = 1; dc <= 5; dc++) {
      ports.put(String.valueOf(dc), 0);
    }
    config.getJsonObject("localdc").put("ports", ports).put("stateDir", dir.toString());
    config.remove("demo");
    Vertx vertx = Vertx.vertx();
    try {
      Promise<JsonObject> done = Promise.promise();
      vertx.eventBus().<JsonObject>consumer(ChatDemoVerticle.DONE_ADDRESS, m -> done.tryComplete(m.body()));
      await(vertx.deployVerticle(new MainVerticle(), new DeploymentOptions().setConfig(config)));
      JsonObject summary = await(done.future());
      JsonArray replies = summary.getJsonArray("replies");
      assertEquals(new JsonObject().put("bytes", 8 << 20).put("byteExact", true), summary.getJsonObject("file"));
      assertTrue(replies.getString(0).startsWith("Hello!"), replies.encode());
      assertEquals("hello from the user", replies.getString(1));
      assertEquals("You said: hi bot", replies.getString(2));
    } finally {
      await(vertx.close());
    }
  }

  @Test
  void theRealTelegramExampleMapsOntoSettings() throws Exception {
    JsonObject sessions = new JsonObject(Files.readString(Path.of("conf/telegram.example.json")))
        .getJsonObject("bots").getJsonObject("sessions");
    assertEquals("123456:ABC-DEF_your_token_from_BotFather",
        new Settings(sessions.getJsonObject("mybot")).botToken());
    Settings user = new Settings(sessions.getJsonObject("myuser"));
    assertEquals("+15551234567", user.phone());
    assertEquals(12345, user.client().apiId());
  }
}
