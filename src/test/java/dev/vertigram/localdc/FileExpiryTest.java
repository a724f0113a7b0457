package dev.vertigram.localdc;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static dev.vertigram.localdc.FilesTest.document;
import static dev.vertigram.localdc.FilesTest.error;
import static dev.vertigram.localdc.FilesTest.getFile;
import static dev.vertigram.localdc.FilesTest.location;
import static dev.vertigram.localdc.FilesTest.random;
import static dev.vertigram.localdc.FilesTest.savePart;
import static dev.vertigram.localdc.FilesTest.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File references and uploaded parts expire (TTLs of 1 s here). */
class FileExpiryTest extends LocalDcTestBase {

  @BeforeAll
  static void startLocalDc() throws Exception {
    vertx = Vertx.vertx();
    dc = LocalDc.start(vertx, new LocalDcOptions().ephemeralPorts(1, 2).fileReferenceTtlSeconds(1)
        .uploadPartsTtlSeconds(1)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private TestSession user() throws Exception {
    TestSession s = session();
    assertTrue(dc.authorize(s.key.id(), 77));
    return s;
  }

  @Test
  void fileReferencesExpire() throws Exception {
    TestSession s = user();
    JsonObject doc = s.call(document(upload(s, random(10_000), false, ""), "")).getJsonObject("document");
    assertEquals("upload.file", s.call(getFile(location(doc), 0, 4096)).getString("_"));
    Thread.sleep(1100);
    error(s.call(getFile(location(doc), 0, 4096)), 400, "FILE_REFERENCE_EXPIRED");
  }

  /** An expired reference is renewed by fetching the message again (getMessages and getHistory). */
  @Test
  void refetchedMessagesCarryFreshReferences() throws Exception {
    TestSession s = user();
    byte[] data = random(5_000);
    JsonObject sent = s.call(MediaMessagesTest.sendDocument(q("inputPeerSelf"), upload(s, data, false, ""), "", 3L));
    JsonObject message = sent.getJsonArray("updates").getJsonObject(1).getJsonObject("message");
    JsonObject doc = message.getJsonObject("media").getJsonObject("document");
    Thread.sleep(1100);
    error(s.call(getFile(location(doc), 0, 4096)), 400, "FILE_REFERENCE_EXPIRED");
    JsonObject fetched = s.call(q("messages.getMessages").put("id", new io.vertx.core.json.JsonArray()
        .add(q("inputMessageID").put("id", message.getInteger("id")))));
    JsonObject fresh = fetched.getJsonArray("messages").getJsonObject(0).getJsonObject("media")
        .getJsonObject("document");
    org.junit.jupiter.api.Assertions.assertArrayEquals(data, FilesTest.download(s, location(fresh)));
    JsonObject history = s.call(q("messages.getHistory").put("peer", q("inputPeerSelf")).put("offset_id", 0)
        .put("offset_date", 0).put("add_offset", 0).put("limit", 10).put("max_id", 0).put("min_id", 0)
        .put("hash", 0L));
    JsonObject viaHistory = history.getJsonArray("messages").getJsonObject(0).getJsonObject("media")
        .getJsonObject("document");
    assertEquals("upload.file", s.call(getFile(location(viaHistory), 0, 4096)).getString("_"));
  }

  @Test
  void uploadedPartsExpire() throws Exception {
    TestSession s = user();
    s.call(savePart(42, 0, -1, new byte[1024]));
    Thread.sleep(1100);
    error(s.call(document(FilesTest.q("inputFile").put("id", 42L).put("parts", 1).put("name", "x")
        .put("md5_checksum", ""), "")), 400, "FILE_PART_0_MISSING");
  }
}
