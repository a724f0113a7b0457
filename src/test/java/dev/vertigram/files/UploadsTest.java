package dev.vertigram.files;

import dev.vertigram.testing.MemoryWriteStream;
import dev.vertigram.localdc.LocalDcOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.concurrent.atomic.AtomicLong;

import static dev.vertigram.files.FilesFixture.MIB;
import static dev.vertigram.files.FilesFixture.random;
import static dev.vertigram.testing.Futures.await;
import static dev.vertigram.testing.Futures.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploads through the real client against the Local DC: streams of unknown size, lost parts. */
class UploadsTest {

  private static final int PART = Uploader.PART;
  private static FilesFixture fx;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    fx = FilesFixture.start(new LocalDcOptions());
  }

  @AfterAll
  static void stop() throws Exception {
    fx.stop();
  }

  @Test
  void streamsOfUnknownSizeRoundTrip() throws Exception {
    for (int size : new int[] {1, PART, 3 * PART, 3 * PART + 5, 10 * MIB + 1}) {
      byte[] data = random(size);
      GeneratedStream source = new GeneratedStream(fx.vertx, data, 64 * 1024 + 3);
      JsonObject inputFile = await(fx.files.upload(source, "s" + size + ".bin", TransferOptions.create()));
      assertEquals("inputFileBig", inputFile.getString("_"), "unknown size: saveBigFilePart");
      assertEquals((size + PART - 1) / PART, inputFile.getInteger("parts"));
      JsonObject message = fx.sendUploaded(inputFile);
      assertEquals(size, message.getJsonObject("media").getJsonObject("document").getLong("size"));
      MemoryWriteStream sink = MemoryWriteStream.collecting();
      await(fx.files.downloadToStream(message, sink, 0, -1, fx.withRefresher()));
      assertArrayEquals(data, sink.bytes(), size + " bytes");
    }
  }

  @Test
  void theSourceIsPausedWhileParallelismPartsAreInFlight() throws Exception {
    byte[] data = random(8 * MIB);
    GeneratedStream source = new GeneratedStream(fx.vertx, data, 16 * 1024);
    AtomicLong ahead = new AtomicLong();
    int parallelism = 2;
    JsonObject inputFile = await(fx.files.upload(source, "paced.bin", TransferOptions.create()
        .parallelism(parallelism).progress(p -> ahead.accumulateAndGet(source.emitted() - p.done(), Math::max))));
    assertEquals(16, inputFile.getInteger("parts"));
    // in flight, the part held back until the next byte, the one being filled, and chunks already queued
    assertTrue(ahead.get() <= (parallelism + 3L) * PART, "read ahead of the uploaded bytes: " + ahead.get());
    MemoryWriteStream sink = MemoryWriteStream.collecting();
    await(fx.files.downloadToStream(fx.sendUploaded(inputFile), sink, 0, -1, fx.withRefresher()));
    assertArrayEquals(data, sink.bytes());
  }

  /** Telegram refuses empty files (FILE_PART_EMPTY, FILE_PARTS_INVALID): no 0 B round trip, a clear error instead. */
  @Test
  void anEmptyFileIsRefusedBeforeAnyCall() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.txt"));
    fx.dc.stats().reset();
    Throwable e = failure(fx.files.sendDocument(FilesFixture.self(), empty.toString(), null, TransferOptions.create()));
    assertInstanceOf(IllegalArgumentException.class, e);
    assertTrue(e.getMessage().contains("FILE_PARTS_INVALID"), e.getMessage());
    assertEquals(0, fx.dc.stats().executions("upload.saveFilePart"));
    assertEquals(0, fx.dc.stats().executions("messages.sendMedia"));
  }

  @Test
  void anEmptyStreamOfUnknownSizeIsRefusedWithoutAPart() throws Exception {
    fx.dc.stats().reset();
    Throwable e = failure(fx.files.upload(new GeneratedStream(fx.vertx, new byte[0], 1), "empty.bin",
        TransferOptions.create()));
    assertInstanceOf(IllegalArgumentException.class, e);
    assertTrue(e.getMessage().contains("FILE_PART_EMPTY"), e.getMessage());
    assertEquals(0, fx.dc.stats().executions("upload.saveBigFilePart"));
  }

  @Test
  void aLostPartIsUploadedAgainAndTheSendRetried() throws Exception {
    byte[] data = random(2 * PART + 100);
    Path source = Files.write(dir.resolve("lost.bin"), data);
    fx.dc.stats().reset();
    fx.dc.faults().rpcError("messages.sendMedia", 400, "FILE_PART_1_MISSING", 1);
    JsonObject message = FilesFixture.messageIn(await(fx.files.sendDocument(FilesFixture.self(), source.toString(),
        null, "lost and found", TransferOptions.create())));
    assertEquals(3 + 2, fx.dc.stats().executions("upload.saveFilePart"), "parts 1 and 2 uploaded again");
    assertEquals(2, fx.dc.stats().executions("messages.sendMedia"));
    assertEquals("lost and found", message.getString("message"));
    MemoryWriteStream sink = MemoryWriteStream.collecting();
    await(fx.files.downloadToStream(message, sink, 0, -1, fx.withRefresher()));
    assertArrayEquals(data, sink.bytes());
  }

  @Test
  void aStreamCannotBeReadAgainSoALostPartFailsTheSend() throws Exception {
    fx.dc.faults().rpcError("messages.sendMedia", 400, "FILE_PART_0_MISSING", 1);
    Throwable e = failure(fx.files.sendDocument(FilesFixture.self(), new GeneratedStream(fx.vertx, random(5000), 999),
        -1, "s.bin", "application/x-test", null, TransferOptions.create()));
    assertTrue(e.getMessage().contains("FILE_PART_0_MISSING"), e.getMessage());
  }

  @Test
  void aStreamIsSentAsADocumentWithItsNameAndGuessedMimeType() throws Exception {
    byte[] data = "<p>hello</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    JsonObject message = FilesFixture.messageIn(await(fx.files.sendDocument(FilesFixture.self(),
        new GeneratedStream(fx.vertx, data, 5), -1, "page.html", null, "a page", TransferOptions.create())));
    JsonObject document = message.getJsonObject("media").getJsonObject("document");
    assertEquals("text/html", document.getString("mime_type"));
    assertEquals(data.length, document.getLong("size"));
    assertEquals("page.html", FileLocation.of(message).name());
    assertEquals("a page", message.getString("message"));
  }
}
