package dev.vertigram.storage.impl.memory;

import dev.vertigram.storage.Db;
import dev.vertigram.storage.StringMap;
import dev.vertigram.storage.impl.Scans;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.Map;
import java.util.function.BiConsumer;

/** A String-keyed database of the {@link MemoryEngine}: operations run on the caller's thread. */
final class MemStringMap implements StringMap {

  private final MemoryEngine engine;
  private final Db db;
  private final Map<String, byte[]> map;

  MemStringMap(MemoryEngine engine, Db db, Map<String, byte[]> map) {
    this.engine = engine;
    this.db = db;
    this.map = map;
  }

  @Override
  public Future<Buffer> get(String key) {
    byte[] v = map.get(key);
    return Future.succeededFuture(v == null ? null : Buffer.buffer(v));
  }

  @Override
  public Future<Void> put(String key, Buffer value) {
    Future<Void> closed = engine.closedFailure();
    if (closed != null) {
      return closed;
    }
    map.put(key, value.getBytes());
    return engine.changed(db);
  }

  @Override
  public Future<Void> remove(String key) {
    Future<Void> closed = engine.closedFailure();
    if (closed != null) {
      return closed;
    }
    return map.remove(key) != null ? engine.changed(db) : Future.succeededFuture();
  }

  @Override
  public Future<Void> forEach(BiConsumer<String, Buffer> consumer) {
    return Scans.forEachString(engine, db, consumer);
  }
}
