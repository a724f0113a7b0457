package dev.vertigram.peers;

import dev.vertigram.testing.Futures;
import dev.vertigram.storage.Slimming;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerDatabaseTest {

  private static final Vertx VERTX = Vertx.vertx();
  @TempDir
  Path dir;
  private final List<JsonObject> calls = new ArrayList<>();

  @AfterAll
  static void close() {
    VERTX.close();
  }

  private Store store(String name, Slimming slimming) {
    return await(Store.open(VERTX, new StoreOptions().setSession(name).setFolder(dir.resolve(name).toString())
        .setSlimming(slimming)));
  }

  private PeerDatabase db(Store store) {
    return await(PeerDatabase.load(store, call -> {
      calls.add(call);
      if (call.getString("_").equals("contacts.resolveUsername") && call.getString("username").equals("carol")) {
        return Future.succeededFuture(new JsonObject().put("_", "contacts.resolvedPeer")
            .put("peer", new JsonObject().put("_", "peerUser").put("user_id", 30L))
            .put("chats", new JsonArray()).put("users", new JsonArray().add(user(30, 303, "carol", false))));
      }
      if (call.getString("_").equals("users.getFullUser")) {
        return Future.succeededFuture(new JsonObject().put("_", "users.userFull").put("full_user",
            new JsonObject().put("_", "userFull").put("id", 10L).put("about", "hi")
                .put("settings", new JsonObject().put("_", "peerSettings"))
                .put("notify_settings", new JsonObject().put("_", "peerNotifySettings"))
                .put("common_chats_count", 0)).put("chats", new JsonArray())
            .put("users", new JsonArray()));
      }
      return Future.failedFuture("400 USERNAME_NOT_OCCUPIED");
    }));
  }

  static JsonObject user(long id, long hash, String username, boolean min) {
    JsonObject u = new JsonObject().put("_", "user").put("id", id).put("access_hash", hash).put("first_name", "U" + id);
    if (username != null) {
      u.put("username", username);
    }
    return min ? u.put("min", true) : u;
  }

  static JsonObject channel(long id, long hash, String username) {
    return new JsonObject().put("_", "channel").put("id", id).put("access_hash", hash).put("title", "C")
        .put("megagroup", true).put("username", username).put("date", 1)
        .put("photo", new JsonObject().put("_", "chatPhotoEmpty"));
  }

  /** A getHistory-like result: users/chats vectors, and a message from a min user in the channel. */
  static JsonObject result() {
    return new JsonObject().put("_", "messages.channelMessages")
        .put("messages", new JsonArray().add(new JsonObject().put("_", "message").put("id", 77)
            .put("peer_id", new JsonObject().put("_", "peerChannel").put("channel_id", 5L))
            .put("from_id", new JsonObject().put("_", "peerUser").put("user_id", 20L)).put("date", 1)
            .put("message", "x")))
        .put("chats", new JsonArray().add(channel(5, 505, "grp")))
        .put("users", new JsonArray().add(user(10, 101, "Alice", false)).add(user(20, 0, null, true)));
  }

  @Test
  void feedsAndResolvesEveryForm() {
    PeerDatabase db = db(store("a", new Slimming()));
    db.feed(result());
    db.selfId(10);
    assertEquals(3, db.size());
    long channel = -1000000000005L;
    assertEquals(10L, await(db.getId("@alice")));
    assertEquals(10L, await(db.getId("https://t.me/Alice")));
    assertEquals(10L, await(db.getId("tg://resolve?domain=alice")));
    assertEquals(channel, await(db.getId("t.me/c/5/77")));
    assertEquals(channel, await(db.getId("grp")));
    assertEquals(channel, await(db.getId(channel)));
    assertEquals(channel, await(db.getId(result().getJsonArray("messages").getJsonObject(0))));
    assertEquals(10L, await(db.getId("me")));
    assertEquals(-7L, await(db.getId("-7")));
    assertEquals("inputPeerSelf", await(db.inputPeer("self")).getString("_"));
    assertEquals(101L, await(db.inputPeer("@alice")).getLong("access_hash"));
    assertEquals("inputChannel", await(db.inputChannel(channel)).getString("_"));
    assertEquals(505L, await(db.inputChannel("@grp")).getLong("access_hash"));
    assertEquals("inputPeerChat", await(db.inputPeer(-7L)).getString("_"));
    assertEquals("user", await(db.getType(10L)));
    assertEquals("supergroup", await(db.getType(channel)));
    assertEquals("chat", await(db.getType(-1000L)), "a basic group never seen is still a chat");
    assertEquals(1000L, await(db.getInfo(-1000L)).getLong("chat_id"));
    JsonObject info = await(db.getInfo("@alice"));
    assertEquals("U10", info.getJsonObject("User").getString("first_name"));
    assertEquals("inputUser", info.getJsonObject("InputUser").getString("_"));
    assertEquals(30L, await(db.getId("@carol")));
    assertEquals(1, calls.size());
    assertEquals(303L, await(db.inputPeer(30L)).getLong("access_hash"));
  }

  @Test
  void minPeersGoThroughTheirMessageAndNeverReplaceFullOnes() {
    PeerDatabase db = db(store("b", new Slimming()));
    db.feed(result());
    JsonObject p = await(db.inputPeer(20L));
    assertEquals("inputPeerUserFromMessage", p.getString("_"));
    assertEquals(77, p.getInteger("msg_id"));
    assertEquals("inputPeerChannel", p.getJsonObject("peer").getString("_"));
    db.feed(new JsonObject().put("_", "x").put("users", new JsonArray().add(user(10, 999, "alice", true))));
    assertEquals(101L, await(db.inputPeer(10L)).getLong("access_hash"));
    db.feed(new JsonObject().put("users", new JsonArray().add(user(20, 202, null, false))));
    assertEquals("inputPeerUser", await(db.inputPeer(20L)).getString("_"));
  }

  @Test
  void unknownPeersFailWithTheExplanation() {
    PeerDatabase db = db(store("c", new Slimming()));
    Throwable e = failure(db.inputPeer(12345L));
    assertInstanceOf(PeerNotInDbException.class, e);
    assertTrue(e.getMessage().contains("access_hash"), e.getMessage());
    assertInstanceOf(PeerNotInDbException.class, failure(db.getId("@nobody_here")));
    assertInstanceOf(PeerNotInDbException.class, failure(db.getInfo("me")));
    assertInstanceOf(IllegalArgumentException.class, failure(db.getId("t.me/+abcdef")));
  }

  @Test
  void fullInfoIsCached() {
    PeerDatabase db = db(store("d", new Slimming()));
    db.feed(result());
    assertEquals("hi", await(db.getFullInfo(10L)).getJsonObject("full_user").getString("about"));
    assertEquals("hi", await(db.getFullInfo("@alice")).getJsonObject("full_user").getString("about"));
    assertEquals(1, calls.stream().filter(c -> c.getString("_").equals("users.getFullUser")).count());
  }

  @Test
  void persistsAcrossReopenAndHonoursSlimming() {
    Store store = store("e", new Slimming());
    db(store).feed(result());
    await(store.close());
    Store again = store("e", new Slimming());
    PeerDatabase db = db(again);
    assertEquals(3, db.size());
    assertEquals(10L, await(db.getId("@alice")));
    assertEquals("inputPeerUserFromMessage", await(db.inputPeer(20L)).getString("_"));
    await(again.close());

    Store slim = store("f", new Slimming().setPeerDb(Slimming.PeerDb.ACCESS_HASH_ONLY).setUsernameDb(false)
        .setMinDb(false));
    PeerDatabase s = db(slim);
    s.feed(result());
    assertFalse(await(s.getInfo(10L)).containsKey("User"));
    assertEquals(101L, await(s.inputPeer(10L)).getLong("access_hash"));
    assertInstanceOf(PeerNotInDbException.class, failure(s.inputPeer(20L)));
    assertInstanceOf(PeerNotInDbException.class, failure(s.getId("@alice"))); // no username db: resolve fails
    await(slim.close());
  }

  @Test
  void extractsUpdatesAndMessageIds() {
    JsonObject sent = new JsonObject().put("_", "updates").put("updates", new JsonArray()
        .add(new JsonObject().put("_", "updateMessageID").put("id", 9).put("random_id", 1L)));
    assertEquals(9, PeerDatabase.extractMessageId(sent));
    assertEquals(4, PeerDatabase.extractMessageId(new JsonObject().put("_", "updateShortSentMessage").put("id", 4)));
    assertEquals(1, PeerDatabase.extractUpdates(new JsonObject().put("_", "updateShort")
        .put("update", new JsonObject().put("_", "updateLoginToken"))).size());
    assertThrows(IllegalArgumentException.class, () -> PeerDatabase.extractMessageId(new JsonObject().put("_", "x")));
  }

  static <T> T await(Future<T> f) {
    return Futures.await(f);
  }

  static Throwable failure(Future<?> f) {
    return Futures.failure(f);
  }
}
