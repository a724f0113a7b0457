package dev.vertigram.localdc;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.vertigram.localdc.FilesTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A basic group holds at most chat_size_max members (200, as help.getConfig says): then USERS_TOO_MUCH. */
class ChatSizeTest {

  private final Vertx vertx = Vertx.vertx();
  private LocalDc dc;

  @AfterEach
  void tearDown() throws Exception {
    dc.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static JsonObject q(String method) {
    return new JsonObject().put("_", method);
  }

  @Test
  void groupsStopAtChatSizeMax() throws Exception {
    int max = 200;
    JsonArray accounts = new JsonArray();
    for (int i = 0; i < max; i++) {
      accounts.add(new JsonObject().put("bot_token", (900_000_000L + i) + ":members3cret").put("home_dc", 1)
          .put("username", "member" + i + "_bot"));
    }
    dc = LocalDc.start(vertx, new LocalDcOptions().ephemeralPorts(1).accounts(accounts))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    TestSession host = TestSession.create(TestConnection.open(vertx, dc.endpoints().get(0)), dc, 1);
    WorldTest.signUp(host, "Host");
    assertEquals(max, host.call(q("help.getConfig")).getInteger("chat_size_max"));
    List<Long> calls = new ArrayList<>();
    for (int i = 0; i < max; i++) {
      calls.add(host.send(q("contacts.resolveUsername").put("username", "member" + i + "_bot")));
    }
    JsonArray users = new JsonArray();
    for (long call : calls) {
      JsonObject u = host.result(call).body().getJsonObject("result").getJsonArray("users").getJsonObject(0);
      users.add(q("inputUser").put("user_id", u.getLong("id")).put("access_hash", u.getLong("access_hash")));
    }
    error(host.call(q("messages.createChat").put("users", users).put("title", "Crowd")), 400, "USERS_TOO_MUCH");
    JsonObject last = users.getJsonObject(max - 1);
    users.remove(max - 1);
    JsonObject created = host.call(q("messages.createChat").put("users", users).put("title", "Crowd"));
    long chatId = created.getJsonObject("updates").getJsonArray("chats").getJsonObject(0).getLong("id");
    assertEquals(max, host.call(q("messages.getFullChat").put("chat_id", chatId)).getJsonObject("full_chat")
        .getJsonObject("participants").getJsonArray("participants").size());
    error(host.call(q("messages.addChatUser").put("chat_id", chatId).put("user_id", last).put("fwd_limit", 0)), 400,
        "USERS_TOO_MUCH");
  }
}
