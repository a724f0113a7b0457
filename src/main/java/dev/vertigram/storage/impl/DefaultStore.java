package dev.vertigram.storage.impl;

import dev.vertigram.storage.Db;
import dev.vertigram.storage.LongMap;
import dev.vertigram.storage.Store;
import dev.vertigram.storage.StoreHealth;
import dev.vertigram.storage.StoreOptions;
import dev.vertigram.storage.StringMap;
import io.vertx.core.Future;

import java.util.EnumMap;
import java.util.Map;

/**
 * The {@link Store} handed to users: an engine's maps, with the databases turned off by slimming replaced by
 * {@link DisabledMap}, the full-info cache wrapped in {@link TtlLongMap}, and the session lock released on close.
 */
final class DefaultStore implements Store {

  private final StoreOptions options;
  private final StoreEngine engine;
  private final SessionFolder folder;
  private final Map<Db, Object> maps = new EnumMap<>(Db.class);
  private Future<Void> closing;

  DefaultStore(StoreOptions options, StoreEngine engine, SessionFolder folder) {
    this.options = options;
    this.engine = engine;
    this.folder = folder;
    for (Db db : Db.values()) {
      Object map;
      if (!options.getSlimming().keeps(db)) {
        map = DisabledMap.INSTANCE;
      } else if (db == Db.FULL_INFO) {
        map = new TtlLongMap(engine.longMap(db), options.getFullInfoTtl() * 1000L);
      } else {
        map = db.longKeys() ? engine.longMap(db) : engine.stringMap(db);
      }
      maps.put(db, map);
    }
  }

  /** Deletes expired full-info entries. */
  Future<Void> purgeExpired() {
    return maps.get(Db.FULL_INFO) instanceof TtlLongMap ttl ? ttl.purge() : Future.succeededFuture();
  }

  @Override
  public StoreOptions options() {
    return options;
  }

  @Override
  public LongMap longMap(Db db) {
    if (!db.longKeys()) {
      throw new IllegalArgumentException(db.key() + " has String keys: use stringMap");
    }
    return (LongMap) maps.get(db);
  }

  @Override
  public StringMap stringMap(Db db) {
    if (db.longKeys()) {
      throw new IllegalArgumentException(db.key() + " has long keys: use longMap");
    }
    return (StringMap) maps.get(db);
  }

  @Override
  public Future<Void> flush() {
    return engine.flush();
  }

  @Override
  public StoreHealth health() {
    return engine.health();
  }

  @Override
  public synchronized Future<Void> close() {
    if (closing == null) {
      closing = engine.close().eventually(folder::unlock);
    }
    return closing;
  }
}
