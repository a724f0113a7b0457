package dev.vertigram.client;

import dev.vertigram.crypto.AuthKey;
import io.vertx.core.Future;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the permanent auth keys live, one per DC. The default keeps them in memory; a persistent store (files,
 * Postgres, Redis) implements the same three methods. Temporary (PFS) keys are never stored: the server forgets
 * them anyway.
 */
public interface AuthKeyStore {

  /** The permanent key of a DC, or a null result when there is none yet. */
  Future<AuthKey> permKey(int dcId);

  /** Stores a DC's new permanent key (it must be durable when the future succeeds). */
  Future<Void> savePermKey(int dcId, AuthKey key);

  /** Forgets a DC's key (the server no longer knows it). */
  Future<Void> removePermKey(int dcId);

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
