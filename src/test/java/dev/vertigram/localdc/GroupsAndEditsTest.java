package dev.vertigram.localdc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static dev.vertigram.localdc.FilesTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Basic groups, editMessage, forwardMessages, deleteMessages with revoke and channel message methods. */
class GroupsAndEditsTest extends LocalDcTestBase {

  private static JsonObject first(JsonObject updates, String name) {
    for (Object u : updates.getJsonArray("updates")) {
      if (name.equals(((JsonObject) u).getString("_"))) {
        return (JsonObject) u;
      }
    }
    throw new AssertionError(name + " not in " + updates.encode());
  }

  private static boolean has(TestSession.Received r, String update) {
    return "updates".equals(r.name()) && r.body().getJsonArray("updates").stream()
        .anyMatch(u -> update.equals(((JsonObject) u).getString("_")));
  }

  @Test
  void basicGroupEditForwardAndRevoke() throws Exception {
    TestSession a = session();
    TestSession b = session();
    WorldTest.signUp(a, "Ann");
    JsonObject ub = WorldTest.signUp(b, "Ben");
    JsonObject ben = MediaMessagesTest.inputPeerOf(a, b, ub);
    JsonObject benUser = q("inputUser").put("user_id", ben.getLong("user_id")).put("access_hash",
        ben.getLong("access_hash"));
    error(a.call(q("messages.createChat").put("users", new JsonArray()).put("title", "G")), 400, "USERS_TOO_FEW");
    JsonObject created = a.call(q("messages.createChat").put("users", new JsonArray().add(benUser)).put("title", "G"));
    assertEquals("messages.invitedUsers", created.getString("_"), created.encode());
    JsonObject action = first(created.getJsonObject("updates"), "updateNewMessage").getJsonObject("message")
        .getJsonObject("action");
    assertEquals("messageActionChatCreate", action.getString("_"));
    long chatId = created.getJsonObject("updates").getJsonArray("chats").getJsonObject(0).getLong("id");
    assertTrue(has(b.await(r -> has(r, "updateNewMessage")), "updateNewMessage"));
    JsonObject full = b.call(q("messages.getFullChat").put("chat_id", chatId));
    assertEquals(2, full.getJsonObject("full_chat").getJsonObject("participants").getJsonArray("participants").size());
    assertEquals("G", b.call(q("messages.getChats").put("id", new JsonArray().add(chatId))).getJsonArray("chats")
        .getJsonObject(0).getString("title"));
    error(a.call(q("messages.addChatUser").put("chat_id", chatId).put("user_id", benUser).put("fwd_limit", 0)), 400,
        "USER_ALREADY_PARTICIPANT");

    JsonObject group = q("inputPeerChat").put("chat_id", chatId);
    JsonObject sent = a.call(q("messages.sendMessage").put("peer", group).put("message", "v1").put("random_id", 1L));
    int id = sent.getInteger("id");
    JsonObject atB = b.await(r -> "updateShortChatMessage".equals(r.name())).body();
    error(a.call(q("messages.editMessage").put("peer", group).put("id", id).put("message", "v1")), 400,
        "MESSAGE_NOT_MODIFIED");
    error(b.call(q("messages.editMessage").put("peer", group).put("id", atB.getInteger("id")).put("message", "x")),
        403, "MESSAGE_AUTHOR_REQUIRED");
    JsonObject edited = a.call(q("messages.editMessage").put("peer", group).put("id", id).put("message", "v2"));
    assertEquals("v2", first(edited, "updateEditMessage").getJsonObject("message").getString("message"));
    JsonObject editAtB = b.await(r -> has(r, "updateEditMessage")).body();
    assertEquals(atB.getInteger("id"), first(editAtB, "updateEditMessage").getJsonObject("message").getInteger("id"));

    JsonObject fwd = a.call(q("messages.forwardMessages").put("from_peer", group).put("id", new JsonArray().add(id))
        .put("random_id", new JsonArray().add(77L)).put("to_peer", ben));
    JsonObject fwdMsg = first(fwd, "updateNewMessage").getJsonObject("message");
    assertEquals("v2", fwdMsg.getString("message"));
    assertTrue(fwdMsg.containsKey("fwd_from"), fwdMsg.encode());
    JsonObject fwdAtB = b.await(r -> has(r, "updateNewMessage")).body();
    int bCopy = first(fwdAtB, "updateNewMessage").getJsonObject("message").getInteger("id");
    JsonObject deleted = a.call(q("messages.deleteMessages").put("revoke", true)
        .put("id", new JsonArray().add(fwdMsg.getInteger("id"))));
    assertEquals(1, deleted.getInteger("pts_count"));
    JsonObject delAtB = b.await(r -> has(r, "updateDeleteMessages")).body();
    assertEquals(bCopy, first(delAtB, "updateDeleteMessages").getJsonArray("messages").getInteger(0));
  }

  @Test
  void channelMessages() throws Exception {
    TestSession a = session();
    WorldTest.signUp(a, "Chan");
    JsonObject ch = a.call(q("channels.createChannel").put("broadcast", true).put("title", "News").put("about", ""))
        .getJsonArray("chats").getJsonObject(0);
    JsonObject channel = q("inputChannel").put("channel_id", ch.getLong("id")).put("access_hash",
        ch.getLong("access_hash"));
    JsonObject peer = q("inputPeerChannel").put("channel_id", ch.getLong("id")).put("access_hash",
        ch.getLong("access_hash"));
    JsonObject sent = a.call(q("messages.sendMessage").put("peer", peer).put("message", "post").put("random_id", 4L));
    int id = first(sent, "updateMessageID").getInteger("id");
    JsonObject got = a.call(q("channels.getMessages").put("channel", channel)
        .put("id", new JsonArray().add(q("inputMessageID").put("id", id))));
    assertEquals("messages.channelMessages", got.getString("_"));
    assertEquals("post", got.getJsonArray("messages").getJsonObject(0).getString("message"));
    JsonObject edited = a.call(q("messages.editMessage").put("peer", peer).put("id", id).put("message", "post!"));
    assertEquals("post!", first(edited, "updateEditChannelMessage").getJsonObject("message").getString("message"));
    assertEquals("boolTrue", a.call(q("channels.readHistory").put("channel", channel).put("max_id", id))
        .getString("_"));
    JsonObject deleted = a.call(q("channels.deleteMessages").put("channel", channel).put("id", new JsonArray().add(id)));
    assertEquals(1, deleted.getInteger("pts_count"));
    assertEquals("messageEmpty", a.call(q("channels.getMessages").put("channel", channel)
        .put("id", new JsonArray().add(q("inputMessageID").put("id", id)))).getJsonArray("messages").getJsonObject(0)
        .getString("_"));
  }

  @Test
  void publicChannelJoinedThroughItsUsername() throws Exception {
    TestSession a = session();
    TestSession c = session();
    WorldTest.signUp(a, "Publisher");
    WorldTest.signUp(c, "Reader");
    JsonObject ch = a.call(q("channels.createChannel").put("broadcast", true).put("title", "Open").put("about", ""))
        .getJsonArray("chats").getJsonObject(0);
    JsonObject channel = q("inputChannel").put("channel_id", ch.getLong("id")).put("access_hash",
        ch.getLong("access_hash"));
    String name = "open_" + ch.getLong("id");
    FilesTest.error(c.call(q("contacts.resolveUsername").put("username", name)), 400, "USERNAME_NOT_OCCUPIED");
    assertEquals("boolTrue", a.call(q("channels.updateUsername").put("channel", channel).put("username", name))
        .getString("_"));
    FilesTest.error(a.call(q("channels.updateUsername").put("channel", channel).put("username", name)), 400,
        "USERNAME_NOT_MODIFIED");
    JsonObject resolved = c.call(q("contacts.resolveUsername").put("username", name)).getJsonArray("chats")
        .getJsonObject(0);
    JsonObject forC = q("inputChannel").put("channel_id", resolved.getLong("id"))
        .put("access_hash", resolved.getLong("access_hash"));
    assertEquals("updateChannel", c.call(q("channels.joinChannel").put("channel", forC)).getJsonObject("updates")
        .getJsonArray("updates")
        .getJsonObject(0).getString("_"));
    FilesTest.error(c.call(q("channels.joinChannel").put("channel", forC)), 400, "USER_ALREADY_PARTICIPANT");
    FilesTest.error(c.call(q("channels.updateUsername").put("channel", forC).put("username", "taken_" + name)), 403,
        "CHAT_ADMIN_REQUIRED");
    assertEquals("Open", c.call(q("channels.getChannels").put("id", new JsonArray().add(forC))).getJsonArray("chats")
        .getJsonObject(0).getString("title"));
    a.call(q("messages.sendMessage").put("peer", q("inputPeerChannel").put("channel_id", ch.getLong("id"))
        .put("access_hash", ch.getLong("access_hash"))).put("message", "news").put("random_id", 9L));
    JsonObject post = first(c.await(r -> has(r, "updateNewChannelMessage")).body(), "updateNewChannelMessage");
    assertEquals("news", post.getJsonObject("message").getString("message"));
  }

  @Test
  void basicGroupReadReachesTheSender() throws Exception {
    TestSession a = session();
    TestSession b = session();
    WorldTest.signUp(a, "Talker");
    JsonObject ub = WorldTest.signUp(b, "Reader");
    JsonObject ben = MediaMessagesTest.inputPeerOf(a, b, ub);
    JsonObject created = a.call(q("messages.createChat").put("users", new JsonArray().add(q("inputUser")
        .put("user_id", ben.getLong("user_id")).put("access_hash", ben.getLong("access_hash")))).put("title", "R"));
    long chatId = created.getJsonObject("updates").getJsonArray("chats").getJsonObject(0).getLong("id");
    JsonObject group = q("inputPeerChat").put("chat_id", chatId);
    int sent = a.call(q("messages.sendMessage").put("peer", group).put("message", "read me").put("random_id", 31L))
        .getInteger("id");
    b.await(r -> "read me".equals(r.body().getString("message")) || has(r, "updateNewMessage"));
    JsonObject affected = b.call(q("messages.readHistory").put("peer", group).put("max_id", 0));
    assertEquals(1, affected.getInteger("pts_count"), affected.encode());
    JsonObject outbox = first(a.await(r -> has(r, "updateReadHistoryOutbox")).body(), "updateReadHistoryOutbox");
    assertEquals(chatId, outbox.getJsonObject("peer").getLong("chat_id"));
    assertEquals(sent, outbox.getInteger("max_id"), "the id of the sender's own copy");
  }
}
