package dev.vertigram.storage.impl.remote;

import dev.vertigram.storage.Db;
import io.vertx.core.Future;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A database server holding one session's databases (Postgres, Redis), as used by {@link RemoteEngine}. Keys are
 * text (long keys in decimal). Every method is called on the engine's context and reports on it.
 */
public interface Backend {

  /** One write: {@code value == null} deletes the key. */
  record Write(Db db, String key, byte[] value) {
  }

  /**
   * A page of a scan.
   *
   * @param entries key to value, in the backend's order
   * @param next    the cursor of the next page, or null when this was the last
   */
  record Page(List<Map.Entry<String, byte[]>> entries, String next) {
  }

  /** postgres or redis. */
  String name();

  /** The size of the connection pool: how many queries are worth running at once. */
  int connections();

  /** The stored values of those of {@code keys} that exist. */
  Future<Map<String, byte[]>> getAll(Db db, List<String> keys);

  /** Applies {@code writes} (distinct keys); idempotent, so that a retry after a lost reply is harmless. */
  Future<Void> write(List<Write> writes);

  /** A page of at most about {@code limit} entries from {@code cursor} (null = the start). */
  Future<Page> page(Db db, String cursor, int limit);

  /** Deletes every entry of {@code dbs}. */
  Future<Void> clear(Set<Db> dbs);

  /** Records that this session's data moved to {@code migratedTo} (null: it is live here). */
  Future<Void> mark(String migratedTo);

  /** Releases the connections. */
  Future<Void> close();
}
