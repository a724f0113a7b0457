package dev.vertigram.localdc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static dev.vertigram.localdc.FilesTest.download;
import static dev.vertigram.localdc.FilesTest.error;
import static dev.vertigram.localdc.FilesTest.location;
import static dev.vertigram.localdc.FilesTest.random;
import static dev.vertigram.localdc.FilesTest.upload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** messages.sendMedia end to end: upload, send, the peer's update, download by the document's location, dedupe. */
class MediaMessagesTest extends LocalDcTestBase {

  /** {@code to} as {@code from} sees it, found through a username. */
  static JsonObject inputPeerOf(TestSession from, TestSession to, JsonObject toUser) throws Exception {
    String name = "u" + toUser.getLong("id");
    to.call(q("account.updateUsername").put("username", name));
    JsonObject u = from.call(q("contacts.resolveUsername").put("username", name)).getJsonArray("users")
        .getJsonObject(0);
    return q("inputPeerUser").put("user_id", u.getLong("id")).put("access_hash", u.getLong("access_hash"));
  }

  static JsonObject sendDocument(JsonObject peer, JsonObject inputFile, String caption, long randomId) {
    return q("messages.sendMedia").put("peer", peer).put("message", caption).put("random_id", randomId)
        .put("media", q("inputMediaUploadedDocument").put("file", inputFile).put("mime_type", "text/plain")
            .put("attributes", new JsonArray()))
        .put("entities", new JsonArray().add(q("messageEntityBold").put("offset", 0).put("length", 4)));
  }

  @Test
  void sendMediaReachesThePeerWhoDownloadsIt() throws Exception {
    TestSession a = session();
    TestSession b = session();
    WorldTest.signUp(a, "Alice");
    JsonObject ub = WorldTest.signUp(b, "Bob");
    JsonObject bob = inputPeerOf(a, b, ub);
    byte[] data = random(70_000);
    JsonObject sent = a.call(sendDocument(bob, upload(a, data, false, ""), "here it is", 99L));
    assertEquals("updates", sent.getString("_"), sent.encode());
    JsonArray updates = sent.getJsonArray("updates");
    assertEquals("updateMessageID", updates.getJsonObject(0).getString("_"));
    assertEquals(99L, updates.getJsonObject(0).getLong("random_id"));
    JsonObject mine = updates.getJsonObject(1).getJsonObject("message");
    assertEquals("here it is", mine.getString("message"));
    assertEquals("messageEntityBold", mine.getJsonArray("entities").getJsonObject(0).getString("_"));
    // the same random_id: the same message, no new one
    JsonObject again = a.call(sendDocument(bob, upload(a, data, false, ""), "here it is", 99L));
    assertEquals(mine.getInteger("id"), again.getJsonArray("updates").getJsonObject(1).getJsonObject("message")
        .getInteger("id"));

    JsonObject pushed = b.await(r -> "updates".equals(r.name())).body();
    JsonObject message = pushed.getJsonArray("updates").getJsonObject(0).getJsonObject("message");
    assertEquals("updateNewMessage", pushed.getJsonArray("updates").getJsonObject(0).getString("_"));
    JsonObject doc = message.getJsonObject("media").getJsonObject("document");
    assertEquals("text/plain", doc.getString("mime_type"));
    assertArrayEquals(data, download(b, location(doc)));

    // an existing document sent on by Bob, with its file reference
    JsonObject alice = q("inputPeerUser").put("user_id", message.getJsonObject("from_id").getLong("user_id"))
        .put("access_hash", pushed.getJsonArray("users").getJsonObject(0).getLong("access_hash"));
    JsonObject inputDoc = q("inputDocument").put("id", doc.getLong("id")).put("access_hash", doc.getLong("access_hash"))
        .put("file_reference", doc.getBuffer("file_reference"));
    JsonObject back = b.call(q("messages.sendMedia").put("peer", alice).put("message", "").put("random_id", 5L)
        .put("media", q("inputMediaDocument").put("id", inputDoc)));
    assertEquals("updates", back.getString("_"), back.encode());
    error(b.call(q("messages.sendMedia").put("peer", alice).put("message", "").put("random_id", 6L)
        .put("media", q("inputMediaDocument").put("id", inputDoc.copy().put("access_hash", 1L)))), 400,
        "MEDIA_INVALID");
    error(b.call(q("messages.sendMedia").put("peer", alice).put("message", "").put("random_id", 7L)
        .put("media", q("inputMediaContact").put("phone_number", "1").put("first_name", "x").put("last_name", "")
            .put("vcard", ""))), 400, "MEDIA_INVALID");
    error(b.call(q("messages.sendMedia").put("peer", alice).put("message", "x".repeat(5000)).put("random_id", 8L)
        .put("media", q("inputMediaDocument").put("id", inputDoc))), 400, "MEDIA_CAPTION_TOO_LONG");
    JsonObject atAlice = a.await(r -> "updates".equals(r.name())).body();
    assertNotEquals(null, atAlice.getJsonArray("updates").getJsonObject(0).getJsonObject("message")
        .getJsonObject("media"));
  }
}
