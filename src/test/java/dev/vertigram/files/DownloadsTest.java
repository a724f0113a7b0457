package dev.vertigram.files;

import dev.vertigram.testing.MemoryWriteStream;
import dev.vertigram.client.CancellationToken;
import dev.vertigram.localdc.LocalDcOptions;
import dev.vertigram.testing.Futures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.vertigram.testing.Futures.await;
import static dev.vertigram.files.FilesFixture.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** downloadToDir names, resumed downloads and hash checks, through the real client against the Local DC. */
class DownloadsTest {

  private static final int MIB = 1 << 20;
  private static FilesFixture f;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    f = FilesFixture.start(new LocalDcOptions());
  }

  @AfterAll
  static void stop() throws Exception {
    f.stop();
  }

  @BeforeEach
  void reset() {
    f.dc.faults().clear();
    f.dc.stats().reset();
  }

  @Test
  void downloadToDirUsesTheSafeFileNameAndNeverOverwrites() throws Exception {
    byte[] data = random(MIB + 10);
    JsonObject message = f.send(data, "../../etc/re:port.pdf");
    Path first = Path.of(await(f.files.downloadToDir(message, dir.toString(), f.withRefresher())));
    assertEquals(dir.resolve("re_port.pdf"), first);
    Path second = Path.of(await(f.files.downloadToDir(message, dir.toString(), f.withRefresher())));
    assertEquals(dir.resolve("re_port (1).pdf"), second);
    assertArrayEquals(data, Files.readAllBytes(first));
    assertArrayEquals(data, Files.readAllBytes(second));
    try (var listing = Files.list(dir)) {
      assertEquals(2, listing.count(), "no .part or sidecar left");
    }
  }

  @Test
  void namelessDocumentsAndPhotosAreNamedFromTheirIdAndType() throws Exception {
    JsonObject pdf = f.send(random(3000), "application/pdf", new JsonArray());
    long id = pdf.getJsonObject("media").getJsonObject("document").getLong("id");
    String path = await(f.files.downloadToDir(pdf, dir.toString(), f.withRefresher()));
    assertEquals(dir.resolve("document_" + Long.toUnsignedString(id) + ".pdf").toString(), path);

    JsonObject dots = f.send(random(10), "..");
    String dotsPath = await(f.files.downloadToDir(dots, dir.toString(), f.withRefresher()));
    assertTrue(Path.of(dotsPath).getFileName().toString().matches("document_\\d+\\.bin"), dotsPath);
    assertEquals(dir, Path.of(dotsPath).getParent());

    Path png = dir.resolve("in.png");
    ImageIO.write(new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    JsonObject photo = FilesFixture.messageIn(await(f.files.sendPhoto(FilesFixture.self(), png.toString(),
        TransferOptions.create())));
    String photoPath = await(f.files.downloadToDir(photo, dir.toString(), f.withRefresher()));
    long photoId = photo.getJsonObject("media").getJsonObject("photo").getLong("id");
    assertEquals(dir.resolve("photo_" + Long.toUnsignedString(photoId) + ".jpg").toString(), photoPath);
    assertEquals(FileLocation.of(photo).size(), Files.size(Path.of(photoPath)));
  }

  @Test
  void aCancelledDownloadResumesWhereItStopped() throws Exception {
    int size = 6 * MIB + 77;
    byte[] data = random(size);
    JsonObject message = f.send(data, "big.bin");
    Path target = dir.resolve("big.bin");
    CancellationToken token = CancellationToken.create();
    AtomicBoolean armed = new AtomicBoolean();
    // at the first progress event (1 MiB, whatever the machine's speed) the next getFile is held by a FLOOD_WAIT the
    // client sleeps through, and the download is cancelled during that sleep, once the first part is on disk
    Throwable e = Futures.failure(f.files.downloadToFile(message, target.toString(), f.withRefresher().parallelism(1)
        .cancellation(token).progress(p -> {
          if (p.done() >= MIB && armed.compareAndSet(false, true)) {
            f.dc.faults().rpcError("upload.getFile", 420, "FLOOD_WAIT_2", 1);
            f.vertx.setTimer(500, t -> token.cancel());
          }
        })));
    assertInstanceOf(CancellationException.class, e);
    assertFalse(Files.exists(target), "nothing under the target name");
    assertTrue(Files.size(dir.resolve("big.bin.part")) >= MIB, "the written part is kept");

    f.dc.stats().reset();
    List<Progress> seen = new CopyOnWriteArrayList<>();
    await(f.files.downloadToFile(message, target.toString(), f.withRefresher().progress(seen::add)));
    assertArrayEquals(data, Files.readAllBytes(target));
    // the part the first run had in flight may reach the DC after the reset: count what was asked, from where
    List<JsonObject> calls = f.dc.stats().executionLog("upload.getFile");
    long fetched = calls.stream().mapToLong(call -> Math.min(call.getInteger("limit"), size - call.getLong("offset")))
        .sum();
    assertTrue(fetched < size, "fetched " + fetched + " of " + size + " bytes the second time");
    assertTrue(calls.stream().allMatch(call -> call.getLong("offset") >= MIB), "nothing below 1 MiB: " + calls);
    assertTrue(seen.get(0).done() >= MIB, "progress starts where it resumed: " + seen.get(0));
    assertEquals(size, seen.get(seen.size() - 1).done());
    assertFalse(Files.exists(dir.resolve("big.bin.part")));
    assertFalse(Files.exists(dir.resolve("big.bin.part.json")));
  }

  @Test
  void anotherFileToTheSameTargetStartsOver() throws Exception {
    JsonObject first = f.send(random(4 * MIB), "a.bin");
    byte[] other = random(4 * MIB + 1);
    JsonObject second = f.send(other, "b.bin");
    Path target = dir.resolve("same.bin");
    CancellationToken token = CancellationToken.create();
    Futures.failure(f.files.downloadToFile(first, target.toString(), f.withRefresher().parallelism(1).cancellation(token)
        .progress(p -> token.cancel())));
    assertTrue(Files.exists(dir.resolve("same.bin.part")));
    await(f.files.downloadToFile(second, target.toString(), f.withRefresher()));
    assertArrayEquals(other, Files.readAllBytes(target));
  }

  @Test
  void partsAreCheckedAgainstTheFileHashes() throws Exception {
    byte[] data = random(3 * MIB + 5);
    JsonObject message = f.send(data, "checked.bin");
    MemoryWriteStream sink = MemoryWriteStream.collecting();
    await(f.files.downloadToStream(message, sink, 0, -1, f.withRefresher()));
    assertArrayEquals(data, sink.bytes());
    assertEquals(4, f.dc.stats().executions("upload.getFileHashes"), "one per part");

    f.dc.faults().corruptFilePart(1);
    Throwable e = Futures.failure(f.files.downloadToFile(message, dir.resolve("bad.bin").toString(), f.withRefresher()));
    assertInstanceOf(IOException.class, e);
    assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("bad.bin")));

    f.dc.faults().corruptFilePart(1);
    MemoryWriteStream unchecked = MemoryWriteStream.collecting();
    await(f.files.downloadToStream(message, unchecked, 0, -1, f.withRefresher().checkHashes(false)));
    assertFalse(Arrays.equals(data, unchecked.bytes()), "without the check the corruption goes through");
  }

  @Test
  void theLocalDcHashesEach128KiBRangeOfTheBlock() throws Exception {
    byte[] data = random(MIB + 200 * 1024);
    JsonObject message = f.send(data, "hashes.bin");
    JsonArray hashes = await(f.client.call(new JsonObject().put("_", "upload.getFileHashes")
        .put("location", FileLocation.of(message).location()).put("offset", (long) MIB + 5)))
        .getJsonArray("value");
    assertEquals(2, hashes.size());
    long[] offsets = {MIB, MIB + 128 * 1024};
    int[] limits = {128 * 1024, 72 * 1024};
    for (int i = 0; i < 2; i++) {
      JsonObject h = hashes.getJsonObject(i);
      assertEquals(offsets[i], h.getLong("offset"));
      assertEquals(limits[i], h.getInteger("limit"));
      byte[] range = Arrays.copyOfRange(data, (int) offsets[i], (int) offsets[i] + limits[i]);
      assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(range), h.getBuffer("hash").getBytes());
    }
    assertTrue(await(f.client.call(new JsonObject().put("_", "upload.getFileHashes")
        .put("location", FileLocation.of(message).location()).put("offset", 2L * MIB))).getJsonArray("value")
        .isEmpty(), "no range past the end");
  }
}
