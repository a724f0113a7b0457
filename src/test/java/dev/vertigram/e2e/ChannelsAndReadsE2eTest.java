package dev.vertigram.e2e;

import dev.vertigram.client.Vertigram;
import dev.vertigram.updates.EventHandler;
import dev.vertigram.updates.Vertigrams;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import static dev.vertigram.e2e.E2e.await;
import static dev.vertigram.e2e.E2e.until;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Channel updates (seq 0, the account's seq left alone) and read receipts through the client's update loop: Carol and
 * Dan run {@link Recorder}s; Dan also has a second login ("dan2") that does the reading.
 */
class ChannelsAndReadsE2eTest {

  /** Records every update its session's loop delivers. */
  public static class Recorder extends EventHandler {
    static final Map<String, Queue<JsonObject>> SEEN = new ConcurrentHashMap<>();

    @Override
    protected void onAny(JsonObject update) {
      SEEN.computeIfAbsent(session(), k -> new ConcurrentLinkedQueue<>()).add(update);
    }
  }

  private final E2e e2e = E2e.get();
  @TempDir
  Path dir;
  private Vertigram carol;
  private Vertigram dan;
  private Vertigram dan2;
  private String suffix;
  private long danId;

  @BeforeEach
  void users() {
    Recorder.SEEN.clear();
    suffix = Long.toString(System.nanoTime() % 1_000_000);
    await(e2e.newUser(dir.resolve("c"), "Carol", "carol" + suffix).close());
    String phone = E2e.newPhone(7);
    Vertigram first = await(Vertigram.open(e2e.vertx, "dan", e2e.settings(dir.resolve("d"))));
    await(first.phoneLogin(phone));
    await(first.completePhoneLogin(E2e.code(phone)));
    danId = await(first.completeSignup("Dan", "")).getLong("id");
    await(first.call(q("account.updateUsername").put("username", "dan" + suffix)));
    await(first.close());
    dan2 = await(Vertigram.open(e2e.vertx, "dan2", e2e.settings(dir.resolve("d2"))));
    await(dan2.phoneLogin(phone));
    assertEquals(danId, await(dan2.completePhoneLogin(E2e.code(phone))).getLong("id"));
    carol = await(Vertigrams.startAndLoop(e2e.vertx, "carol", e2e.settings(dir.resolve("c")), Recorder.class));
    dan = await(Vertigrams.startAndLoop(e2e.vertx, "dan", e2e.settings(dir.resolve("d")), Recorder.class));
  }

  @AfterEach
  void close() {
    await(dan.close());
    await(carol.close());
    await(dan2.close());
  }

  private static JsonObject q(String method) {
    return new JsonObject().put("_", method);
  }

  private static int seq(Vertigram tg) {
    return await(tg.call(q("updates.getState"))).getInteger("seq");
  }

  /** The first update named {@code name} that {@code session}'s loop delivered (waits for it). */
  private static JsonObject seen(String session, String name, String text) {
    JsonObject[] found = new JsonObject[1];
    until(10_000, () -> {
      for (JsonObject u : Recorder.SEEN.getOrDefault(session, new ConcurrentLinkedQueue<>())) {
        if (name.equals(u.getString("_")) && (text == null
            || text.equals(u.getJsonObject("message", new JsonObject()).getString("message")))) {
          found[0] = u;
          return true;
        }
      }
      return false;
    }, name + " at " + session);
    return found[0];
  }

  @Test
  void channelMessagesLeaveSeqAloneAndReadsReachBothSides() {
    JsonObject created = await(carol.call(q("channels.createChannel").put("megagroup", true).put("title", "Club")
        .put("about", "")));
    JsonObject ch = created.getJsonArray("chats").getJsonObject(0);
    JsonObject channel = q("inputChannel").put("channel_id", ch.getLong("id"))
        .put("access_hash", ch.getLong("access_hash"));
    JsonObject danUser = await(carol.peers().getInfo("@dan" + suffix)).getJsonObject("InputUser");
    await(carol.call(q("channels.inviteToChannel").put("channel", channel).put("users", new JsonArray().add(danUser))));
    int carolSeq = seq(carol);
    int danSeq = seq(dan);
    long differences = e2e.dc.stats().executions("updates.getDifference");
    JsonObject peer = q("inputPeerChannel").put("channel_id", ch.getLong("id"))
        .put("access_hash", ch.getLong("access_hash"));
    for (int i = 0; i < 3; i++) {
      await(carol.call(q("messages.sendMessage").put("peer", peer).put("message", "post" + i)));
    }
    JsonObject last = seen("dan", "updateNewChannelMessage", "post2");
    seen("dan", "updateNewChannelMessage", "post0");
    assertEquals(carolSeq, seq(carol), "channel updates leave the sender's seq alone");
    assertEquals(danSeq, seq(dan), "and the member's");
    assertEquals(differences, e2e.dc.stats().executions("updates.getDifference"), "no gap seen in seq 0 updates");

    // a private message afterwards still arrives in seq order
    await(carol.call(q("messages.sendMessage").put("peer", "@dan" + suffix).put("message", "private one")));
    seen("dan", "updateNewMessage", "private one");
    await(carol.call(q("messages.sendMessage").put("peer", "@dan" + suffix).put("message", "private two")));
    seen("dan", "updateNewMessage", "private two");

    // Dan's second login reads: his looping session and Carol learn it
    JsonObject affected = await(dan2.call(q("messages.readHistory").put("peer", "@carol" + suffix).put("max_id", 0)));
    assertEquals(1, affected.getInteger("pts_count"), affected.encode());
    JsonObject inbox = seen("dan", "updateReadHistoryInbox", null);
    assertEquals(affected.getInteger("pts"), inbox.getInteger("pts"));
    assertEquals(0, inbox.getInteger("still_unread_count"));
    JsonObject outbox = seen("carol", "updateReadHistoryOutbox", null);
    assertEquals(danId, outbox.getJsonObject("peer").getLong("user_id"));
    JsonObject carolTop = await(carol.call(q("messages.getHistory").put("peer", "@dan" + suffix).put("offset_id", 0)
        .put("offset_date", 0).put("add_offset", 0).put("limit", 1).put("max_id", 0).put("min_id", 0)
        .put("hash", 0L))).getJsonArray("messages").getJsonObject(0);
    assertEquals("private two", carolTop.getString("message"));
    assertEquals(carolTop.getInteger("id"), outbox.getInteger("max_id"), "the id in Carol's box");

    JsonObject dialogs = await(dan2.call(q("messages.getDialogs").put("offset_date", 0).put("offset_id", 0)
        .put("offset_peer", q("inputPeerEmpty")).put("limit", 10).put("hash", 0L)));
    JsonObject forDan = dialogs.getJsonArray("chats").stream().map(JsonObject.class::cast)
        .filter(c -> c.getLong("id").equals(ch.getLong("id"))).findFirst().orElseThrow();
    JsonObject danChannel = q("inputChannel").put("channel_id", ch.getLong("id"))
        .put("access_hash", forDan.getLong("access_hash"));
    int lastId = last.getJsonObject("message").getInteger("id");
    assertEquals("boolTrue", await(dan2.call(q("channels.readHistory").put("channel", danChannel)
        .put("max_id", lastId))).getString("_"));
    assertEquals(lastId, seen("dan", "updateReadChannelInbox", null).getInteger("max_id"));
    assertEquals(lastId, seen("carol", "updateReadChannelOutbox", null).getInteger("max_id"));
  }
}
