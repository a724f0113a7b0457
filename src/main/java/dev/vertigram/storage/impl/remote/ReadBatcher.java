package dev.vertigram.storage.impl.remote;

import dev.vertigram.storage.Db;
import dev.vertigram.storage.impl.Hop;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coalesces the reads that miss the cache: keys asked for during one event-loop tick are fetched with one query per
 * database (at most {@code maxBatch} keys each), and a key asked for twice is fetched once. At most
 * {@code maxInFlight} queries run at a time; keys asked for meanwhile wait for the next one, so batches grow with
 * the load instead of queueing many small queries. Confined to the engine's context.
 */
final class ReadBatcher {

  private final Context ctx;
  private final Backend backend;
  private final int maxBatch;
  private final int maxInFlight;
  private Map<Key, Promise<byte[]>> waiting = new LinkedHashMap<>();
  private boolean scheduled;
  private int inFlight;

  ReadBatcher(Context ctx, Backend backend, int maxBatch, int maxInFlight) {
    this.ctx = ctx;
    this.backend = backend;
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
  }

  /** The stored value of {@code key}, or null. */
  Future<byte[]> get(Key key) {
    Future<byte[]> f = waiting.computeIfAbsent(key, k -> Promise.promise()).future();
    schedule();
    return f;
  }

  private void schedule() {
    if (!scheduled && inFlight < maxInFlight && !waiting.isEmpty()) {
      scheduled = true;
      ctx.runOnContext(v -> fetch());
    }
  }

  private void fetch() {
    scheduled = false;
    Map<Db, List<Key>> byDb = new EnumMap<>(Db.class);
    Map<Key, Promise<byte[]>> batch = waiting;
    waiting = new LinkedHashMap<>();
    batch.keySet().forEach(k -> byDb.computeIfAbsent(k.db(), db -> new ArrayList<>()).add(k));
    byDb.forEach((db, keys) -> {
      for (int from = 0; from < keys.size(); from += maxBatch) {
        List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + maxBatch));
        inFlight++;
        Hop.guarded(() -> backend.getAll(db, chunk.stream().map(Key::name).toList())).onComplete(ar -> {
          inFlight--;
          for (Key k : chunk) {
            Promise<byte[]> p = batch.get(k);
            if (ar.succeeded()) {
              p.complete(ar.result().get(k.name()));
            } else {
              p.fail(ar.cause());
            }
          }
          schedule();
        });
      }
    });
  }
}
