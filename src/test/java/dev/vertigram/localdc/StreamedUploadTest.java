package dev.vertigram.localdc;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import static dev.vertigram.localdc.FilesTest.PART;
import static dev.vertigram.localdc.FilesTest.document;
import static dev.vertigram.localdc.FilesTest.download;
import static dev.vertigram.localdc.FilesTest.error;
import static dev.vertigram.localdc.FilesTest.location;
import static dev.vertigram.localdc.FilesTest.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Big files of unknown size (streamed): saveBigFilePart with file_total_parts = -1 on every part but the last, which
 * carries the count; the inputFileBig count must match what the parts said.
 */
class StreamedUploadTest extends LocalDcTestBase {

  private static final AtomicLong USERS = new AtomicLong(5000);

  private TestSession user() throws Exception {
    TestSession s = session();
    assertTrue(dc.authorize(s.key.id(), USERS.incrementAndGet()));
    return s;
  }

  private static JsonObject part(long fileId, int part, int total, byte[] bytes) {
    return q("upload.saveBigFilePart").put("file_id", fileId).put("file_part", part).put("file_total_parts", total)
        .put("bytes", Buffer.buffer(bytes));
  }

  private static JsonObject bigFile(long fileId, int parts) {
    return q("inputFileBig").put("id", fileId).put("parts", parts).put("name", "stream.bin");
  }

  /** Sends {@code data} in 512 KiB parts, -1 as the count except on the last part when {@code countOnLast}. */
  private static void stream(TestSession s, long fileId, byte[] data, boolean countOnLast) throws Exception {
    int parts = (data.length + PART - 1) / PART;
    for (int i = 0; i < parts; i++) {
      byte[] bytes = Arrays.copyOfRange(data, i * PART, Math.min(data.length, (i + 1) * PART));
      int total = countOnLast && i == parts - 1 ? parts : -1;
      assertEquals("boolTrue", s.call(part(fileId, i, total, bytes)).getString("_"));
    }
  }

  @Test
  void unknownSizeRoundTrips() throws Exception {
    TestSession s = user();
    for (int size : new int[] {1, PART, 3 * PART + 5}) {
      byte[] data = random(size);
      long fileId = 100 + size;
      stream(s, fileId, data, true);
      int parts = (size + PART - 1) / PART;
      JsonObject media = s.call(document(bigFile(fileId, parts), ""));
      JsonObject doc = media.getJsonObject("document");
      assertEquals(size, doc.getLong("size"), media.encode());
      assertArrayEquals(data, download(s, location(doc)), size + " bytes");
    }
  }

  @Test
  void allPartsMayComeWithMinusOneWhenTheLastIsFull() throws Exception {
    TestSession s = user();
    byte[] data = random(2 * PART);
    stream(s, 7, data, false);
    error(s.call(document(bigFile(7, 1), "")), 400, "FILE_PARTS_INVALID");
    JsonObject doc = s.call(document(bigFile(7, 2), "")).getJsonObject("document");
    assertArrayEquals(data, download(s, location(doc)));
  }

  @Test
  void aShortPartMustCarryTheCount() throws Exception {
    TestSession s = user();
    s.call(part(1, 0, -1, new byte[PART]));
    error(s.call(part(1, 1, -1, new byte[1000])), 400, "FILE_PART_SIZE_INVALID");
    error(s.call(part(1, 1, -1, new byte[4096])), 400, "FILE_PART_SIZE_CHANGED");
    s.call(part(1, 1, 2, new byte[1000]));
    JsonObject doc = s.call(document(bigFile(1, 2), "")).getJsonObject("document");
    assertEquals(PART + 1000, doc.getLong("size"));
  }

  @Test
  void theCountOnceGivenIsKept() throws Exception {
    TestSession s = user();
    s.call(part(2, 2, 3, new byte[10])); // the last part may come first
    error(s.call(part(2, 3, -1, new byte[PART])), 400, "FILE_PART_INVALID");
    error(s.call(part(2, 0, 4, new byte[PART])), 400, "FILE_PARTS_INVALID");
    s.call(part(2, 0, -1, new byte[PART]));
    s.call(part(2, 1, 3, new byte[PART]));
    error(s.call(document(bigFile(2, 4), "")), 400, "FILE_PARTS_INVALID");
    assertEquals(2L * PART + 10, s.call(document(bigFile(2, 3), "")).getJsonObject("document").getLong("size"));
  }

  @Test
  void aCountBelowThePartsReceivedIsInvalid() throws Exception {
    TestSession s = user();
    s.call(part(3, 0, -1, new byte[PART]));
    s.call(part(3, 1, -1, new byte[PART]));
    s.call(part(3, 2, -1, new byte[PART]));
    error(s.call(part(3, 1, 2, new byte[PART])), 400, "FILE_PARTS_INVALID");
    error(s.call(document(bigFile(3, 2), "")), 400, "FILE_PARTS_INVALID");
    error(s.call(document(bigFile(3, 4), "")), 400, "FILE_PART_3_MISSING");
    error(s.call(part(4, 0, -2, new byte[PART])), 400, "FILE_PARTS_INVALID");
    error(s.call(part(4, 0, 0, new byte[PART])), 400, "FILE_PARTS_INVALID");
  }
}
