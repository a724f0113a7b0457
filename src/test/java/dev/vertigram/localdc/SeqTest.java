package dev.vertigram.localdc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** seq on {@code updates} call results (the account's next seq, shared with the caller's other sessions) and order. */
class SeqTest extends LocalDcTestBase {

  private static final String TEXT = "text/plain";

  private static JsonObject uploaded(TestSession s, long fileId) throws Exception {
    assertEquals("boolTrue", s.call(q("upload.saveFilePart").put("file_id", fileId).put("file_part", 0)
        .put("bytes", io.vertx.core.buffer.Buffer.buffer("doc " + fileId))).getString("_"));
    return q("inputFile").put("id", fileId).put("parts", 1).put("name", "d.txt").put("md5_checksum", "");
  }

  private static int seqOf(TestSession s) throws Exception {
    return s.call(q("updates.getState")).getInteger("seq");
  }

  /** The next {@code updates} / {@code updatesCombined} pushed to {@code s}. */
  private static JsonObject nextUpdates(TestSession s) throws Exception {
    return s.await(r -> "updates".equals(r.name()) || "updatesCombined".equals(r.name())).body();
  }

  @Test
  void callResultsTakeTheAccountsNextSeqAndReachOtherSessions() throws Exception {
    TestSession a = session();
    TestSession b = session();
    JsonObject ua = WorldTest.signUp(a, "Ann");
    JsonObject ub = WorldTest.signUp(b, "Ben");
    TestSession a2 = a.sibling(connect());
    a2.sessionId = a.sessionId + 1;
    int seq0 = seqOf(a2); // registers a2 as a receiver of Ann's updates
    JsonObject ben = MediaMessagesTest.inputPeerOf(a, b, ub);
    JsonObject benUser = q("inputUser").put("user_id", ben.getLong("user_id")).put("access_hash",
        ben.getLong("access_hash"));

    JsonObject created = a.call(q("messages.createChat").put("users", new JsonArray().add(benUser)).put("title", "S"));
    int s1 = created.getJsonObject("updates").getInteger("seq");
    assertEquals(seq0 + 1, s1, created.encode());
    assertEquals(s1, nextUpdates(a2).getInteger("seq"));

    JsonObject media = a.call(MediaMessagesTest.sendDocument(ben, uploaded(a, 91L), "file", 501L));
    assertEquals("updates", media.getString("_"), media.encode());
    assertEquals(s1 + 1, media.getInteger("seq"));
    JsonObject atA2 = nextUpdates(a2);
    assertEquals(s1 + 1, atA2.getInteger("seq"), atA2.encode());

    int msgId = media.getJsonArray("updates").stream().map(JsonObject.class::cast)
        .filter(u -> "updateNewMessage".equals(u.getString("_"))).findFirst().orElseThrow()
        .getJsonObject("message").getInteger("id");
    JsonObject fwd = a.call(q("messages.forwardMessages").put("from_peer", ben).put("id", new JsonArray().add(msgId))
        .put("random_id", new JsonArray().add(502L)).put("to_peer", ben));
    assertEquals(s1 + 2, fwd.getInteger("seq"), fwd.encode());
    assertEquals(s1 + 2, nextUpdates(a2).getInteger("seq"));
    assertEquals(s1 + 2, seqOf(a));
    assertTrue(ua.getLong("id") > 0);
  }

  @Test
  void concurrentDeliveriesToOneAccountKeepSeqOrder() throws Exception {
    TestSession a = session();
    JsonObject ua = WorldTest.signUp(a, "Target");
    int seq0 = seqOf(a);
    List<TestSession> senders = new ArrayList<>();
    List<JsonObject> peers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      TestSession s = session();
      WorldTest.signUp(s, "Sender" + i);
      senders.add(s);
      peers.add(MediaMessagesTest.inputPeerOf(s, a, ua));
    }
    int base = seqOf(a);
    assertTrue(base >= seq0);
    int rounds = 5;
    List<JsonObject> files = new ArrayList<>();
    for (int i = 0; i < senders.size(); i++) {
      for (int r = 0; r < rounds; r++) {
        files.add(uploaded(senders.get(i), 1000L + i * 100 + r));
      }
    }
    // every sender fires its media messages without waiting: the pushes to Ann interleave
    List<Long> calls = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < senders.size(); i++) {
        calls.add(senders.get(i).send(MediaMessagesTest.sendDocument(peers.get(i), files.get(i * rounds + r), "m",
            7000L + i * 100 + r)));
      }
    }
    int expected = base;
    for (int n = 0; n < rounds * senders.size(); n++) {
      JsonObject u = nextUpdates(a);
      int start = u.getInteger("seq_start", u.getInteger("seq"));
      assertEquals(expected + 1, start, "seq order at push " + n + ": " + u.encode());
      expected = u.getInteger("seq");
    }
    assertEquals(expected, seqOf(a));
    for (int i = 0; i < calls.size(); i++) {
      TestSession s = senders.get(i % senders.size());
      assertEquals("updates", s.result(calls.get(i)).body().getJsonObject("result").getString("_"));
    }
  }

  @Test
  void channelOnlyUpdatesHaveSeqZeroAndLeaveTheAccountSeqAlone() throws Exception {
    TestSession a = session();
    TestSession b = session();
    WorldTest.signUp(a, "Host");
    JsonObject ub = WorldTest.signUp(b, "Guest");
    TestSession a2 = a.sibling(connect());
    a2.sessionId = a.sessionId + 1;
    JsonObject ben = MediaMessagesTest.inputPeerOf(a, b, ub);
    int seqA = seqOf(a2); // registers a2
    int seqB = seqOf(b);

    JsonObject created = a.call(q("channels.createChannel").put("megagroup", true).put("title", "Seq0")
        .put("about", ""));
    assertEquals(0, created.getInteger("seq"), created.encode());
    assertEquals(0, nextUpdates(a2).getInteger("seq"), "the creator's other session gets the result, seq 0");
    JsonObject ch = created.getJsonArray("chats").getJsonObject(0);
    JsonObject channel = q("inputChannel").put("channel_id", ch.getLong("id"))
        .put("access_hash", ch.getLong("access_hash"));
    JsonObject invited = a.call(q("channels.inviteToChannel").put("channel", channel).put("users", new JsonArray()
        .add(q("inputUser").put("user_id", ben.getLong("user_id")).put("access_hash", ben.getLong("access_hash")))));
    assertEquals(0, invited.getJsonObject("updates").getInteger("seq"), invited.encode());
    assertEquals(0, nextUpdates(b).getInteger("seq"), "updateChannel to the invitee");
    JsonObject peer = q("inputPeerChannel").put("channel_id", ch.getLong("id"))
        .put("access_hash", ch.getLong("access_hash"));
    JsonObject sent = a.call(q("messages.sendMessage").put("peer", peer).put("message", "in channel")
        .put("random_id", 77L));
    assertEquals(0, sent.getInteger("seq"), sent.encode());
    JsonObject atB = nextUpdates(b);
    assertEquals("updateNewChannelMessage", atB.getJsonArray("updates").getJsonObject(0).getString("_"));
    assertEquals(0, atB.getInteger("seq"), atB.encode());
    assertEquals(0, nextUpdates(a2).getInteger("seq"));

    assertEquals(seqA, seqOf(a), "channel updates leave the creator's seq alone");
    assertEquals(seqB, seqOf(b), "and the member's");
    // a private message still takes the next seq
    JsonObject media = a.call(MediaMessagesTest.sendDocument(ben, uploaded(a, 92L), "file", 78L));
    assertEquals(seqA + 1, media.getInteger("seq"), media.encode());
  }
}
