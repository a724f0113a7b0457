package dev.vertigram.storage.impl.redis;

import dev.vertigram.storage.Db;
import dev.vertigram.storage.RedisStoreOptions;
import dev.vertigram.storage.impl.remote.Backend;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Redis backend: one hash per database, {@code <prefix>:{<session>}:<db key>} (the hash tag keeps a session's
 * keys in one cluster slot), field = key, value = bytes; plus {@code <prefix>:{<session>}:meta} (layout
 * {@code format}, and {@code migratedTo}/{@code migratedAt} once the data moved elsewhere). A round trip of
 * writes is one {@code MULTI}/{@code EXEC} pipeline. Connections are named {@code vertigram-<session>}.
 */
public final class RedisBackend implements Backend {

  /** Version of the key layout, kept in the meta hash. */
  static final int FORMAT = 1;

  private final Redis redis;
  private final String base;
  private final int connections;

  private RedisBackend(Redis redis, String base, int connections) {
    this.redis = redis;
    this.base = base;
    this.connections = connections;
  }

  /** Connects (and checks the server answers). Call on the store's context. */
  public static Future<RedisBackend> open(Vertx vertx, RedisStoreOptions o, String session) {
    String cs = o.getConnectionString();
    cs += (cs.contains("?") ? "&" : "?") + "client=vertigram-" + session;
    Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(cs)
      .setMaxPoolSize(o.getPoolSize()).setMaxPoolWaiting(-1));
    RedisBackend backend = new RedisBackend(redis, o.getKeyPrefix() + ":{" + session + "}:", o.getPoolSize());
    return backend.checkFormat().map(backend)
      .recover(e -> redis.close().transform(ar -> Future.failedFuture(
        new IllegalStateException("cannot open Redis store: " + e.getMessage(), e))));
  }

  /** Records the layout version in the meta hash, or refuses a newer one. */
  private Future<Void> checkFormat() {
    return redis.send(Request.cmd(Command.HSETNX).arg(meta()).arg("format").arg(FORMAT))
      .compose(r -> redis.send(Request.cmd(Command.HGET).arg(meta()).arg("format")))
      .compose(r -> r.toInteger() > FORMAT ? Future.failedFuture(new IllegalStateException(meta()
        + " has format " + r + "; this version reads up to " + FORMAT)) : Future.succeededFuture());
  }

  private String meta() {
    return base + "meta";
  }

  private String key(Db db) {
    return base + db.key();
  }

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public int connections() {
    return connections;
  }

  @Override
  public Future<Map<String, byte[]>> getAll(Db db, List<String> keys) {
    Request hmget = Request.cmd(Command.HMGET).arg(key(db));
    keys.forEach(hmget::arg);
    return redis.send(hmget).map(r -> {
      Map<String, byte[]> found = new HashMap<>(keys.size() * 2);
      for (int i = 0; i < keys.size(); i++) {
        if (r.get(i) != null) {
          found.put(keys.get(i), r.get(i).toBytes());
        }
      }
      return found;
    });
  }

  @Override
  public Future<Void> write(List<Write> writes) {
    Map<Db, Request> sets = new LinkedHashMap<>();
    Map<Db, Request> dels = new LinkedHashMap<>();
    for (Write w : writes) {
      if (w.value() != null) {
        sets.computeIfAbsent(w.db(), db -> Request.cmd(Command.HSET).arg(key(db))).arg(w.key())
          .arg(Buffer.buffer(w.value()));
      } else {
        dels.computeIfAbsent(w.db(), db -> Request.cmd(Command.HDEL).arg(key(db))).arg(w.key());
      }
    }
    List<Request> batch = new ArrayList<>();
    batch.add(Request.cmd(Command.MULTI));
    batch.addAll(sets.values());
    batch.addAll(dels.values());
    batch.add(Request.cmd(Command.EXEC));
    return redis.batch(batch).compose(RedisBackend::checkExec);
  }

  private static Future<Void> checkExec(List<Response> replies) {
    Response exec = replies.get(replies.size() - 1);
    if (exec == null) {
      return Future.failedFuture(new IllegalStateException("Redis transaction aborted"));
    }
    for (Response r : exec) {
      if (r != null && r.type() == ResponseType.ERROR) {
        return Future.failedFuture(new IllegalStateException("Redis: " + r));
      }
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Page> page(Db db, String cursor, int limit) {
    return redis.send(Request.cmd(Command.HSCAN).arg(key(db)).arg(cursor == null ? "0" : cursor)
      .arg("COUNT").arg(limit)).map(r -> {
        Response items = r.get(1);
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(items.size() / 2);
        for (int i = 0; i + 1 < items.size(); i += 2) {
          entries.add(new AbstractMap.SimpleImmutableEntry<>(items.get(i).toString(), items.get(i + 1).toBytes()));
        }
        String next = r.get(0).toString();
        return new Page(entries, "0".equals(next) ? null : next);
      });
  }

  @Override
  public Future<Void> clear(Set<Db> dbs) {
    if (dbs.isEmpty()) {
      return Future.succeededFuture();
    }
    Request del = Request.cmd(Command.DEL);
    dbs.forEach(db -> del.arg(key(db)));
    return redis.send(del).mapEmpty();
  }

  @Override
  public Future<Void> mark(String migratedTo) {
    Request req = migratedTo == null
      ? Request.cmd(Command.HDEL).arg(meta()).arg("migratedTo").arg("migratedAt")
      : Request.cmd(Command.HSET).arg(meta()).arg("migratedTo").arg(migratedTo)
        .arg("migratedAt").arg(System.currentTimeMillis());
    return redis.send(req).mapEmpty();
  }

  @Override
  public Future<Void> close() {
    return redis.close();
  }
}
