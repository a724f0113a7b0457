package dev.vertigram.storage.impl.remote;

import dev.vertigram.storage.Db;
import dev.vertigram.storage.LongMap;
import dev.vertigram.storage.StoreHealth;
import dev.vertigram.storage.StoreOptions;
import dev.vertigram.storage.StringMap;
import dev.vertigram.storage.impl.Coalescer;
import dev.vertigram.storage.impl.HealthTracker;
import dev.vertigram.storage.impl.Hop;
import dev.vertigram.storage.impl.RawEntry;
import dev.vertigram.storage.impl.StoreEngine;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Postgres and Redis stores: a {@link Backend} with a read cache in front, batched reads ({@link ReadBatcher})
 * and batched writes. Every write joins
 * the pending batch and is acknowledged once the batch holding it is stored; batches go out one at a time, after the
 * coalescing window, in round trips of at most {@code batch.maxSize} writes. When a round trip fails the store turns
 * unhealthy, and the same writes are retried with back-off (100 ms doubling to 10 s) until they succeed, while new
 * writes queue up; reads see queued writes. All state lives on the engine's context.
 */
public final class RemoteEngine implements StoreEngine {

  private static final int PAGE = 4096;
  private static final long FIRST_RETRY_MS = 100;
  private static final long MAX_RETRY_MS = 10_000;
  private static final long CLOSE_TIMEOUT_MS = 30_000;

  private final Context ctx;
  private final Backend backend;
  private final int maxBatch;
  private final ReadCache cache;
  private final ReadBatcher reads;
  private final Coalescer batches;
  private final HealthTracker health;
  private final AtomicInteger queued = new AtomicInteger();
  private Map<Key, byte[]> pending = new LinkedHashMap<>();
  private Map<Key, byte[]> inflight = Map.of();
  private long writeSeq;
  private long closeDeadline;
  private Future<Void> closing;

  /** An engine over {@code backend}, running on {@code ctx}. */
  public RemoteEngine(Context ctx, Backend backend, StoreOptions options) {
    this.ctx = ctx;
    this.backend = backend;
    this.maxBatch = options.getBatchMaxSize();
    this.cache = new ReadCache(options.getCacheMaxEntries(), options.getCacheTtl() * 1000L);
    this.reads = new ReadBatcher(ctx, backend, maxBatch, backend.connections());
    this.batches = new Coalescer(ctx, options.getBatchWindow(), this::writeBatch);
    this.health = new HealthTracker(ctx.owner(), options.getSession(), backend.name(), queued::get);
  }

  @Override
  public String name() {
    return backend.name();
  }

  @Override
  public LongMap longMap(Db db) {
    return new RemoteMap(this, db);
  }

  @Override
  public StringMap stringMap(Db db) {
    return new RemoteMap(this, db);
  }

  Future<Buffer> get(Db db, String name) {
    return Hop.on(ctx, () -> {
      checkOpen();
      Key key = new Key(db, name);
      byte[] local = local(key);
      if (local != null) {
        return Future.succeededFuture(local == ReadCache.ABSENT ? null : Buffer.buffer(local));
      }
      long seq = writeSeq;
      return reads.get(key).map(v -> {
        health.ok();
        if (seq == writeSeq) {
          cache.put(key, v);
        }
        return v == null ? null : Buffer.buffer(v);
      }).onFailure(e -> health.failed("reading from " + backend.name(), e));
    });
  }

  /** Queues {@code value} ({@link ReadCache#ABSENT} deletes); completes once stored. */
  Future<Void> put(Db db, String name, byte[] value) {
    return Hop.on(ctx, () -> {
      checkOpen();
      Key key = new Key(db, name);
      enqueue(key, value);
      cache.put(key, value == ReadCache.ABSENT ? null : value);
      return batches.request();
    });
  }

  private byte[] local(Key key) {
    byte[] v = pending.get(key);
    if (v == null) {
      v = inflight.get(key);
    }
    return v != null ? v : cache.get(key);
  }

  private void enqueue(Key key, byte[] value) {
    if (pending.put(key, value) == null) {
      queued.incrementAndGet();
    }
    writeSeq++;
  }

  private void checkOpen() {
    if (closing != null) {
      throw new IllegalStateException("store closed");
    }
  }

  private Future<Void> writeBatch() {
    if (pending.isEmpty()) {
      return Future.succeededFuture();
    }
    inflight = pending;
    pending = new LinkedHashMap<>();
    List<Backend.Write> writes = new ArrayList<>(inflight.size());
    inflight.forEach((k, v) -> writes.add(new Backend.Write(k.db(), k.name(), v == ReadCache.ABSENT ? null : v)));
    return writeFrom(writes, 0).onComplete(ar -> {
      queued.addAndGet(-inflight.size());
      inflight = Map.of();
    });
  }

  private Future<Void> writeFrom(List<Backend.Write> writes, int from) {
    if (from >= writes.size()) {
      return Future.succeededFuture();
    }
    List<Backend.Write> round = writes.subList(from, Math.min(writes.size(), from + maxBatch));
    return retrying(() -> backend.write(round)).compose(v -> writeFrom(writes, from + round.size()));
  }

  private Future<Void> retrying(Supplier<Future<Void>> op) {
    Promise<Void> done = Promise.promise();
    attempt(op, done, FIRST_RETRY_MS);
    return done.future();
  }

  private void attempt(Supplier<Future<Void>> op, Promise<Void> done, long delay) {
    Hop.guarded(op).onComplete(ar -> {
      if (ar.succeeded()) {
        health.ok();
        done.complete();
      } else if (closeDeadline > 0 && System.currentTimeMillis() + delay > closeDeadline) {
        done.fail(new IllegalStateException("store closed while " + backend.name() + " was unreachable: "
          + queued.get() + " writes were not stored", ar.cause()));
      } else {
        health.failed("writing to " + backend.name(), ar.cause());
        ctx.owner().setTimer(delay, t -> attempt(op, done, Math.min(delay * 2, MAX_RETRY_MS)));
      }
    });
  }

  @Override
  public Future<Void> scan(Db db, Function<List<RawEntry>, Future<Void>> pages) {
    return Hop.on(ctx, () -> batches.request().compose(v -> pageFrom(db, null, pages)));
  }

  private Future<Void> pageFrom(Db db, String cursor, Function<List<RawEntry>, Future<Void>> pages) {
    return backend.page(db, cursor, PAGE).compose(page -> {
      List<RawEntry> entries = new ArrayList<>(page.entries().size());
      for (Map.Entry<String, byte[]> e : page.entries()) {
        entries.add(db.longKeys() ? RawEntry.of(Long.parseLong(e.getKey()), e.getValue())
          : RawEntry.of(e.getKey(), e.getValue()));
      }
      Future<Void> delivered = entries.isEmpty() ? Future.succeededFuture() : Hop.guarded(() -> pages.apply(entries));
      return page.next() == null ? delivered
        : delivered.compose(v -> Hop.on(ctx, () -> pageFrom(db, page.next(), pages)));
    });
  }

  @Override
  public Future<Void> write(Db db, List<RawEntry> entries) {
    return Hop.on(ctx, () -> {
      checkOpen();
      for (RawEntry e : entries) {
        enqueue(new Key(db, e.keyText()), e.value());
      }
      return batches.request();
    });
  }

  @Override
  public Future<Void> clear(Set<Db> dbs) {
    return Hop.on(ctx, () -> batches.request().compose(v -> backend.clear(dbs)).onSuccess(v -> cache.clear()));
  }

  @Override
  public Future<Void> mark(String migratedTo) {
    return Hop.on(ctx, () -> backend.mark(migratedTo));
  }

  @Override
  public Future<Void> flush() {
    return Hop.on(ctx, () -> {
      checkOpen();
      return batches.request();
    });
  }

  @Override
  public StoreHealth health() {
    return health.snapshot();
  }

  @Override
  public Future<Void> close() {
    return Hop.on(ctx, () -> {
      if (closing == null) {
        closeDeadline = System.currentTimeMillis() + CLOSE_TIMEOUT_MS;
        closing = batches.request().eventually(backend::close);
      }
      return closing;
    });
  }
}
