package dev.vertigram.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.vertigram.storage.StoreTestSupport.await;
import static dev.vertigram.storage.StoreTestSupport.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same behaviour from every store: memory, Postgres (real server) and Redis (real server). */
class StoreContractTest {

  private static final List<String> RUNS = new ArrayList<>();
  private static Vertx vertx;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    StoreTestSupport.cleanUp(vertx, RUNS);
    await(vertx.close());
  }

  private StoreOptions options(StoreOptions.Type type) {
    String run = StoreTestSupport.unique(type.json());
    RUNS.add(run);
    return StoreTestSupport.options(type, dir, run);
  }

  private static Buffer buf(String s) {
    return Buffer.buffer(s);
  }

  @ParameterizedTest
  @EnumSource(StoreOptions.Type.class)
  void crudOnEveryDatabase(StoreOptions.Type type) {
    Store store = await(Store.open(vertx, options(type)));
    try {
      for (Db db : Db.values()) {
        if (db.longKeys()) {
          LongMap m = store.longMap(db);
          assertNull(await(m.get(-1001234567890L)), db.key());
          await(m.put(-1001234567890L, buf("a-" + db.key())));
          await(m.put(42L, buf("b")));
          await(m.put(42L, buf("c")));
          assertEquals(buf("a-" + db.key()), await(m.get(-1001234567890L)), db.key());
          assertEquals(buf("c"), await(m.get(42L)), db.key());
          await(m.remove(42L));
          await(m.remove(43L));
          assertNull(await(m.get(42L)), db.key());
        } else {
          StringMap m = store.stringMap(db);
          assertNull(await(m.get("k")), db.key());
          await(m.put("k", buf("a-" + db.key())));
          await(m.put("ключ €", Buffer.buffer(new byte[0])));
          await(m.put("x", buf("1")));
          await(m.put("x", buf("2")));
          assertEquals(buf("a-" + db.key()), await(m.get("k")), db.key());
          assertEquals(Buffer.buffer(), await(m.get("ключ €")), db.key());
          assertEquals(buf("2"), await(m.get("x")), db.key());
          await(m.remove("x"));
          assertNull(await(m.get("x")), db.key());
        }
      }
    } finally {
      await(store.close());
    }
  }

  @ParameterizedTest
  @EnumSource(StoreOptions.Type.class)
  void dataSurvivesReopen(StoreOptions.Type type) {
    StoreOptions o = options(type);
    Store store = await(Store.open(vertx, o));
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    await(store.stringMap(Db.AUTH_KEYS).put("dc2.perm", Buffer.buffer(binary)));
    await(store.longMap(Db.PEERS).put(777L, buf("peer")));
    await(store.stringMap(Db.HANDLER_FIELDS).put("Bot.counter", buf("{\"n\":3}")));
    await(store.longMap(Db.FULL_INFO).put(777L, buf("full")));
    await(store.close());

    Store again = await(Store.open(vertx, o));
    try {
      assertEquals(Buffer.buffer(binary), await(again.stringMap(Db.AUTH_KEYS).get("dc2.perm")));
      assertEquals(buf("peer"), await(again.longMap(Db.PEERS).get(777L)));
      assertEquals(buf("{\"n\":3}"), await(again.stringMap(Db.HANDLER_FIELDS).get("Bot.counter")));
      assertEquals(buf("full"), await(again.longMap(Db.FULL_INFO).get(777L)));
    } finally {
      await(again.close());
    }
  }

  @ParameterizedTest
  @EnumSource(StoreOptions.Type.class)
  void forEachDeliversEveryEntryOnTheCallersContext(StoreOptions.Type type) {
    Store store = await(Store.open(vertx, options(type)));
    try {
      LongMap peers = store.longMap(Db.PEERS);
      List<Future<Void>> puts = new ArrayList<>();
      for (long id = 0; id < 10_000; id++) {
        puts.add(peers.put(id * 7919 - 50_000, buf("p" + id)));
      }
      await(Future.all(puts));
      Map<Long, String> seen = new ConcurrentHashMap<>();
      List<Thread> threads = new ArrayList<>();
      await(vertx.getOrCreateContext().<Void>executeBlocking(() -> null).compose(v -> {
        io.vertx.core.Context ctx = vertx.getOrCreateContext();
        return Future.<Void>future(p -> ctx.runOnContext(x -> peers.forEach((k, value) -> {
          seen.put(k, value.toString());
          threads.add(Thread.currentThread());
        }).onComplete(p)));
      }));
      assertEquals(10_000, seen.size());
      assertEquals("p123", seen.get(123 * 7919L - 50_000));
      assertEquals(1, threads.stream().distinct().count(), "one caller thread");

      StringMap names = store.stringMap(Db.USERNAMES);
      await(names.put("alice", buf("1")));
      await(names.put("bob", buf("2")));
      Map<String, String> got = new HashMap<>();
      await(names.forEach((k, v) -> got.put(k, v.toString())));
      assertEquals(Map.of("alice", "1", "bob", "2"), got);
    } finally {
      await(store.close());
    }
  }

  @ParameterizedTest
  @EnumSource(StoreOptions.Type.class)
  void fullInfoEntriesExpire(StoreOptions.Type type) throws InterruptedException {
    Store store = await(Store.open(vertx, options(type).setFullInfoTtl(1)));
    try {
      LongMap full = store.longMap(Db.FULL_INFO);
      await(full.put(1L, buf("fresh")));
      assertEquals(buf("fresh"), await(full.get(1L)));
      Thread.sleep(1100);
      assertNull(await(full.get(1L)));
      List<Long> left = new ArrayList<>();
      await(full.forEach((k, v) -> left.add(k)));
      assertEquals(List.of(), left);
    } finally {
      await(store.close());
    }
  }

  @ParameterizedTest
  @EnumSource(StoreOptions.Type.class)
  void slimmingTurnsDatabasesIntoNoOpsAndDropsTheirData(StoreOptions.Type type) {
    StoreOptions o = options(type);
    Store store = await(Store.open(vertx, o));
    await(store.stringMap(Db.USERNAMES).put("alice", buf("1")));
    await(store.longMap(Db.FULL_INFO).put(1L, buf("full")));
    await(store.longMap(Db.MIN_PEERS).put(2L, buf("min")));
    await(store.close());

    o.setSlimming(new Slimming().setUsernameDb(false).setMinDb(false).setFileReferenceDb(false)
      .setPeerDb(Slimming.PeerDb.BASIC));
    Store slim = await(Store.open(vertx, o));
    await(slim.stringMap(Db.USERNAMES).put("bob", buf("2")));
    await(slim.stringMap(Db.FILE_REFS).put("f", buf("ref")));
    assertNull(await(slim.stringMap(Db.USERNAMES).get("bob")));
    assertNull(await(slim.stringMap(Db.USERNAMES).get("alice")));
    assertNull(await(slim.stringMap(Db.FILE_REFS).get("f")));
    assertNull(await(slim.longMap(Db.FULL_INFO).get(1L)));
    await(slim.longMap(Db.PEERS).put(3L, buf("kept")));
    await(slim.close());

    o.setSlimming(new Slimming());
    Store full = await(Store.open(vertx, o));
    try {
      assertNull(await(full.stringMap(Db.USERNAMES).get("alice")), "dropped when turned off");
      assertNull(await(full.longMap(Db.MIN_PEERS).get(2L)), "dropped when turned off");
      assertEquals(buf("kept"), await(full.longMap(Db.PEERS).get(3L)));
    } finally {
      await(full.close());
    }
  }

  @ParameterizedTest
  @EnumSource(StoreOptions.Type.class)
  void closedStoreFailsAndWrongKeyTypeIsRefused(StoreOptions.Type type) {
    Store store = await(Store.open(vertx, options(type)));
    assertThrows(IllegalArgumentException.class, () -> store.longMap(Db.USERNAMES));
    assertThrows(IllegalArgumentException.class, () -> store.stringMap(Db.PEERS));
    assertTrue(store.health().healthy());
    LongMap peers = store.longMap(Db.PEERS);
    await(store.close());
    await(store.close());
    assertInstanceOf(IllegalStateException.class, awaitFailure(peers.put(1L, buf("late"))));
  }
}
