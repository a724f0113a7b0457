package dev.vertigram.files;

import dev.vertigram.testing.MemoryWriteStream;
import dev.vertigram.testing.Futures;
import dev.vertigram.client.CallOptions;
import dev.vertigram.client.CancellationToken;
import dev.vertigram.client.MtprotoClient;
import dev.vertigram.localdc.LocalDc;
import dev.vertigram.localdc.LocalDcOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploads and downloads through the real client against the Local DC (DCs 1 and 2, file references live 3 s). */
class FileTransfersTest {

  private static final int MIB = FilesFixture.MIB;
  private static final AtomicLong RANDOM_IDS = new AtomicLong();
  private static FilesFixture fx;
  private static Vertx vertx;
  private static LocalDc dc;
  private static MtprotoClient client;
  private static FileTransfers files;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    fx = FilesFixture.start(new LocalDcOptions().fileReferenceTtlSeconds(3));
    vertx = fx.vertx;
    dc = fx.dc;
    client = fx.client;
    files = fx.files;
  }

  @AfterAll
  static void stop() throws Exception {
    fx.stop();
  }

  @Test
  void roundTripsAreByteExact() throws Exception {
    for (int size : new int[] {1, 512 * 1024, 10 * MIB - 1, 10 * MIB, 10 * MIB + 1}) {
      byte[] data = random(size);
      JsonObject message = send(data, "f" + size + ".bin", 0);
      Path target = dir.resolve("out" + size);
      await(files.downloadToFile(message, target.toString(), withRefresher()));
      assertArrayEquals(data, Files.readAllBytes(target), size + " bytes");
    }
  }

  @Test
  void parallelPartsUseSeveralMediaConnections() throws Exception {
    byte[] data = random(8 * MIB);
    List<Long> before = client.mediaCalls(1);
    JsonObject message = send(data, "spread.bin", 0); // 16 upload parts
    List<Long> afterUpload = client.mediaCalls(1);
    assertTrue(busy(before, afterUpload) >= 2, "upload parts on several connections: " + before + " -> " + afterUpload);
    MemoryWriteStream sink = MemoryWriteStream.collecting();
    await(files.downloadToStream(message, sink, 0, -1, withRefresher()));
    assertArrayEquals(data, sink.bytes());
    List<Long> afterDownload = client.mediaCalls(1);
    assertTrue(busy(afterUpload, afterDownload) >= 2,
        "download parts on several connections: " + afterUpload + " -> " + afterDownload);
    assertTrue(afterDownload.size() <= 4, "at most 4 media connections by default: " + afterDownload);
  }

  /** How many connections took calls between two snapshots of {@link MtprotoClient#mediaCalls}. */
  private static int busy(List<Long> before, List<Long> after) {
    int n = 0;
    for (int i = 0; i < after.size(); i++) {
      if (after.get(i) > (i < before.size() ? before.get(i) : 0)) {
        n++;
      }
    }
    return n;
  }

  @Test
  void emptyFilesAreRefusedWithoutCallingTelegram() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty"));
    assertInstanceOf(IllegalArgumentException.class, failure(files.upload(empty.toString(), TransferOptions.create())));
  }

  @Test
  void bigFilesUseSaveBigFilePartAndSmallOnesAnMd5() throws Exception {
    Path small = Files.write(dir.resolve("small"), random(1000));
    JsonObject inputFile = await(files.upload(small.toString(), TransferOptions.create()));
    assertEquals("inputFile", inputFile.getString("_"));
    assertEquals(32, inputFile.getString("md5_checksum").length());
    Path big = Files.write(dir.resolve("big"), random(10 * MIB + 1));
    JsonObject bigFile = await(files.upload(big.toString(), TransferOptions.create()));
    assertEquals("inputFileBig", bigFile.getString("_"));
    assertEquals(21, bigFile.getInteger("parts"));
  }

  @Test
  void byteRangesCrossPartBoundaries() throws Exception {
    byte[] data = random(3 * MIB + 100);
    JsonObject message = send(data, "range.bin", 0);
    MemoryWriteStream sink = MemoryWriteStream.collecting();
    long from = MIB - 5;
    long to = 2L * MIB + 4099;
    await(files.downloadToStream(message, sink, from, to, withRefresher()));
    byte[] expected = java.util.Arrays.copyOfRange(data, (int) from, (int) to);
    assertArrayEquals(expected, sink.bytes());
  }

  @Test
  void downloadsWaitForASlowStream() throws Exception {
    byte[] data = random(12 * MIB);
    JsonObject message = send(data, "slow.bin", 0);
    SlowStream sink = new SlowStream(vertx, 2 * MIB);
    await(files.downloadToStream(message, sink, 0, -1, withRefresher().parallelism(4)));
    assertArrayEquals(data, sink.bytes());
    assertTrue(sink.largestQueue() <= 2 * MIB + 4 * MIB, "queued at most " + sink.largestQueue());
  }

  @Test
  void cancelledDownloadLeavesNoFile() throws Exception {
    byte[] data = random(8 * MIB);
    JsonObject message = send(data, "cancel.bin", 0);
    CancellationToken token = CancellationToken.create();
    Path target = dir.resolve("cancelled");
    Throwable e = failure(files.downloadToFile(message, target.toString(), withRefresher().parallelism(1)
        .cancellation(token).progress(p -> token.cancel())));
    assertInstanceOf(CancellationException.class, e);
    try (var listing = Files.list(dir)) {
      assertEquals(List.of("cancelled.part", "cancelled.part.json"), listing.map(p -> p.getFileName().toString())
          .sorted().toList(), "no file under the target name; the first part is kept to resume");
    }
  }

  @Test
  void fileMigrateIsFollowed() throws Exception {
    byte[] data = random(2 * MIB + 3);
    JsonObject message = send(data, "dc2.bin", 2);
    JsonObject document = message.getJsonObject("media").getJsonObject("document");
    assertEquals(2, document.getInteger("dc_id"));
    document.remove("dc_id"); // so the download starts on the home DC and gets FILE_MIGRATE_2
    Path target = dir.resolve("migrated");
    dc.stats().reset();
    await(files.downloadToFile(message, target.toString(), withRefresher()));
    assertArrayEquals(data, Files.readAllBytes(target));
    assertTrue(dc.stats().executions("upload.getFile") > 3, "3 parts, asked on DC 1 first");
  }

  @Test
  void expiredReferenceIsRefreshed() throws Exception {
    byte[] data = random(3 * MIB);
    JsonObject message = send(data, "old.bin", 0);
    Thread.sleep(3100);
    AtomicInteger refreshes = new AtomicInteger();
    AtomicInteger events = new AtomicInteger();
    vertx.eventBus().consumer("vertigram.files.progress", m -> events.incrementAndGet());
    Path target = dir.resolve("refreshed");
    await(files.downloadToFile(message, target.toString(), TransferOptions.create().refresher(m -> {
      refreshes.incrementAndGet();
      return refetch(m);
    })));
    assertArrayEquals(data, Files.readAllBytes(target));
    assertEquals(1, refreshes.get());
    assertTrue(events.get() > 0);
  }

  @Test
  void withoutRefresherAnExpiredReferenceFails() throws Exception {
    JsonObject message = send(random(5000), "stale.bin", 0);
    Thread.sleep(3100);
    Path target = dir.resolve("stale");
    Throwable e = failure(files.downloadToFile(message, target.toString(), TransferOptions.create()));
    assertTrue(e.getMessage().contains("FILE_REFERENCE_EXPIRED"), e.getMessage());
    assertFalse(Files.exists(target));
  }

  @Test
  void streamsUploadAndAWrongSizeFails() throws Exception {
    byte[] data = random(MIB + 7);
    Path source = Files.write(dir.resolve("stream.bin"), data);
    AsyncFile file = await(vertx.fileSystem().open(source.toString(), new OpenOptions().setRead(true)));
    List<Progress> seen = new CopyOnWriteArrayList<>();
    JsonObject inputFile = await(files.upload(file, data.length, "stream.bin", TransferOptions.create()
        .parallelism(2).progress(seen::add)));
    assertEquals(3, inputFile.getInteger("parts"));
    Progress last = seen.get(seen.size() - 1);
    assertEquals(data.length, last.done());
    assertEquals(data.length, last.total());
    JsonObject message = sendUploaded(inputFile, 0);
    MemoryWriteStream sink = MemoryWriteStream.collecting();
    await(files.downloadToStream(message, sink, 0, -1, withRefresher()));
    assertArrayEquals(data, sink.bytes());
    AsyncFile again = await(vertx.fileSystem().open(source.toString(), new OpenOptions().setRead(true)));
    Throwable e = failure(files.upload(again, data.length + 1, "short.bin", TransferOptions.create()));
    assertTrue(e.getMessage().contains("ended after"), e.getMessage());
  }

  @Test
  void cancelledUploadFails() throws Exception {
    Path source = Files.write(dir.resolve("up.bin"), random(12 * MIB));
    CancellationToken token = CancellationToken.create();
    Throwable e = failure(files.upload(source.toString(), TransferOptions.create().parallelism(1)
        .cancellation(token).progress(p -> token.cancel())));
    assertInstanceOf(CancellationException.class, e);
  }

  @Test
  void photosAreSentAndDownloaded() throws Exception {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Path png = dir.resolve("p.png");
    ImageIO.write(image, "png", png.toFile());
    JsonObject updates = await(files.sendPhoto(self(), png.toString(), TransferOptions.create()));
    JsonObject message = messageIn(updates);
    FileLocation location = FileLocation.of(message);
    assertEquals("inputPhotoFileLocation", location.location().getString("_"));
    MemoryWriteStream sink = MemoryWriteStream.collecting();
    await(files.downloadToStream(message, sink, 0, -1, withRefresher()));
    assertEquals(location.size(), sink.bytes().length);
  }

  /** Sends {@code data} to Saved Messages as a document, uploading and sending on {@code dcId} (0 = home). */
  private JsonObject send(byte[] data, String name, int dcId) throws Exception {
    Path source = Files.write(Files.createTempDirectory("up").resolve(name), data);
    JsonObject updates;
    if (dcId == 0) {
      updates = await(files.sendDocument(self(), source.toString(), "application/octet-stream",
          TransferOptions.create()));
    } else {
      JsonObject inputFile = await(files.upload(source.toString(), TransferOptions.create().dcId(dcId)));
      assertEquals(1, client.homeDc());
      Files.delete(source);
      return sendUploaded(inputFile, dcId);
    }
    Files.delete(source);
    return messageIn(updates);
  }

  /** Sends an uploaded file to Saved Messages through {@code dcId} (0 = home); the result is the message. */
  private JsonObject sendUploaded(JsonObject inputFile, int dcId) throws Exception {
    return messageIn(await(client.call(new JsonObject().put("_", "messages.sendMedia").put("peer", self())
        .put("media", new JsonObject().put("_", "inputMediaUploadedDocument").put("file", inputFile)
            .put("mime_type", "application/octet-stream").put("attributes", new JsonArray()))
        .put("message", "").put("random_id", RANDOM_IDS.incrementAndGet()), CallOptions.create().dcId(dcId))));
  }

  private static JsonObject messageIn(JsonObject updates) {
    return FilesFixture.messageIn(updates);
  }

  private static Future<JsonObject> refetch(JsonObject message) {
    return fx.refetch(message);
  }

  private static TransferOptions withRefresher() {
    return fx.withRefresher();
  }

  private static JsonObject self() {
    return FilesFixture.self();
  }

  private static byte[] random(int size) {
    return FilesFixture.random(size);
  }

  static <T> T await(Future<T> future) throws Exception {
    return Futures.await(future);
  }

  static Throwable failure(Future<?> future) throws Exception {
    return Futures.failure(future);
  }
}
