package dev.vertigram.localdc;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §5 files end to end over TCP: part rules, round trips, getFile rules, FILE_MIGRATE, references, photos. */
class FilesTest extends LocalDcTestBase {

  static final int PART = 512 * 1024;
  static final int MIB = 1 << 20;
  private static final AtomicLong USERS = new AtomicLong(1000);
  private static final Random RANDOM = new Random(7);

  static JsonObject error(JsonObject result, int code, String message) {
    assertEquals("rpc_error", result.getString("_"), result.encode());
    assertEquals(code, result.getInteger("error_code"));
    assertEquals(message, result.getString("error_message"));
    return result;
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  /** A session on DC {@code dcId} logged in as {@code user}. */
  TestSession user(int dcId, long user) throws Exception {
    TestSession s = TestSession.create(connect(dcId, dev.vertigram.transport.TransportKind.INTERMEDIATE, false),
        dc, dcId);
    assertTrue(dc.authorize(s.key.id(), user));
    return s;
  }

  TestSession user() throws Exception {
    return user(1, USERS.incrementAndGet());
  }

  static JsonObject savePart(long fileId, int part, int total, byte[] bytes) {
    JsonObject q = q(total < 0 ? "upload.saveFilePart" : "upload.saveBigFilePart").put("file_id", fileId)
        .put("file_part", part).put("bytes", Buffer.buffer(bytes));
    return total < 0 ? q : q.put("file_total_parts", total);
  }

  /** Uploads {@code data} in {@code partSize} parts; returns its InputFile. */
  static JsonObject upload(TestSession s, byte[] data, boolean big, String md5) throws Exception {
    long fileId = RANDOM.nextLong();
    int parts = (data.length + PART - 1) / PART;
    for (int i = 0; i < parts; i++) {
      byte[] part = java.util.Arrays.copyOfRange(data, i * PART, Math.min(data.length, (i + 1) * PART));
      assertEquals("boolTrue", s.call(savePart(fileId, i, big ? parts : -1, part)).getString("_"));
    }
    JsonObject file = q(big ? "inputFileBig" : "inputFile").put("id", fileId).put("parts", parts)
        .put("name", "data.bin");
    return big ? file : file.put("md5_checksum", md5);
  }

  static JsonObject document(JsonObject inputFile, String mime) {
    return q("messages.uploadMedia").put("peer", q("inputPeerSelf")).put("media",
        q("inputMediaUploadedDocument").put("file", inputFile).put("mime_type", mime)
            .put("attributes", new JsonArray()));
  }

  static JsonObject location(JsonObject document) {
    return q("inputDocumentFileLocation").put("id", document.getLong("id"))
        .put("access_hash", document.getLong("access_hash"))
        .put("file_reference", document.getBuffer("file_reference")).put("thumb_size", "");
  }

  static JsonObject getFile(JsonObject location, long offset, int limit) {
    return q("upload.getFile").put("location", location).put("offset", offset).put("limit", limit);
  }

  static byte[] download(TestSession s, JsonObject location) throws Exception {
    Buffer out = Buffer.buffer();
    while (true) {
      JsonObject file = s.call(getFile(location, out.length(), MIB));
      assertEquals("upload.file", file.getString("_"), file.encode());
      Buffer bytes = file.getBuffer("bytes");
      out.appendBuffer(bytes);
      if (bytes.length() < MIB) {
        return out.getBytes();
      }
    }
  }

  void roundTrip(int size, boolean big) throws Exception {
    TestSession s = user();
    byte[] data = random(size);
    String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    JsonObject media = s.call(document(upload(s, data, big, md5), ""));
    assertEquals("messageMediaDocument", media.getString("_"), media.encode());
    JsonObject doc = media.getJsonObject("document");
    assertEquals(size, doc.getLong("size"));
    assertEquals(1, doc.getInteger("dc_id"));
    assertEquals("application/octet-stream", doc.getString("mime_type"));
    assertEquals("data.bin", doc.getJsonArray("attributes").getJsonObject(0).getString("file_name"));
    assertArrayEquals(data, download(s, location(doc)));
  }

  @Test
  void roundTripsAreByteExact() throws Exception {
    roundTrip(1, false);
    roundTrip(PART, false);
    roundTrip(10 * MIB - 1, false);
    roundTrip(10 * MIB + 1, true);
  }

  @Test
  void zeroPartsAreInvalid() throws Exception {
    TestSession s = user();
    error(s.call(document(q("inputFile").put("id", 5L).put("parts", 0).put("name", "e").put("md5_checksum", ""),
        "")), 400, "FILE_PARTS_INVALID");
  }

  @Test
  void partErrors() throws Exception {
    TestSession s = user();
    error(s.call(savePart(1, 0, -1, new byte[0])), 400, "FILE_PART_EMPTY");
    error(s.call(savePart(1, 0, -1, new byte[PART + 1])), 400, "FILE_PART_TOO_BIG");
    error(s.call(savePart(1, -1, -1, new byte[1024])), 400, "FILE_PART_INVALID");
    error(s.call(savePart(1, 4000, -1, new byte[1024])), 400, "FILE_PART_INVALID");
    error(s.call(savePart(2, 0, 0, new byte[1024])), 400, "FILE_PARTS_INVALID");
    error(s.call(savePart(2, 3, 3, new byte[1024])), 400, "FILE_PART_INVALID");
    error(s.call(savePart(2, 0, 3, new byte[1000])), 400, "FILE_PART_SIZE_INVALID");
    error(s.call(savePart(2, 0, 3, new byte[3 * 1024])), 400, "FILE_PART_SIZE_INVALID");
    s.call(savePart(2, 0, 3, new byte[4096]));
    error(s.call(savePart(2, 1, 3, new byte[8192])), 400, "FILE_PART_SIZE_CHANGED");
    error(s.call(savePart(2, 2, 3, new byte[8192])), 400, "FILE_PART_SIZE_CHANGED");
    error(s.call(savePart(2, 1, 4, new byte[4096])), 400, "FILE_PARTS_INVALID");
    s.call(savePart(2, 2, 3, new byte[10]));
    error(s.call(document(q("inputFileBig").put("id", 2L).put("parts", 3).put("name", "b"), "")),
        400, "FILE_PART_1_MISSING");
    error(s.call(document(q("inputFileBig").put("id", 2L).put("parts", 2).put("name", "b"), "")),
        400, "FILE_PARTS_INVALID");
    // small files: the highest part is the last one until a higher one arrives
    s.call(savePart(3, 0, -1, new byte[1000]));
    error(s.call(savePart(3, 1, -1, new byte[1024])), 400, "FILE_PART_SIZE_INVALID");
    s.call(savePart(4, 1, -1, new byte[2048]));
    error(s.call(savePart(4, 0, -1, new byte[1024])), 400, "FILE_PART_SIZE_CHANGED");
    s.call(savePart(4, 0, -1, new byte[4096]));
    error(s.call(savePart(4, 2, -1, new byte[1024])), 400, "FILE_PART_SIZE_CHANGED");
    error(s.call(document(q("inputFile").put("id", 4L).put("parts", 3).put("name", "s")
        .put("md5_checksum", ""), "")), 400, "FILE_PART_2_MISSING");
    error(s.call(document(q("inputFile").put("id", 99L).put("parts", 1).put("name", "s")
        .put("md5_checksum", ""), "")), 400, "FILE_PART_0_MISSING");
    JsonObject file = upload(s, random(5000), false, "00112233445566778899aabbccddeeff");
    error(s.call(document(file, "")), 400, "MD5_CHECKSUM_INVALID");
  }

  @Test
  void getFileRules() throws Exception {
    TestSession s = user();
    byte[] data = random(2 * MIB + 100);
    JsonObject doc = s.call(document(upload(s, data, false, ""), "application/x-test")).getJsonObject("document");
    assertEquals("application/x-test", doc.getString("mime_type"));
    JsonObject loc = location(doc);
    error(s.call(getFile(loc, 1024, 4096)), 400, "OFFSET_INVALID");
    error(s.call(getFile(loc, -4096, 4096)), 400, "OFFSET_INVALID");
    error(s.call(getFile(loc, 0, 1024)), 400, "LIMIT_INVALID");
    error(s.call(getFile(loc, 0, 0)), 400, "LIMIT_INVALID");
    error(s.call(getFile(loc, 0, 3 * 4096)), 400, "LIMIT_INVALID");
    error(s.call(getFile(loc, 0, 2 * MIB)), 400, "LIMIT_INVALID");
    error(s.call(getFile(loc, MIB - 4096, 8192)), 400, "LIMIT_INVALID");
    JsonObject precise = getFile(loc, 1024, 3 * 1024).put("precise", true);
    assertEquals(Buffer.buffer(data).slice(1024, 4096), s.call(precise).getBuffer("bytes"));
    error(s.call(getFile(loc, 512, 1024).put("precise", true)), 400, "OFFSET_INVALID");
    error(s.call(getFile(loc, 0, 1000).put("precise", true)), 400, "LIMIT_INVALID");
    error(s.call(getFile(loc, 0, MIB + 1024).put("precise", true)), 400, "LIMIT_INVALID");
    error(s.call(getFile(loc, MIB - 1024, 2048).put("precise", true)), 400, "LIMIT_INVALID");
    JsonObject tail = s.call(getFile(loc, 2 * MIB, 4096));
    assertEquals(100, tail.getBuffer("bytes").length());
    assertEquals("storage.filePartial", tail.getJsonObject("type").getString("_"));
    assertEquals(0, s.call(getFile(loc, 3 * MIB, 4096)).getBuffer("bytes").length());
    error(s.call(getFile(loc.copy().put("access_hash", 1L), 0, 4096)), 400, "LOCATION_INVALID");
    error(s.call(getFile(loc.copy().put("file_reference", Buffer.buffer("junk")), 0, 4096)),
        400, "FILE_REFERENCE_INVALID");
    error(s.call(getFile(loc.copy().put("file_reference", Buffer.buffer()), 0, 4096)),
        400, "FILE_REFERENCE_EMPTY");
    error(s.call(getFile(q("inputFileLocation").put("volume_id", 1L).put("local_id", 1).put("secret", 1L)
        .put("file_reference", Buffer.buffer()), 0, 4096)), 400, "LOCATION_INVALID");
  }

  @Test
  void fileMigrateToTheUploadDc() throws Exception {
    long id = USERS.incrementAndGet();
    TestSession s = user(1, id);
    JsonObject doc = s.call(document(upload(s, random(10_000), false, ""), "")).getJsonObject("document");
    TestSession other = user(2, id);
    error(other.call(getFile(location(doc), 0, 4096)), 303, "FILE_MIGRATE_1");
  }

  @Test
  void existingDocumentsAreResent() throws Exception {
    TestSession s = user();
    JsonObject doc = s.call(document(upload(s, random(100), false, ""), "")).getJsonObject("document");
    JsonObject input = q("inputDocument").put("id", doc.getLong("id")).put("access_hash", doc.getLong("access_hash"))
        .put("file_reference", doc.getBuffer("file_reference"));
    JsonObject again = s.call(q("messages.uploadMedia").put("peer", q("inputPeerSelf"))
        .put("media", q("inputMediaDocument").put("id", input)));
    assertEquals(doc.getLong("id"), again.getJsonObject("document").getLong("id"));
    error(s.call(q("messages.uploadMedia").put("peer", q("inputPeerSelf")).put("media",
        q("inputMediaDocument").put("id", input.copy().put("access_hash", 5L)))), 400, "MEDIA_INVALID");
  }

  @Test
  void photosHaveSizes() throws Exception {
    TestSession s = user();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(1000, 500, BufferedImage.TYPE_INT_RGB), "png", png);
    byte[] data = png.toByteArray();
    JsonObject media = s.call(q("messages.uploadMedia").put("peer", q("inputPeerSelf"))
        .put("media", q("inputMediaUploadedPhoto").put("file", upload(s, data, false, ""))));
    assertEquals("messageMediaPhoto", media.getString("_"), media.encode());
    JsonObject photo = media.getJsonObject("photo");
    JsonArray sizes = photo.getJsonArray("sizes");
    assertEquals(4, sizes.size(), sizes.encode());
    assertEquals("s", sizes.getJsonObject(0).getString("type"));
    assertEquals(100, sizes.getJsonObject(0).getInteger("w"));
    assertEquals(50, sizes.getJsonObject(0).getInteger("h"));
    assertEquals("y", sizes.getJsonObject(3).getString("type"));
    assertEquals(1000, sizes.getJsonObject(3).getInteger("w"));
    JsonObject loc = q("inputPhotoFileLocation").put("id", photo.getLong("id"))
        .put("access_hash", photo.getLong("access_hash")).put("file_reference", photo.getBuffer("file_reference"))
        .put("thumb_size", "x");
    JsonObject file = s.call(getFile(loc, 0, MIB));
    assertEquals("storage.filePng", file.getJsonObject("type").getString("_"));
    assertArrayEquals(data, file.getBuffer("bytes").getBytes());
    error(s.call(q("messages.uploadMedia").put("peer", q("inputPeerSelf"))
        .put("media", q("inputMediaUploadedPhoto").put("file", upload(s, random(3000), false, "")))),
        400, "IMAGE_PROCESS_FAILED");
  }

  @Test
  void uploadsNeedALogin() throws Exception {
    error(session().call(savePart(1, 0, -1, new byte[1024])), 401, "AUTH_KEY_UNREGISTERED");
  }
}
