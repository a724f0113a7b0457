package dev.vertigram.e2e;

import static dev.vertigram.e2e.E2e.await;
import static dev.vertigram.e2e.E2e.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vertigram.client.Vertigram;
import dev.vertigram.peers.PeerNotInDbException;
import dev.vertigram.updates.Vertigrams;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Updates and session state end to end: {@code @Persistent} fields of an EventHandler across a restart of its
 * session (with messages sent while it was down: none lost, none twice), a forwarded batch (one pushed Updates of
 * many messages) dropped whole by the Local DC and recovered, a followed channel's post found by polling when its push
 * was dropped, and {@code peer.cacheAllPeersOnStartup} filling a new session's peer database with 250 peers through
 * three pages of messages.getDialogs.
 */
class UpdatesDeliveryE2eTest {

  private final E2e e2e = E2e.get();
  @TempDir
  Path dir;

  private Vertigram startTally(String session) {
    return await(Vertigrams.startAndLoop(e2e.vertx, session, e2e.settings(dir.resolve(session)), Tally.class));
  }

  private static void send(Vertigram from, String to, String text) {
    await(from.call(new JsonObject().put("_", "messages.sendMessage").put("peer", to).put("message", text)));
  }

  @Test
  void persistentFieldsSurviveARestartAndNothingIsLostOrRepeated() {
    String suffix = Long.toString(System.nanoTime() % 1_000_000);
    Vertigram a = e2e.newUser(dir.resolve("a"), "Sender", null);
    await(e2e.newUser(dir.resolve("tally"), "Tally", "tally" + suffix).close());
    Vertigram b = startTally("tally");
    assertEquals(0, Tally.countAtStart);
    send(a, "@tally" + suffix, "one");
    send(a, "@tally" + suffix, "two");
    until(10_000, () -> Tally.current.textsNow().size() == 2, "two texts");
    await(b.close());

    send(a, "@tally" + suffix, "three"); // while the handler's session is down
    b = startTally("tally");
    assertEquals(2, Tally.countAtStart, "the count was loaded before onStart");
    until(10_000, () -> Tally.current.textsNow().size() >= 3, "the text sent while down");
    send(a, "@tally" + suffix, "four");
    until(10_000, () -> Tally.current.textsNow().size() >= 4, "a fourth text");
    assertEquals(new JsonArray().add("one").add("two").add("three").add("four"), Tally.current.textsNow());
    assertEquals(4, Tally.current.count);
    assertEquals("four", Tally.current.last);
    await(b.close());
    await(a.close());
  }

  @Test
  void aForwardedBatchDroppedWholeIsRecoveredOnce() {
    String suffix = Long.toString(System.nanoTime() % 1_000_000);
    Vertigram a = e2e.newUser(dir.resolve("a"), "Forwarder", null);
    await(e2e.newUser(dir.resolve("fwd"), "Receiver", "fwdrcv" + suffix).close());
    Vertigram b = startTally("fwd");
    JsonArray ids = new JsonArray();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      JsonObject sent = await(a.call(new JsonObject().put("_", "messages.sendMessage").put("peer", "me")
          .put("message", "saved " + i)));
      ids.add(sent.getInteger("id"));
      expected.add("saved " + i);
    }
    forward(a, ids, "@fwdrcv" + suffix);
    until(10_000, () -> Tally.current.textsNow().size() >= 30, "the first batch");
    long differences = e2e.dc.stats().executions("updates.getDifference");
    e2e.dc.faults().dropUpdates(1); // the whole second batch: one push
    forward(a, ids, "@fwdrcv" + suffix);
    forward(a, ids, "@fwdrcv" + suffix);
    until(10_000, () -> Tally.current.textsNow().size() >= 90, "three batches despite the dropped push");
    assertTrue(e2e.dc.stats().executions("updates.getDifference") > differences, "recovered by getDifference");
    List<Object> all = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      all.addAll(expected);
    }
    assertEquals(new JsonArray(all), Tally.current.textsNow(), "each forwarded message once, in order");
    await(b.close());
    await(a.close());
  }

  @Test
  void aFollowedChannelDeliversAPostWhosePushWasDropped() {
    String suffix = Long.toString(System.nanoTime() % 1_000_000);
    Vertigram a = e2e.newUser(dir.resolve("a"), "Admin", null);
    await(e2e.newUser(dir.resolve("member"), "Member", "member" + suffix).close());
    Vertigram b = startTally("member");
    JsonObject created = await(a.call(new JsonObject().put("_", "channels.createChannel").put("title", "followed")
        .put("about", "").put("megagroup", true)));
    long channelId = created.getJsonArray("chats").getJsonObject(0).getLong("id");
    await(a.call(new JsonObject().put("_", "channels.inviteToChannel").put("channel", "-100" + channelId)
        .put("users", new JsonArray().add("@member" + suffix))));
    send(a, "-100" + channelId, "pushed");
    until(10_000, () -> Tally.current.textsNow().size() == 1, "the pushed post");
    await(b.updates().followChannel(channelId));
    long polls = e2e.dc.stats().executions("updates.getChannelDifference");
    e2e.dc.faults().dropUpdates(2); // the post's pushes to both members: no later push reveals the gap
    send(a, "-100" + channelId, "polled");
    until(10_000, () -> Tally.current.textsNow().size() == 2, "the post whose push was dropped");
    assertEquals(new JsonArray().add("pushed").add("polled"), Tally.current.textsNow());
    assertTrue(e2e.dc.stats().executions("updates.getChannelDifference") > polls, "found by polling");
    b.updates().unfollowChannel(channelId);
    await(b.close());
    await(a.close());
  }

  private static void forward(Vertigram from, JsonArray ids, String to) {
    JsonArray randomIds = new JsonArray();
    ids.forEach(id -> randomIds.add(ThreadLocalRandom.current().nextLong()));
    await(from.call(new JsonObject().put("_", "messages.forwardMessages").put("from_peer", "me").put("to_peer", to)
        .put("id", ids).put("random_id", randomIds)));
  }

  @Test
  void cacheAllPeersOnStartupFillsThePeerDatabase() {
    String phone = E2e.newPhone(1);
    Vertigram owner = await(Vertigram.open(e2e.vertx, "owner", e2e.settings(dir.resolve("owner"))));
    await(owner.phoneLogin(phone));
    await(owner.completePhoneLogin(E2e.code(phone)));
    await(owner.completeSignup("Owner", ""));
    String ownerName = "owner" + System.nanoTime() % 1_000_000;
    await(owner.call(new JsonObject().put("_", "account.updateUsername").put("username", ownerName)));
    // 250 dialogs, newest first: three pages of getDialogs (100, 100, 50) with users, groups and channels mixed
    List<String> peers = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Vertigram user = e2e.newUser(dir.resolve("user" + i), "User" + i, null);
      send(user, "@" + ownerName, "hello");
      String id = Long.toString(user.peers().selfId());
      members.add(id);
      peers.add(id);
      titles.add(null);
      await(user.close());
    }
    for (int i = 0; peers.size() < 250; i++) {
      JsonObject group = await(owner.call(new JsonObject().put("_", "messages.createChat").put("title", "group " + i)
          .put("users", new JsonArray().add(members.get(i % members.size())))));
      peers.add("-" + group.getJsonObject("updates").getJsonArray("chats").getJsonObject(0).getLong("id"));
      titles.add("group " + i);
      JsonObject channel = await(owner.call(new JsonObject().put("_", "channels.createChannel")
          .put("title", "channel " + i).put("about", "")));
      peers.add("-100" + channel.getJsonArray("chats").getJsonObject(0).getLong("id"));
      titles.add("channel " + i);
    }
    await(owner.close());

    Vertigram plain = loginAgain("plain", phone, 0);
    for (String peer : List.of(peers.get(0), peers.get(5))) { // a user, a channel (basic groups need no hash)
      assertInstanceOf(PeerNotInDbException.class, E2e.failure(plain.peers().getInfo(peer)),
          "a new session knows no user or channel by its id alone: " + peer);
    }
    await(plain.close());

    Vertigram cached = loginAgain("cached", phone, 3);
    long dialogs = e2e.dc.stats().executions("messages.getDialogs");
    for (int i = 0; i < peers.size(); i++) {
      JsonObject info = await(cached.peers().getInfo(peers.get(i)));
      if (titles.get(i) != null) {
        assertEquals(titles.get(i), info.getJsonObject("Chat").getString("title"), peers.get(i));
      } else {
        assertEquals(Long.parseLong(peers.get(i)), info.getJsonObject("User").getLong("id"));
      }
    }
    assertEquals(dialogs, e2e.dc.stats().executions("messages.getDialogs"), "answered from the peer database");
    await(cached.close());
  }

  /**
   * A new session of the account of {@code phone}, logged in by code through start(), which pages through the
   * dialogs in {@code pages} getDialogs calls when it caches every peer (0: it does not).
   */
  private Vertigram loginAgain(String session, String phone, int pages) {
    Vertigram tg = await(Vertigram.open(e2e.vertx, session, e2e.settings(dir.resolve(session))
        .cacheAllPeersOnStartup(pages > 0)));
    await(tg.phoneLogin(phone));
    await(tg.completePhoneLogin(E2e.code(phone)));
    long before = e2e.dc.stats().executions("messages.getDialogs");
    await(tg.login());
    assertEquals(pages, e2e.dc.stats().executions("messages.getDialogs") - before,
        "getDialogs pages with cacheAllPeersOnStartup, none without");
    return tg;
  }
}
