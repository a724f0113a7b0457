package dev.vertigram.storage;

import dev.vertigram.storage.impl.StoreOpener;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The databases of one session, kept in RAM (the default, saved to the session folder), in Postgres or in Redis.
 *
 * <p>{@link #open} locks the session folder (a second opener gets a {@link SessionLockedException} naming the
 * owner), moves the session's data over when the configured backend changed since the last run, and loads it. The
 * store then runs on the Vert.x context that opened it; {@link #close()} it before that context goes away
 * ({@link StoreVerticle} does this on undeploy).
 *
 * <p>Every operation returns a {@link Future}; none blocks the calling thread. What a succeeded write guarantees is
 * told in {@link Db}. Slimming settings ({@link StoreOptions#getSlimming()}) turn some databases into no-op maps.
 */
public interface Store {

  /** Opens the session described by {@code options}. */
  static Future<Store> open(Vertx vertx, StoreOptions options) {
    return StoreOpener.open(vertx, options);
  }

  /** The options this store was opened with. */
  StoreOptions options();

  /** A {@code long}-keyed database; {@code db.longKeys()} must be true. */
  LongMap longMap(Db db);

  /** A {@code String}-keyed database; {@code db.longKeys()} must be false. */
  StringMap stringMap(Db db);

  /**
   * Completes when every write accepted before this call is durable (the memory store saves now; the Postgres and
   * Redis stores commit what is queued).
   */
  Future<Void> flush();

  /** The current health. */
  StoreHealth health();

  /** Flushes, releases the database connections and the session lock. Later calls fail. Idempotent. */
  Future<Void> close();
}
