package dev.vertigram.localdc;

import dev.vertigram.crypto.DhChecks;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

import static dev.vertigram.localdc.FilesTest.error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §6: the secret-chat relay between two online users on DC 1. */
class SecretChatRelayTest extends LocalDcTestBase {

  static Buffer dh() {
    BigInteger v = BigInteger.valueOf(3).modPow(new BigInteger(2048, new SecureRandom()), DhChecks.TELEGRAM_PRIME);
    byte[] b = v.toByteArray();
    return Buffer.buffer(b.length > 256 ? Arrays.copyOfRange(b, b.length - 256, b.length) : b);
  }

  private TestSession online(long user) throws Exception {
    TestSession s = session();
    assertTrue(dc.authorize(s.key.id(), user));
    s.call(q("help.getNearestDc"));
    return s;
  }

  private static JsonObject pushed(TestSession s) throws Exception {
    return s.await("updates").body().getJsonArray("updates").getJsonObject(0);
  }

  @Test
  void requestAcceptRelayReadDiscard() throws Exception {
    TestSession a = online(501);
    TestSession b = online(502);
    JsonObject config = a.call(q("messages.getDhConfig").put("version", 0).put("random_length", 256));
    assertEquals(3, config.getInteger("g"));
    assertEquals(256, config.getBuffer("p").length());
    assertEquals("messages.dhConfigNotModified", a.call(q("messages.getDhConfig").put("version",
        config.getInteger("version")).put("random_length", 16)).getString("_"));
    error(a.call(q("messages.requestEncryption").put("user_id", q("inputUser").put("user_id", 502L)
        .put("access_hash", 0L)).put("random_id", 1).put("g_a", Buffer.buffer(new byte[] {1}))), 400, "DH_G_A_INVALID");
    JsonObject waiting = a.call(q("messages.requestEncryption").put("user_id", q("inputUser").put("user_id", 502L)
        .put("access_hash", 0L)).put("random_id", 1).put("g_a", dh()));
    assertEquals("encryptedChatWaiting", waiting.getString("_"), waiting.encode());
    JsonObject requested = pushed(b);
    assertEquals("encryptedChatRequested", requested.getJsonObject("chat").getString("_"));
    JsonObject peer = q("inputEncryptedChat").put("chat_id", waiting.getInteger("id"))
        .put("access_hash", waiting.getLong("access_hash"));
    JsonObject accepted = b.call(q("messages.acceptEncryption").put("peer", peer).put("g_b", dh())
        .put("key_fingerprint", 77L));
    assertEquals("encryptedChat", accepted.getString("_"));
    JsonObject ready = pushed(a).getJsonObject("chat");
    assertEquals("encryptedChat", ready.getString("_"));
    assertEquals(77L, ready.getLong("key_fingerprint"));
    Buffer data = Buffer.buffer(new byte[] {1, 2, 3, 4});
    assertEquals("messages.sentEncryptedMessage", a.call(q("messages.sendEncrypted").put("peer", peer)
        .put("random_id", 9L).put("data", data)).getString("_"));
    JsonObject message = pushed(b);
    assertEquals("updateNewEncryptedMessage", message.getString("_"));
    assertEquals(1, message.getInteger("qts"));
    assertEquals(data, message.getJsonObject("message").getBuffer("bytes"));
    a.call(q("messages.sendEncryptedService").put("peer", peer).put("random_id", 10L).put("data", data));
    JsonObject envelope = b.await("updates").body();
    assertEquals(2, envelope.getJsonArray("updates").getJsonObject(0).getInteger("qts"));
    // every push to b took the next seq of b's account; qts belongs to the account state too
    JsonObject state = b.call(q("updates.getState"));
    assertEquals(3, envelope.getInteger("seq"), envelope.encode());
    assertEquals(3, state.getInteger("seq"));
    assertEquals(2, state.getInteger("qts"));
    JsonObject diff = b.call(q("updates.getDifference").put("pts", state.getInteger("pts")).put("date", 0)
        .put("qts", 0));
    assertEquals("updates.difference", diff.getString("_"), diff.encode());
    assertEquals(2, diff.getJsonArray("new_encrypted_messages").size());
    assertEquals(data, diff.getJsonArray("new_encrypted_messages").getJsonObject(0).getBuffer("bytes"));
    assertEquals(2, diff.getJsonObject("state").getInteger("qts"));
    assertEquals("updates.differenceEmpty", b.call(q("updates.getDifference").put("pts", state.getInteger("pts"))
        .put("date", 0).put("qts", 2)).getString("_"));
    // a file: uploaded (encrypted bytes, their md5), relayed as an encryptedFile, downloaded by the peer
    byte[] encrypted = FilesTest.random(3000);
    JsonObject uploaded = FilesTest.upload(a, encrypted, false, java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("MD5").digest(encrypted)));
    JsonObject sentFile = a.call(q("messages.sendEncryptedFile").put("peer", peer).put("random_id", 12L)
        .put("data", data).put("file", q("inputEncryptedFileUploaded").put("id", uploaded.getLong("id"))
            .put("parts", uploaded.getInteger("parts")).put("md5_checksum", uploaded.getString("md5_checksum"))
            .put("key_fingerprint", 5)));
    assertEquals("messages.sentEncryptedFile", sentFile.getString("_"), sentFile.encode());
    JsonObject withFile = pushed(b).getJsonObject("message").getJsonObject("file");
    assertEquals("encryptedFile", withFile.getString("_"));
    assertEquals(3000L, withFile.getLong("size"));
    assertArrayEquals(encrypted, FilesTest.download(b, q("inputEncryptedFileLocation").put("id", withFile.getLong("id"))
        .put("access_hash", withFile.getLong("access_hash"))));
    b.call(q("messages.readEncryptedHistory").put("peer", peer).put("max_date", 5));
    assertEquals("updateEncryptedMessagesRead", pushed(a).getString("_"));
    assertEquals("boolTrue", a.call(q("messages.discardEncryption").put("chat_id", waiting.getInteger("id")))
        .getString("_"));
    assertEquals("encryptedChatDiscarded", pushed(b).getJsonObject("chat").getString("_"));
    error(a.call(q("messages.sendEncrypted").put("peer", peer).put("random_id", 11L).put("data", data)),
        400, "ENCRYPTION_DECLINED");
  }
}
