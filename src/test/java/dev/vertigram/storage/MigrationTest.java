package dev.vertigram.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.vertigram.storage.StoreTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Switching a session between memory and Postgres/Redis moves every database over, both ways. */
class MigrationTest {

  private static final List<String> RUNS = new ArrayList<>();
  private static final int PEERS = 10_000;
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

  /** Puts a recognisable entry in every database, and many peers. */
  private static void fill(Store store, String tag) {
    List<Future<Void>> puts = new ArrayList<>();
    for (Db db : Db.values()) {
      puts.add(db.longKeys() ? store.longMap(db).put(db.id(), Buffer.buffer(tag + db.key()))
        : store.stringMap(db).put("k" + db.id(), Buffer.buffer(tag + db.key())));
    }
    for (long id = 1000; id < 1000 + PEERS; id++) {
      puts.add(store.longMap(Db.PEERS).put(id, Buffer.buffer(tag + id)));
    }
    await(Future.all(puts));
  }

  private static void check(Store store, String tag) {
    for (Db db : Db.values()) {
      Buffer got = db.longKeys() ? await(store.longMap(db).get(db.id())) : await(store.stringMap(db).get("k" + db.id()));
      assertEquals(Buffer.buffer(tag + db.key()), got, db.key());
    }
    int[] peers = {0};
    await(store.longMap(Db.PEERS).forEach((k, v) -> {
      if (k >= 1000) {
        assertEquals(Buffer.buffer(tag + k), v);
        peers[0]++;
      }
    }));
    assertEquals(PEERS, peers[0]);
  }

  private JsonObject meta(StoreOptions o) throws Exception {
    return new JsonObject(Files.readString(Path.of(o.getFolder(), "store.json")));
  }

  @ParameterizedTest
  @EnumSource(value = StoreOptions.Type.class, names = {"POSTGRES", "REDIS"})
  void memoryToServerAndBack(StoreOptions.Type server) throws Exception {
    String run = StoreTestSupport.unique("mig");
    RUNS.add(run);
    StoreOptions o = StoreTestSupport.options(StoreOptions.Type.MEMORY, dir, run);

    Store memory = await(Store.open(vertx, o));
    fill(memory, "m-");
    await(memory.close());
    assertEquals("memory", meta(o).getString("backend"));

    Store remote = await(Store.open(vertx, o.setType(server)));
    check(remote, "m-");
    assertEquals(server.json(), meta(o).getString("backend"));
    assertTrue(Files.exists(Path.of(o.getFolder(), "state.bin.migrated")), "memory files kept as a backup");
    assertFalse(Files.exists(Path.of(o.getFolder(), "state.bin")));
    fill(remote, "r-");
    await(remote.close());
    assertNull(migratedTo(server, run), "live on the server");

    Store back = await(Store.open(vertx, o.setType(StoreOptions.Type.MEMORY)));
    check(back, "r-");
    assertEquals("memory", meta(o).getString("backend"));
    await(back.close());
    assertEquals("memory", migratedTo(server, run));

    Store reopened = await(Store.open(vertx, o));
    check(reopened, "r-");
    await(reopened.close());
  }

  @ParameterizedTest
  @EnumSource(value = StoreOptions.Type.class, names = {"POSTGRES", "REDIS"})
  void slimmedDatabasesAreNotCopied(StoreOptions.Type server) {
    String run = StoreTestSupport.unique("slim");
    RUNS.add(run);
    StoreOptions o = StoreTestSupport.options(StoreOptions.Type.MEMORY, dir, run);
    Store memory = await(Store.open(vertx, o));
    fill(memory, "m-");
    await(memory.close());
    o.setType(server).setSlimming(new Slimming().setUsernameDb(false));
    Store remote = await(Store.open(vertx, o));
    await(remote.close());
    Store full = await(Store.open(vertx, o.setSlimming(new Slimming())));
    try {
      assertNull(await(full.stringMap(Db.USERNAMES).get("k" + Db.USERNAMES.id())));
      assertEquals(Buffer.buffer("m-peers"), await(full.longMap(Db.PEERS).get(Db.PEERS.id())));
    } finally {
      await(full.close());
    }
  }

  /** What the server's own record says about where the session went. */
  private String migratedTo(StoreOptions.Type server, String run) {
    if (server == StoreOptions.Type.POSTGRES) {
      Pool pool = StoreTestSupport.pgPool(vertx);
      try {
        var rows = await(pool.query("SELECT migrated_to FROM " + run + ".vg_session WHERE session = '" + run + "'")
          .execute());
        return rows.size() == 0 ? null : rows.iterator().next().getString(0);
      } finally {
        await(pool.close());
      }
    }
    Redis redis = StoreTestSupport.redis(vertx);
    try {
      var r = await(redis.send(Request.cmd(Command.HGET).arg(run + ":{" + run + "}:meta").arg("migratedTo")));
      return r == null ? null : r.toString();
    } finally {
      await(redis.close());
    }
  }
}
