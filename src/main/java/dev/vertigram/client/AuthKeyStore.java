package dev.vertigram.client;

import dev.vertigram.crypto.AuthKey;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the permanent auth keys live, one per DC. The default keeps them in memory; a persistent store
 * ({@link StoreAuthKeyStore}: files, Postgres, Redis) implements the same three methods, and may also keep what a
 * session needs to resume without a round trip (the server salts of each key, the clock offset). Temporary (PFS)
 * keys are never stored: the server forgets them anyway. The connections call it on their event loops.
 */
public interface AuthKeyStore {

  /** The permanent key of a DC, or a null result when there is none yet. */
  Future<AuthKey> permKey(int dcId);

  /** Stores a DC's new permanent key (it must be durable when the future succeeds). */
  Future<Void> savePermKey(int dcId, AuthKey key);

  /** Forgets a DC's key (the server no longer knows it). */
  Future<Void> removePermKey(int dcId);

  /** The salts last saved for a DC's permanent key (opaque, see {@code MtSession.restoreSalts}), or null. */
  default Buffer serverSalts(int dcId) {
    return null;
  }

  /** Keeps the salts of a DC's permanent key (nothing by default); failures are the store's to report. */
  default void saveServerSalts(int dcId, Buffer salts) {
  }

  /** The last known offset of the server's clock from ours, in milliseconds (0 when unknown). */
  default long timeOffsetMillis() {
    return 0;
  }

  /** Keeps the server clock's offset (nothing by default). */
  default void saveTimeOffset(long offsetMillis) {
  }

  /** The home DC a migration moved the session to (0 when none: the configured one applies). */
  default int homeDc() {
    return 0;
  }

  /** Keeps the home DC after a PHONE/USER/NETWORK_MIGRATE (nothing by default). */
  default void saveHomeDc(int dcId) {
  }

  /** A store in memory, lost when the JVM exits. */
  static AuthKeyStore inMemory() {
    Map<Integer, AuthKey> keys = new ConcurrentHashMap<>();
    return new AuthKeyStore() {
      @Override
      public Future<AuthKey> permKey(int dcId) {
        return Future.succeededFuture(keys.get(dcId));
      }

      @Override
      public Future<Void> savePermKey(int dcId, AuthKey key) {
        keys.put(dcId, key);
        return Future.succeededFuture();
      }

      @Override
      public Future<Void> removePermKey(int dcId) {
        keys.remove(dcId);
        return Future.succeededFuture();
      }
    };
  }
}
