package dev.vertigram.storage.impl.remote;

import dev.vertigram.storage.Db;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coalesces the reads that miss the cache: every key asked for during one event-loop tick is fetched with one
 * query per database (at most {@code maxBatch} keys each), and a key asked for twice is fetched once. Confined to
 * the engine's context.
 */
final class ReadBatcher {

  private final Context ctx;
  private final Backend backend;
  private final int maxBatch;
  private Map<Key, Promise<byte[]>> waiting = new LinkedHashMap<>();

  ReadBatcher(Context ctx, Backend backend, int maxBatch) {
    this.ctx = ctx;
    this.backend = backend;
    this.maxBatch = maxBatch;
  }

  /** The stored value of {@code key}, or null. */
  Future<byte[]> get(Key key) {
    if (waiting.isEmpty()) {
      ctx.runOnContext(v -> fetch());
    }
    return waiting.computeIfAbsent(key, k -> Promise.promise()).future();
  }

  private void fetch() {
    Map<Db, List<Key>> byDb = new EnumMap<>(Db.class);
    Map<Key, Promise<byte[]>> batch = waiting;
    waiting = new LinkedHashMap<>();
    batch.keySet().forEach(k -> byDb.computeIfAbsent(k.db(), db -> new ArrayList<>()).add(k));
    byDb.forEach((db, keys) -> {
      for (int from = 0; from < keys.size(); from += maxBatch) {
        List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + maxBatch));
        backend.getAll(db, chunk.stream().map(Key::name).toList()).onComplete(ar -> {
          for (Key k : chunk) {
            Promise<byte[]> p = batch.get(k);
            if (ar.succeeded()) {
              p.complete(ar.result().get(k.name()));
            } else {
              p.fail(ar.cause());
            }
          }
        });
      }
    });
  }
}
