package dev.vertigram.storage.impl.memory;

import dev.vertigram.storage.Db;
import dev.vertigram.storage.LongMap;
import dev.vertigram.storage.impl.Scans;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/** A long-keyed database of the {@link MemoryEngine}: operations run on the caller's thread. */
final class MemLongMap implements LongMap {

  private final MemoryEngine engine;
  private final Db db;
  private final LongBytesMap map;

  MemLongMap(MemoryEngine engine, Db db, LongBytesMap map) {
    this.engine = engine;
    this.db = db;
    this.map = map;
  }

  @Override
  public Future<Buffer> get(long key) {
    byte[] v = map.get(key);
    return Future.succeededFuture(v == null ? null : Buffer.buffer(v));
  }

  @Override
  public Future<Void> put(long key, Buffer value) {
    Future<Void> closed = engine.closedFailure();
    if (closed != null) {
      return closed;
    }
    map.put(key, value.getBytes());
    return engine.changed(db);
  }

  @Override
  public Future<Void> remove(long key) {
    Future<Void> closed = engine.closedFailure();
    if (closed != null) {
      return closed;
    }
    return map.remove(key) ? engine.changed(db) : Future.succeededFuture();
  }

  @Override
  public Future<Void> forEach(EntryConsumer consumer) {
    return Scans.forEachLong(engine, db, consumer);
  }
}
