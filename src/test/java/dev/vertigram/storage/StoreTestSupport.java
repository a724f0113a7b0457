package dev.vertigram.storage;

import dev.vertigram.testing.Futures;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.sqlclient.Pool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Helpers for the storage tests: blocking waits on futures (tests run on the JUnit thread, never on an event loop),
 * unique names so that test runs never share Postgres schemas or Redis keys, and their clean-up. The servers are
 * the real local ones; a test that cannot reach them fails.
 */
public final class StoreTestSupport {

  public static final String PG_HOST = "127.0.0.1";
  public static final int PG_PORT = 5432;
  public static final String PG_DATABASE = "test";
  public static final String REDIS = "redis://127.0.0.1:6379";

  private static final AtomicInteger SEQ = new AtomicInteger();

  private StoreTestSupport() {
  }

  /** The result of {@code f}, waiting up to 60 s; a failure is rethrown as its cause. */
  public static <T> T await(Future<T> f) {
    return Futures.await(f);
  }

  /** The failure of {@code f}. */
  public static Throwable awaitFailure(Future<?> f) {
    try {
      f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("future not completed in 60 s", e);
    }
    throw new AssertionError("expected a failure");
  }

  /** A name unique to this JVM run, usable as a schema, key prefix and session name. */
  public static String unique(String what) {
    return "vgt_" + what + "_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000 + "_"
      + SEQ.incrementAndGet();
  }

  /** Options for {@code type} with a unique session in {@code dir}, pointing at the test servers. */
  public static StoreOptions options(StoreOptions.Type type, Path dir, String run) {
    return new StoreOptions().setType(type).setSession(run).setFolder(dir.resolve(run).toString())
      .setPg(new PgStoreOptions().setHost(PG_HOST).setPort(PG_PORT).setDatabase(PG_DATABASE).setSchema(run))
      .setRedis(new RedisStoreOptions().setConnectionString(REDIS).setKeyPrefix(run));
  }

  /** A pool on the test database, for checks and clean-up. */
  public static Pool pgPool(Vertx vertx) {
    return PgBuilder.pool().connectingTo(new PgConnectOptions().setHost(PG_HOST).setPort(PG_PORT)
      .setDatabase(PG_DATABASE).setUser("postgres")).using(vertx).build();
  }

  /** A client on the test Redis server. */
  public static Redis redis(Vertx vertx) {
    return Redis.createClient(vertx, REDIS);
  }

  /** Drops the schemas and deletes the Redis keys that {@code runs} created. */
  public static void cleanUp(Vertx vertx, List<String> runs) {
    Pool pool = pgPool(vertx);
    Redis redis = redis(vertx);
    try {
      for (String run : runs) {
        await(pool.query("DROP SCHEMA IF EXISTS " + run + " CASCADE").execute());
        for (String key : redisKeys(redis, run + ":*")) {
          await(redis.send(Request.cmd(Command.DEL).arg(key)));
        }
      }
    } finally {
      await(pool.close());
      await(redis.close());
    }
  }

  /** Every Redis key matching {@code pattern}. */
  public static List<String> redisKeys(Redis redis, String pattern) {
    List<String> keys = new ArrayList<>();
    String cursor = "0";
    do {
      Response r = await(redis.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(pattern)
        .arg("COUNT").arg(1000)));
      cursor = r.get(0).toString();
      r.get(1).forEach(k -> keys.add(k.toString()));
    } while (!"0".equals(cursor));
    return keys;
  }
}
