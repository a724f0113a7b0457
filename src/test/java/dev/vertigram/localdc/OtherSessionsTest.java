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
    // the reader's own message after "two" is not unread for them
    b.call(q("messages.sendMessage").put("peer", q("inputPeerChannel").put("channel_id", chForB.getLong("id"))
        .put("access_hash", chForB.getLong("access_hash"))).put("message", "mine").put("random_id", 4L));
    assertEquals("boolTrue", b.call(q("channels.readHistory").put("channel", bChannel).put("max_id", firstId))
        .getString("_"));
    JsonObject read = update(b2, "updateReadChannelInbox");
    assertEquals(ch.getLong("id"), read.getLong("channel_id"));
    assertEquals(firstId, read.getInteger("max_id"));
    assertEquals(1, read.getInteger("still_unread_count"), "only \"two\" is unread: \"mine\" is the reader's own");
    JsonObject outbox = update(a, "updateReadChannelOutbox");
    assertEquals(ch.getLong("id"), outbox.getLong("channel_id"));
    assertEquals(firstId, outbox.getInteger("max_id"));
    assertEquals("boolTrue", b.call(q("channels.readHistory").put("channel", bChannel).put("max_id", firstId))
        .getString("_"), "reading nothing new");

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

  @Test
  void privateReadHistoryReachesTheReadersSessionsAndTheSender() throws Exception {
    TestSession a = session();
    TestSession b = session();
    WorldTest.signUp(a, "Sender");
    JsonObject ub = WorldTest.signUp(b, "Receiver");
    JsonObject ben = MediaMessagesTest.inputPeerOf(a, b, ub);
    TestSession b2 = otherSession(b);
    int first = a.call(q("messages.sendMessage").put("peer", ben).put("message", "one").put("random_id", 11L))
        .getInteger("id");
    a.call(q("messages.sendMessage").put("peer", ben).put("message", "two").put("random_id", 12L));
    // the first message from someone Bob never met comes with her user object
    JsonObject alice = b.await(r -> "updates".equals(r.name())).body().getJsonArray("users").getJsonObject(0);
    JsonObject alicePeer = q("inputPeerUser").put("user_id", alice.getLong("id"))
        .put("access_hash", alice.getLong("access_hash"));
    JsonObject history = b.call(q("messages.getHistory").put("peer", alicePeer).put("offset_id", 0)
        .put("offset_date", 0).put("add_offset", 0).put("limit", 10).put("max_id", 0).put("min_id", 0).put("hash", 0L));
    int bobFirst = history.getJsonArray("messages").getJsonObject(1).getInteger("id");

    JsonObject affected = b.call(q("messages.readHistory").put("peer", alicePeer).put("max_id", bobFirst));
    assertEquals(1, affected.getInteger("pts_count"), affected.encode());
    JsonObject inbox = update(b2, "updateReadHistoryInbox");
    assertEquals(bobFirst, inbox.getInteger("max_id"));
    assertEquals(1, inbox.getInteger("still_unread_count"));
    assertEquals(affected.getInteger("pts"), inbox.getInteger("pts"));
    JsonObject outbox = update(a, "updateReadHistoryOutbox");
    assertEquals(first, outbox.getInteger("max_id"), "the id of the sender's own copy");
    assertEquals(ub.getLong("id"), outbox.getJsonObject("peer").getLong("user_id"));

    JsonObject again = b.call(q("messages.readHistory").put("peer", alicePeer).put("max_id", bobFirst));
    assertEquals(0, again.getInteger("pts_count"), "reading nothing new: " + again.encode());
    JsonObject all = b.call(q("messages.readHistory").put("peer", alicePeer).put("max_id", 0));
    assertEquals(all.getInteger("pts"), update(b2, "updateReadHistoryInbox").getInteger("pts"));
    assertEquals(first + 1, update(a, "updateReadHistoryOutbox").getInteger("max_id"));
  }

  @Test
  void invokeWithoutUpdatesDoesNotSubscribeAPlainCallDoes() throws Exception {
    TestSession a = session();
    TestSession b = session();
    WorldTest.signUp(a, "Talker");
    JsonObject ub = WorldTest.signUp(b, "Listener");
    JsonObject ben = MediaMessagesTest.inputPeerOf(a, b, ub);
    TestSession files = b.sibling(connect());
    files.sessionId = b.sessionId + 7;
    // a file connection: every call wrapped, an upload.* call too
    assertEquals("updates.state", files.call(q("invokeWithoutUpdates").put("query", q("updates.getState")))
        .getString("_"));
    assertEquals("boolTrue", files.call(q("upload.saveFilePart").put("file_id", 5L).put("file_part", 0)
        .put("bytes", io.vertx.core.buffer.Buffer.buffer("x"))).getString("_"));
    b.call(q("updates.getState"));
    a.call(q("messages.sendMessage").put("peer", ben).put("message", "not for files").put("random_id", 21L));
    b.await(r -> "not for files".equals(r.body().getString("message")) || "updates".equals(r.name()));
    files.send(q("ping").put("ping_id", 1L));
    files.await("pong"); // comes after anything pushed to this session before it
    assertEquals(0, files.pending().stream().filter(r -> r.name().startsWith("update")).count(),
        "no update on the unsubscribed session: " + files.pending());

    assertEquals("updates.state", files.call(q("updates.getState")).getString("_"));
    a.call(q("messages.sendMessage").put("peer", ben).put("message", "now subscribed").put("random_id", 22L));
    files.await(r -> "now subscribed".equals(r.body().getString("message")) || "updates".equals(r.name()));
  }
}
