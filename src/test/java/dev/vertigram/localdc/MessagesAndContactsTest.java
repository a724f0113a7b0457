package dev.vertigram.localdc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.vertigram.localdc.FilesTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contacts, search, typing, replies, getDifference slices, the limits help.getConfig announces and the login codes
 * of ordinary numbers (written to the log).
 */
class MessagesAndContactsTest extends LocalDcTestBase {

  private static JsonObject sendTo(TestSession s, JsonObject peer, String text, long randomId) throws Exception {
    return s.call(q("messages.sendMessage").put("peer", peer).put("message", text).put("random_id", randomId));
  }

  @Test
  void importedContactsAreListed() throws Exception {
    TestSession a = session();
    TestSession b = session();
    JsonObject ua = WorldTest.signUp(a, "Ann");
    JsonObject ub = WorldTest.signUp(b, "Bo");
    JsonObject imported = a.call(q("contacts.importContacts").put("contacts", new JsonArray()
        .add(q("inputPhoneContact").put("client_id", 5L).put("phone", "+" + ub.getString("phone"))
            .put("first_name", "B").put("last_name", ""))
        .add(q("inputPhoneContact").put("client_id", 6L).put("phone", "+1 555 0000").put("first_name", "X")
            .put("last_name", ""))));
    assertEquals(1, imported.getJsonArray("imported").size(), imported.encode());
    assertEquals(ub.getLong("id"), imported.getJsonArray("imported").getJsonObject(0).getLong("user_id"));
    assertEquals(5L, imported.getJsonArray("imported").getJsonObject(0).getLong("client_id"));
    JsonObject contacts = a.call(q("contacts.getContacts").put("hash", 0L));
    assertEquals(ub.getLong("id"), contacts.getJsonArray("contacts").getJsonObject(0).getLong("user_id"));
    assertEquals(false, contacts.getJsonArray("contacts").getJsonObject(0).getBoolean("mutual"));
    JsonObject bo = contacts.getJsonArray("users").getJsonObject(0);
    // the access_hash from the contact list is valid for messages
    assertEquals("updateShortSentMessage", sendTo(a, q("inputPeerUser").put("user_id", bo.getLong("id"))
        .put("access_hash", bo.getLong("access_hash")), "hi contact", 1L).getString("_"));
    assertTrue(ua.getLong("id") > 0);
  }

  @Test
  void searchRepliesAndTyping() throws Exception {
    TestSession a = session();
    TestSession b = session();
    WorldTest.signUp(a, "Writer");
    JsonObject ub = WorldTest.signUp(b, "Reader");
    JsonObject ben = MediaMessagesTest.inputPeerOf(a, b, ub);
    b.call(q("updates.getState"));
    int first = sendTo(a, ben, "Alpha one", 1L).getInteger("id");
    JsonObject reply = a.call(q("messages.sendMessage").put("peer", ben).put("message", "beta two")
        .put("random_id", 2L).put("reply_to", q("inputReplyToMessage").put("reply_to_msg_id", first)));
    JsonObject found = a.call(q("messages.search").put("peer", ben).put("q", "alpha")
        .put("filter", q("inputMessagesFilterEmpty")).put("min_date", 0).put("max_date", 0).put("offset_id", 0)
        .put("add_offset", 0).put("limit", 10).put("max_id", 0).put("min_id", 0).put("hash", 0L));
    assertEquals(1, found.getJsonArray("messages").size(), found.encode());
    assertEquals("Alpha one", found.getJsonArray("messages").getJsonObject(0).getString("message"));
    JsonObject history = a.call(q("messages.getMessages").put("id", new JsonArray()
        .add(q("inputMessageID").put("id", reply.getInteger("id")))));
    assertEquals(first, history.getJsonArray("messages").getJsonObject(0).getJsonObject("reply_to")
        .getInteger("reply_to_msg_id"));

    assertEquals("boolTrue", a.call(q("messages.setTyping").put("peer", ben)
        .put("action", q("sendMessageTypingAction"))).getString("_"));
    JsonObject typing = b.await(r -> "updateShort".equals(r.name())).body().getJsonObject("update");
    assertEquals("updateUserTyping", typing.getString("_"));
    assertEquals("sendMessageTypingAction", typing.getJsonObject("action").getString("_"));
    error(a.call(q("messages.setTyping").put("peer", q("inputPeerUser").put("user_id", 1L).put("access_hash", 2L))
        .put("action", q("sendMessageTypingAction"))), 400, "PEER_ID_INVALID");
  }

  @Test
  void getDifferenceComesInSlices() throws Exception {
    TestSession a = session();
    TestSession b = session();
    WorldTest.signUp(a, "Chatty");
    JsonObject ub = WorldTest.signUp(b, "Away");
    JsonObject ben = MediaMessagesTest.inputPeerOf(a, b, ub);
    JsonObject state = b.call(q("updates.getState"));
    // more than one slice, whatever the slice size is
    java.lang.reflect.Field slice = Class.forName("dev.vertigram.localdc.impl.UpdatesMethods")
        .getDeclaredField("SLICE");
    slice.setAccessible(true);
    int count = slice.getInt(null) + 50;
    List<Long> calls = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      calls.add(a.send(q("messages.sendMessage").put("peer", ben).put("message", "m" + i).put("random_id", 100L + i)));
    }
    for (long call : calls) {
      a.result(call);
    }
    JsonObject first = b.call(q("updates.getDifference").put("pts", state.getInteger("pts")).put("date", 0)
        .put("qts", 0));
    assertEquals("updates.differenceSlice", first.getString("_"));
    int got = first.getJsonArray("new_messages").size();
    JsonObject intermediate = first.getJsonObject("intermediate_state");
    assertEquals(state.getInteger("pts") + got, intermediate.getInteger("pts"));
    JsonObject rest = b.call(q("updates.getDifference").put("pts", intermediate.getInteger("pts")).put("date", 0)
        .put("qts", 0));
    assertEquals("updates.difference", rest.getString("_"), rest.encode().substring(0, 200));
    assertEquals(count, got + rest.getJsonArray("new_messages").size());
    assertEquals("m" + (count - 1), rest.getJsonArray("new_messages").getJsonObject(rest.getJsonArray("new_messages")
        .size() - 1).getString("message"));
  }

  @Test
  void announcedLimitsAreTheEnforcedOnes() throws Exception {
    TestSession a = session();
    TestSession b = session();
    WorldTest.signUp(a, "Limits");
    JsonObject ub = WorldTest.signUp(b, "Peer");
    JsonObject ben = MediaMessagesTest.inputPeerOf(a, b, ub);
    JsonObject config = a.call(q("help.getConfig"));
    int messageMax = config.getInteger("message_length_max");
    int captionMax = config.getInteger("caption_length_max");
    assertEquals("updateShortSentMessage", sendTo(a, ben, "x".repeat(messageMax), 1L).getString("_"));
    error(sendTo(a, ben, "x".repeat(messageMax + 1), 2L), 400, "MESSAGE_TOO_LONG");
    JsonObject media = q("inputMediaUploadedDocument").put("file", q("inputFile").put("id", 1L).put("parts", 1)
        .put("name", "n").put("md5_checksum", "")).put("mime_type", "text/plain").put("attributes", new JsonArray());
    error(a.call(q("messages.sendMedia").put("peer", ben).put("media", media).put("message", "c".repeat(captionMax + 1))
        .put("random_id", 3L)), 400, "MEDIA_CAPTION_TOO_LONG");
    assertEquals(200, config.getInteger("chat_size_max"));
  }

  @Test
  void ordinaryNumbersGetTheirCodeInTheLog() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger("dev.vertigram.localdc.impl.LoginCodes");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Level level = logger.getLevel();
    logger.setLevel(Level.INFO);
    logger.setAdditive(false);
    logger.addAppender(appender);
    try {
      TestSession s = session();
      String phone = "15550001234";
      String hash = s.call(q("auth.sendCode").put("phone_number", "+" + phone).put("api_id", 1).put("api_hash", "x")
          .put("settings", q("codeSettings"))).getString("phone_code_hash");
      Matcher m = Pattern.compile("\\+" + phone + ": (\\d{5})").matcher(appender.list.stream()
          .map(ILoggingEvent::getFormattedMessage).reduce("", String::concat));
      assertTrue(m.find(), "the code is in the log: " + appender.list);
      JsonObject signIn = s.call(q("auth.signIn").put("phone_number", phone).put("phone_code_hash", hash)
          .put("phone_code", m.group(1)));
      assertEquals("auth.authorizationSignUpRequired", signIn.getString("_"), signIn.encode());
    } finally {
      logger.detachAppender(appender);
      logger.setAdditive(true);
      logger.setLevel(level);
    }
  }
}
