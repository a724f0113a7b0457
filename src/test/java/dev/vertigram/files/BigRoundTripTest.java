package dev.vertigram.files;

import dev.vertigram.localdc.LocalDcOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.vertigram.files.FilesFixture.MIB;
import static dev.vertigram.files.FilesFixture.random;
import static dev.vertigram.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Big files round trip byte-exact from file to file: 30 MiB by default, 100 MiB in the slow suite. */
class BigRoundTripTest {

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

  private void roundTrip(int size) throws Exception {
    byte[] data = random(size);
    Path source = Files.write(dir.resolve("big.bin"), data);
    JsonObject message = FilesFixture.messageIn(await(fx.files.sendDocument(FilesFixture.self(), source.toString(),
        null, TransferOptions.create()), 120));
    assertEquals(size, message.getJsonObject("media").getJsonObject("document").getLong("size"));
    Path target = dir.resolve("copy.bin");
    await(fx.files.downloadToFile(message, target.toString(), fx.withRefresher()), 120);
    assertArrayEquals(data, Files.readAllBytes(target));
  }

  @Test
  void thirtyMib() throws Exception {
    roundTrip(30 * MIB + 3);
  }

  @Tag("slow")
  @Test
  void hundredMib() throws Exception {
    roundTrip(100 * MIB);
  }
}
