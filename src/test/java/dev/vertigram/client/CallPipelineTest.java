package dev.vertigram.client;

import dev.vertigram.peers.PeerDatabase;
import dev.vertigram.storage.Store;
import dev.vertigram.storage.StoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.vertigram.client.LocalDcFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallPipelineTest {

  private static final Vertx VERTX = Vertx.vertx();
  @TempDir
  Path dir;

  @AfterAll
  static void close() {
    VERTX.close();
  }

  @Test
  void resolvesPeersParsesAndSplitsInOrder() {
    Store store = await(Store.open(VERTX, new StoreOptions().setSession("p").setFolder(dir.toString())));
    PeerDatabase peers = await(PeerDatabase.load(store, m -> Future.failedFuture("offline")));
    peers.feed(new JsonObject().put("users", new JsonArray().add(new JsonObject().put("_", "user").put("id", 10L)
        .put("access_hash", 101L).put("username", "alice"))));
    List<JsonObject> sent = new ArrayList<>();
    List<String> queues = new ArrayList<>();
    CallPipeline pipeline = new CallPipeline(peers, (m, o) -> {
      sent.add(m);
      queues.add(o.queueId());
      return Future.succeededFuture(new JsonObject().put("_", "updateShortSentMessage").put("id", sent.size()));
    });
    JsonObject r = await(pipeline.call(new JsonObject().put("_", "messages.sendMessage").put("peer", "@alice")
        .put("message", "<b>hi</b> there").put("parse_mode", "HTML"), CallOptions.DEFAULT));
    assertEquals(1, PeerDatabase.extractMessageId(r));
    JsonObject m = sent.get(0);
    assertEquals("inputPeerUser", m.getJsonObject("peer").getString("_"));
    assertEquals("hi there", m.getString("message"));
    assertEquals("messageEntityBold", m.getJsonArray("entities").getJsonObject(0).getString("_"));
    assertNotNull(m.getLong("random_id"));
    assertTrue(!m.containsKey("parse_mode"));

    sent.clear();
    queues.clear();
    String longText = "word ".repeat(2000);
    await(pipeline.call(new JsonObject().put("_", "messages.sendMessage").put("peer", 10L).put("message", longText),
        CallOptions.DEFAULT));
    assertEquals(3, sent.size());
    assertEquals(longText.strip(), String.join(" ", sent.stream().map(s -> s.getString("message").strip())
        .toList()));
    assertEquals(1, queues.stream().distinct().count());
    assertNotNull(queues.get(0));
    assertEquals(3, sent.stream().map(s -> s.getLong("random_id")).distinct().count());

    sent.clear();
    await(pipeline.call(new JsonObject().put("_", "users.getUsers").put("id", new JsonArray().add("@alice")
        .add("me")), CallOptions.DEFAULT));
    assertEquals("inputUser", sent.get(0).getJsonArray("id").getJsonObject(0).getString("_"));
    assertEquals("inputUserSelf", sent.get(0).getJsonArray("id").getJsonObject(1).getString("_"));
    await(store.close());
  }
}
