package dev.vertigram.storage.impl.remote;

import dev.vertigram.storage.Db;
import dev.vertigram.storage.LongMap;
import dev.vertigram.storage.StringMap;
import dev.vertigram.storage.impl.Scans;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.function.BiConsumer;

/** A database of a {@link RemoteEngine}, with long keys (stored in decimal) or String keys. */
final class RemoteMap implements LongMap, StringMap {

  private final RemoteEngine engine;
  private final Db db;

  RemoteMap(RemoteEngine engine, Db db) {
    this.engine = engine;
    this.db = db;
  }

  @Override
  public Future<Buffer> get(long key) {
    return engine.get(db, Long.toString(key));
  }

  @Override
  public Future<Void> put(long key, Buffer value) {
    return engine.put(db, Long.toString(key), value.getBytes());
  }

  @Override
  public Future<Void> remove(long key) {
    return engine.put(db, Long.toString(key), ReadCache.ABSENT);
  }

  @Override
  public Future<Void> forEach(LongMap.EntryConsumer consumer) {
    return Scans.forEachLong(engine, db, consumer);
  }

  @Override
  public Future<Buffer> get(String key) {
    return engine.get(db, key);
  }

  @Override
  public Future<Void> put(String key, Buffer value) {
    return engine.put(db, key, value.getBytes());
  }

  @Override
  public Future<Void> remove(String key) {
    return engine.put(db, key, ReadCache.ABSENT);
  }

  @Override
  public Future<Void> forEach(BiConsumer<String, Buffer> consumer) {
    return Scans.forEachString(engine, db, consumer);
  }
}
