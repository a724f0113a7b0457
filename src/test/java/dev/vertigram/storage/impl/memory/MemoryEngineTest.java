package dev.vertigram.storage.impl.memory;

import dev.vertigram.storage.Db;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static dev.vertigram.storage.StoreTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the memory engine writes its files (the save interval is shortened here; options require >= 10 s). */
class MemoryEngineTest {

  private Vertx vertx;

  @TempDir
  Path dir;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    await(vertx.close());
  }

  private static Map<String, String> read(Path file) throws IOException {
    Map<String, String> got = new HashMap<>();
    if (Files.exists(file)) {
      SnapshotFile.read(Files.readAllBytes(file), file.toString(), (db, id, name, value) ->
        got.put(db.key() + ":" + (db.longKeys() ? Long.toString(id) : name), new String(value)));
    }
    return got;
  }

  @Test
  void immediateWritesAreOnDiskWhenAcknowledgedOthersWaitForASave() throws Exception {
    MemoryEngine engine = await(MemoryEngine.open(vertx.getOrCreateContext(), dir, "t", 3_600_000));
    await(engine.longMap(Db.PEERS).put(5L, Buffer.buffer("peer")));
    await(engine.stringMap(Db.AUTH_KEYS).put("dc2.perm", Buffer.buffer("key")));
    await(engine.longMap(Db.CHANNEL_PTS).put(-1001L, Buffer.buffer("pts")));
    assertEquals(Map.of("authKeys:dc2.perm", "key", "channelPts:-1001", "pts"), read(dir.resolve("critical.bin")));
    assertFalse(Files.exists(dir.resolve("state.bin")), "batched databases wait for a save");
    assertEquals(1, engine.health().queuedWrites());

    await(engine.flush());
    assertEquals(Map.of("peers:5", "peer"), read(dir.resolve("state.bin")));
    assertEquals(0, engine.health().queuedWrites());

    await(engine.longMap(Db.PEERS).put(6L, Buffer.buffer("later")));
    await(engine.close());
    assertEquals(Map.of("peers:5", "peer", "peers:6", "later"), read(dir.resolve("state.bin")));
  }

  @Test
  void theTimerSavesChangesAndOnlyChanges() throws Exception {
    MemoryEngine engine = await(MemoryEngine.open(vertx.getOrCreateContext(), dir, "t", 200));
    await(engine.longMap(Db.PEERS).put(5L, Buffer.buffer("peer")));
    Path state = dir.resolve("state.bin");
    long deadline = System.currentTimeMillis() + 5000;
    while (!Files.exists(state) && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(Map.of("peers:5", "peer"), read(state));
    var saved = Files.getLastModifiedTime(state);
    Thread.sleep(600);
    assertEquals(saved, Files.getLastModifiedTime(state), "no change, no save");
    await(engine.close());
    assertTrue(Files.exists(state));
  }
}
