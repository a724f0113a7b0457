package dev.vertigram.storage;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static dev.vertigram.storage.StoreTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real {@code kill -9} of a child JVM that writes and saves a memory store in a loop ({@link ChildMain} crash
 * mode), at random moments, then a reload in this JVM: the session must load, every acknowledged immediate write
 * (update state) must be there, every flushed peer must be there, and every peer value must be whole.
 */
class CrashTest {

  private static final Logger log = LoggerFactory.getLogger(CrashTest.class);
  private static Vertx vertx;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    await(vertx.close());
  }

  @Test
  void kill9DuringSavesLeavesASessionThatLoads() throws Exception {
    killAndReload(3, 42);
  }

  @Test
  @Tag("slow")
  void kill9ManyTimes() throws Exception {
    killAndReload(40, System.nanoTime());
  }

  private void killAndReload(int rounds, long seed) throws Exception {
    Random rnd = new Random(seed);
    Path folder = dir.resolve("crash");
    int killedMidWrite = 0;
    List<long[]> flushedRounds = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      long acked = 0;
      long saved = 0;
      long first;
      try (ChildJvm child = new ChildJvm("crash", folder)) {
        first = Long.parseLong(child.expect("START").substring(6)) + 1;
        child.expect("SAVED");
        Thread.sleep(rnd.nextInt(800));
        child.kill9();
        for (String line : child.drain()) {
          acked = line.startsWith("ACK ") ? Long.parseLong(line.substring(4)) : acked;
          saved = line.startsWith("SAVED ") ? Long.parseLong(line.substring(6)) : saved;
        }
      }
      killedMidWrite += tempFiles(folder) > 0 ? 1 : 0;
      flushedRounds.add(new long[]{first, saved});
      verify(folder, acked, flushedRounds);
    }
    log.info("{} kills, {} of them while a file was being written", rounds, killedMidWrite);
  }

  /** Checks the reloaded session; {@code flushed} holds the [first, last] rounds each child flushed. */
  private void verify(Path folder, long acked, List<long[]> flushed) {
    Store store = await(Store.open(vertx, new StoreOptions().setSession("child").setFolder(folder.toString())));
    try {
      Buffer pts = await(store.stringMap(Db.UPDATE_STATE).get("pts"));
      assertNotNull(pts);
      assertTrue(pts.getLong(0) >= acked, "acknowledged pts " + acked + " lost: loaded " + pts.getLong(0));
      Set<Long> keys = new HashSet<>();
      await(store.longMap(Db.PEERS).forEach((key, value) -> {
        assertEquals(ChildMain.peerValue(key), value, "peer " + key);
        keys.add(key);
      }));
      for (long[] rounds : flushed) {
        for (long key = rounds[0] * ChildMain.PEERS_PER_ROUND; key < (rounds[1] + 1) * ChildMain.PEERS_PER_ROUND;
             key++) {
          assertTrue(keys.contains(key), "flushed peer " + key + " lost (rounds " + rounds[0] + ".." + rounds[1] + ")");
        }
      }
    } finally {
      await(store.close());
    }
  }

  private static long tempFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> tmp = files.filter(p -> p.toString().endsWith(".tmp")).toList();
      return tmp.size();
    }
  }
}
