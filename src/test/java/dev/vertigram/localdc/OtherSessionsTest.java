package dev.vertigram.localdc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** chatForbidden for chats the viewer is not in, and what the actor's other sessions learn (reads, edits, deletes). */
class OtherSessionsTest extends LocalDcTestBase {

  private static void error(JsonObject result, int code, String message) {
    assertEquals("rpc_error", result.getString("_"), result.encode());
    assertEquals(code, result.getInteger("error_code"), result.encode());
    assertEquals(message, result.getString("error_message"));
  }

  private static JsonObject update(TestSession s, String name) throws Exception {
    JsonObject u = s.await(r -> "updates".equals(r.name()) && r.body().getJsonArray("updates").stream()
        .anyMatch(x -> name.equals(((JsonObject) x).getString("_")))).body();
    return u.getJsonArray("updates").stream().map(JsonObject.class::cast).filter(x -> name.equals(x.getString("_")))
        .findFirst().orElseThrow();
  }

  /** A second session of {@code s}'s account, registered for its updates. */
  private TestSession otherSession(TestSession s) throws Exception {
    TestSession other = s.sibling(connect());
    other.sessionId = s.sessionId + 1;
    assertEquals("updates.state", other.call(q("updates.getState")).getString("_"));
    return other;
  }

  @Test
  void getChatsOfAChatTheUserIsNotInIsChatForbidden() throws Exception {
    TestSession a = session();
    TestSession b = session();
    TestSession c = session();
    WorldTest.signUp(a, "Owner");
    JsonObject ub = WorldTest.signUp(b, "Member");
    WorldTest.signUp(c, "Stranger");
    JsonObject ben = MediaMessagesTest.inputPeerOf(a, b, ub);
    JsonObject created = a.call(q("messages.createChat").put("users", new JsonArray().add(q("inputUser")
        .put("user_id", ben.getLong("user_id")).put("access_hash", ben.getLong("access_hash")))).put("title", "Club"));
    long chatId = created.getJsonObject("updates").getJsonArray("chats").getJsonObject(0).getLong("id");
    JsonObject forbidden = c.call(q("messages.getChats").put("id", new JsonArray().add(chatId)))
        .getJsonArray("chats").getJsonObject(0);
    assertEquals("chatForbidden", forbidden.getString("_"), forbidden.encode());
    assertEquals(chatId, forbidden.getLong("id"));
    assertEquals("Club", forbidden.getString("title"));
    assertEquals("chat", b.call(q("messages.getChats").put("id", new JsonArray().add(chatId))).getJsonArray("chats")
        .getJsonObject(0).getString("_"));
    error(c.call(q("messages.getChats").put("id", new JsonArray().add(987654321L))), 400, "CHAT_ID_INVALID");
  }

  @Test
  void readsEditsAndDeletesReachTheActorsOtherSessions() throws Exception {
    TestSession a = session();
    TestSession b = session();
    WorldTest.signUp(a, "Writer");
    JsonObject ub = WorldTest.signUp(b, "Reader");
    TestSession b2 = otherSession(b);
    TestSession a2 = otherSession(a);

    // channels.readHistory: updateReadChannelInbox to the reader's other session
    JsonObject created = a.call(q("channels.createChannel").put("megagroup", true).put("title", "Room")
        .put("about", ""));
    JsonObject ch = created.getJsonArray("chats").getJsonObject(0);
    JsonObject inputChannel = q("inputChannel").put("channel_id", ch.getLong("id"))
        .put("access_hash", ch.getLong("access_hash"));
    JsonObject ben = MediaMessagesTest.inputPeerOf(a, b, ub);
    a.call(q("channels.inviteToChannel").put("channel", inputChannel).put("users", new JsonArray().add(
        q("inputUser").put("user_id", ben.getLong("user_id")).put("access_hash", ben.getLong("access_hash")))));
    JsonObject chForB = b.await(r -> "updates".equals(r.name()) && r.body().getJsonArray("chats").size() > 0)
        .body().getJsonArray("chats").getJsonObject(0);
    JsonObject bChannel = q("inputChannel").put("channel_id", chForB.getLong("id"))
        .put("access_hash", chForB.getLong("access_hash"));
    a.call(q("messages.sendMessage").put("peer", q("inputPeerChannel").put("channel_id", ch.getLong("id"))
        .put("access_hash", ch.getLong("access_hash"))).put("message", "one").put("random_id", 1L));
    a.call(q("messages.sendMessage").put("peer", q("inputPeerChannel").put("channel_id", ch.getLong("id"))
        .put("access_hash", ch.getLong("access_hash"))).put("message", "two").put("random_id", 2L));
    JsonObject second = update(b, "updateNewChannelMessage");
    second = second.getJsonObject("message").getString("message").equals("two") ? second
        : update(b, "updateNewChannelMessage");
    int firstId = second.getJsonObject("message").getInteger("id") - 1;
    assertEquals("boolTrue", b.call(q("channels.readHistory").put("channel", bChannel).put("max_id", firstId))
        .getString("_"));
    JsonObject read = update(b2, "updateReadChannelInbox");
    assertEquals(ch.getLong("id"), read.getLong("channel_id"));
    assertEquals(firstId, read.getInteger("max_id"));
    assertEquals(1, read.getInteger("still_unread_count"));

    // private edit and delete: the writer's other session sees both
    JsonObject sent = a.call(q("messages.sendMessage").put("peer", ben).put("message", "draft").put("random_id", 3L));
    int id = sent.getInteger("id");
    a.call(q("messages.editMessage").put("peer", ben).put("id", id).put("message", "final"));
    JsonObject edit = update(a2, "updateEditMessage");
    assertEquals("final", edit.getJsonObject("message").getString("message"));
    assertEquals(id, edit.getJsonObject("message").getInteger("id"));
    JsonObject deleted = a.call(q("messages.deleteMessages").put("revoke", true).put("id", new JsonArray().add(id)));
    assertEquals(1, deleted.getInteger("pts_count"));
    JsonObject del = update(a2, "updateDeleteMessages");
    assertEquals(new JsonArray().add(id), del.getJsonArray("messages"));
    assertEquals(deleted.getInteger("pts"), del.getInteger("pts"));
    update(b, "updateDeleteMessages");
  }
}
