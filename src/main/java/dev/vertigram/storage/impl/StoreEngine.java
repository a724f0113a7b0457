package dev.vertigram.storage.impl;

import dev.vertigram.storage.Db;
import dev.vertigram.storage.LongMap;
import dev.vertigram.storage.StoreHealth;
import dev.vertigram.storage.StringMap;
import io.vertx.core.Future;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A backend holding a session's databases (memory, Postgres, Redis), before the decorations of
 * {@link DefaultStore} (slimming, TTL) and without the session lock, which {@link StoreOpener} owns.
 */
public interface StoreEngine {

  /** Short name for logs and {@code store.json}: memory, postgres or redis. */
  String name();

  /** The raw long-keyed map of {@code db}. */
  LongMap longMap(Db db);

  /** The raw String-keyed map of {@code db}. */
  StringMap stringMap(Db db);

  /**
   * Hands every entry of {@code db} to {@code pages}, one page at a time: the next page is read once the future
   * returned for the previous one completed. Pages are handed over on the engine's context.
   */
  Future<Void> scan(Db db, Function<List<RawEntry>, Future<Void>> pages);

  /** Stores entries (as put would); completes when they are acknowledged. */
  Future<Void> write(Db db, List<RawEntry> entries);

  /** Deletes everything in {@code dbs}. */
  Future<Void> clear(Set<Db> dbs);

  /**
   * Records in the backend itself that this session's data moved to {@code migratedTo} (null: the data is live
   * again). A memory engine marked migrated renames its files and stops saving.
   */
  Future<Void> mark(String migratedTo);

  /** Completes when every write accepted before the call is durable. */
  Future<Void> flush();

  /** Current health. */
  StoreHealth health();

  /** Flushes and releases resources. */
  Future<Void> close();
}
