package dev.vertigram.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
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
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.vertigram.storage.StoreTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Postgres and Redis connections lost under load (server-side kills, and a full outage through {@link TcpProxy}):
 * no acknowledged write is lost, writes wait while the server is away, and the loss is reported.
 */
class ConnectionLossTest {

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
    String run = StoreTestSupport.unique("loss");
    RUNS.add(run);
    return StoreTestSupport.options(type, dir, run);
  }

  @ParameterizedTest
  @EnumSource(value = StoreOptions.Type.class, names = {"POSTGRES", "REDIS"})
  void serverKillingOurConnectionsLosesNoAcknowledgedWrite(StoreOptions.Type type) throws Exception {
    StoreOptions o = options(type);
    Store store = await(Store.open(vertx, o));
    LongMap peers = store.longMap(Db.PEERS);
    List<Long> acked = new CopyOnWriteArrayList<>();
    List<Future<Void>> all = new ArrayList<>();
    int kills = 0;
    for (int wave = 0; wave < 30; wave++) {
      for (long i = wave * 400L; i < (wave + 1) * 400L; i++) {
        long key = i;
        all.add(peers.put(key, Buffer.buffer("v" + key)).onSuccess(v -> acked.add(key)));
      }
      if (wave % 5 == 2) {
        kills += killConnections(type, o.getSession());
      }
      Thread.sleep(20);
    }
    await(Future.join(all));
    assertTrue(kills > 0, "connections were killed");
    assertEquals(12_000, acked.size(), "every write is acknowledged once the connection is back");
    Map<Long, String> stored = serverPeers(type, o.getSession());
    for (long key : acked) {
      assertEquals("v" + key, stored.get(key), "acknowledged write " + key);
    }
    assertTrue(await(store.close().map(true)));
  }

  @ParameterizedTest
  @EnumSource(value = StoreOptions.Type.class, names = {"POSTGRES", "REDIS"})
  void anOutageIsReportedAndWritesWaitForTheServer(StoreOptions.Type type) throws Exception {
    StoreOptions o = options(type);
    try (TcpProxy proxy = new TcpProxy(vertx, type == StoreOptions.Type.POSTGRES ? 5432 : 6379)) {
      o.getPg().setPort(proxy.port());
      o.getRedis().setConnectionString("redis://127.0.0.1:" + proxy.port());
      List<JsonObject> reports = new CopyOnWriteArrayList<>();
      vertx.eventBus().<JsonObject>consumer("vertigram." + o.getSession() + ".store.health", m -> reports.add(m.body()));
      Store store = await(Store.open(vertx, o));
      LongMap peers = store.longMap(Db.PEERS);
      await(peers.put(1L, Buffer.buffer("before")));

      proxy.refuse(true);
      proxy.cut();
      Future<Void> during = peers.put(2L, Buffer.buffer("during"));
      long deadline = System.currentTimeMillis() + 10_000;
      while (store.health().healthy() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      StoreHealth down = store.health();
      assertFalse(down.healthy(), "the loss is reported");
      assertTrue(down.queuedWrites() >= 1, "the write is queued");
      assertTrue(down.lastError() != null && !down.lastError().isEmpty());
      assertEquals(Buffer.buffer("during"), await(peers.get(2L)), "queued writes are readable");
      Thread.sleep(500);
      assertFalse(during.isComplete(), "a write is not acknowledged while the server is away");

      proxy.refuse(false);
      await(during);
      assertTrue(store.health().healthy());
      assertEquals("during", serverPeers(type, o.getSession()).get(2L));
      assertFalse(reports.get(0).getBoolean("healthy"));
      assertTrue(reports.get(reports.size() - 1).getBoolean("healthy"));
      await(store.close());
    }
  }

  @ParameterizedTest
  @EnumSource(value = StoreOptions.Type.class, names = {"POSTGRES", "REDIS"})
  void openingWithoutAServerFailsClearlyAndReleasesTheLock(StoreOptions.Type type) throws Exception {
    StoreOptions o = options(type);
    int closedPort;
    try (TcpProxy proxy = new TcpProxy(vertx, 1)) {
      closedPort = proxy.port();
    }
    o.getPg().setPort(closedPort);
    o.getRedis().setConnectionString("redis://127.0.0.1:" + closedPort);
    Throwable e = StoreTestSupport.awaitFailure(Store.open(vertx, o));
    assertInstanceOf(IllegalStateException.class, e);
    assertTrue(e.getMessage().startsWith("cannot open " + (type == StoreOptions.Type.POSTGRES ? "Postgres" : "Redis")),
      e.getMessage());
    o.setType(StoreOptions.Type.MEMORY);
    await(await(Store.open(vertx, o)).close());
  }

  private static int killConnections(StoreOptions.Type type, String session) {
    if (type == StoreOptions.Type.POSTGRES) {
      Pool pool = StoreTestSupport.pgPool(vertx);
      try {
        return await(pool.preparedQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
          + "WHERE application_name = $1").execute(Tuple.of("vertigram/" + session))).size();
      } finally {
        await(pool.close());
      }
    }
    Redis redis = StoreTestSupport.redis(vertx);
    try {
      int killed = 0;
      for (String line : await(redis.send(Request.cmd(Command.CLIENT).arg("LIST"))).toString().split("\n")) {
        if (line.contains(" name=vertigram-" + session + " ")) {
          String id = line.substring(3, line.indexOf(' '));
          killed += await(redis.send(Request.cmd(Command.CLIENT).arg("KILL").arg("ID").arg(id))).toInteger();
        }
      }
      return killed;
    } finally {
      await(redis.close());
    }
  }

  /** The peers as stored on the server, read with a separate client. */
  private static Map<Long, String> serverPeers(StoreOptions.Type type, String session) {
    Map<Long, String> out = new HashMap<>();
    if (type == StoreOptions.Type.POSTGRES) {
      Pool pool = StoreTestSupport.pgPool(vertx);
      try {
        for (Row r : await(pool.preparedQuery("SELECT k, v FROM " + session + ".vg_kv WHERE session = $1 AND db = 5")
          .execute(Tuple.of(session)))) {
          out.put(Long.parseLong(r.getString(0)), r.getBuffer(1).toString());
        }
      } finally {
        await(pool.close());
      }
      return out;
    }
    Redis redis = StoreTestSupport.redis(vertx);
    try {
      Response all = await(redis.send(Request.cmd(Command.HGETALL).arg(session + ":{" + session + "}:peers")));
      for (String field : all.getKeys()) {
        out.put(Long.parseLong(field), all.get(field).toString());
      }
    } finally {
      await(redis.close());
    }
    return out;
  }
}
