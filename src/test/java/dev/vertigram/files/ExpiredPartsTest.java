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
import java.util.concurrent.atomic.AtomicInteger;

import static dev.vertigram.files.FilesFixture.random;
import static dev.vertigram.testing.Futures.await;
import static dev.vertigram.testing.Futures.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What expires on the Local DC (TTLs of 1 s): uploaded parts, uploaded again from the file before the send is
 * retried; file references of media sent again, renewed through the refresher.
 */
class ExpiredPartsTest {

  private static FilesFixture fx;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    fx = FilesFixture.start(new LocalDcOptions().uploadPartsTtlSeconds(1).fileReferenceTtlSeconds(1));
  }

  @AfterAll
  static void stop() throws Exception {
    fx.stop();
  }

  @Test
  void expiredPartsAreUploadedAgain() throws Exception {
    byte[] data = random(3 * Uploader.PART - 7);
    Path source = Files.write(dir.resolve("late.bin"), data);
    fx.dc.stats().reset();
    // the send waits 2 s (FLOOD_WAIT, slept through by the client): every part has expired when it is made
    fx.dc.faults().rpcError("messages.sendMedia", 420, "FLOOD_WAIT_2", 1);
    JsonObject message = FilesFixture.messageIn(await(fx.files.sendDocument(FilesFixture.self(), source.toString(),
        "application/octet-stream", TransferOptions.create())));
    assertTrue(fx.dc.stats().executions("upload.saveFilePart") >= 6, "uploaded twice");
    assertTrue(fx.dc.stats().executions("messages.sendMedia") >= 3, "flood wait, FILE_PART_0_MISSING, success");
    MemoryWriteStream sink = MemoryWriteStream.collecting();
    await(fx.files.downloadToStream(message, sink, 0, -1, fx.withRefresher()));
    assertArrayEquals(data, sink.bytes());
  }

  @Test
  void mediaSentAgainWithAnExpiredReferenceIsRefetched() throws Exception {
    JsonObject message = fx.sendUploaded(await(fx.files.upload(Files.write(dir.resolve("again.bin"), random(3000))
        .toString(), TransferOptions.create())));
    Thread.sleep(1100);
    Throwable e = failure(fx.files.sendMedia(FilesFixture.self(), message, "", TransferOptions.create()));
    assertTrue(e.getMessage().contains("FILE_REFERENCE_EXPIRED"), e.getMessage());
    AtomicInteger refetches = new AtomicInteger();
    JsonObject again = FilesFixture.messageIn(await(fx.files.sendMedia(FilesFixture.self(), message, "again",
        TransferOptions.create().refresher(m -> {
          refetches.incrementAndGet();
          return fx.refetch(m);
        }))));
    assertEquals(1, refetches.get());
    assertEquals(message.getJsonObject("media").getJsonObject("document").getLong("id"),
        again.getJsonObject("media").getJsonObject("document").getLong("id"));
  }
}
