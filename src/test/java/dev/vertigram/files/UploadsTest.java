package dev.vertigram.files;

import dev.vertigram.localdc.LocalDcOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static dev.vertigram.files.FilesFixture.MIB;
import static dev.vertigram.files.FilesFixture.random;
import static dev.vertigram.testing.Futures.await;
import static dev.vertigram.testing.Futures.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploads of streams of unknown size through the real client against the Local DC. */
class UploadsTest {

  private static final int PART = Uploader.PART;
  private static FilesFixture fx;

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
      CollectingStream sink = new CollectingStream();
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
    CollectingStream sink = new CollectingStream();
    await(fx.files.downloadToStream(fx.sendUploaded(inputFile), sink, 0, -1, fx.withRefresher()));
    assertArrayEquals(data, sink.bytes());
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
}
