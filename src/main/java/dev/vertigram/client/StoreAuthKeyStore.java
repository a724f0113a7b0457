package dev.vertigram.client;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.storage.Db;
import dev.vertigram.storage.Store;
import dev.vertigram.storage.StringMap;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/** Permanent auth keys kept in a session's {@link Store} ({@link Db#AUTH_KEYS}, keys like {@code "dc2.perm"}). */
public final class StoreAuthKeyStore implements AuthKeyStore {

  private final StringMap keys;

  public StoreAuthKeyStore(Store store) {
    this.keys = store.stringMap(Db.AUTH_KEYS);
  }

  @Override
  public Future<AuthKey> permKey(int dcId) {
    return keys.get(key(dcId)).map(b -> b == null ? null : new AuthKey(b.getBytes()));
  }

  @Override
  public Future<Void> savePermKey(int dcId, AuthKey key) {
    return keys.put(key(dcId), Buffer.buffer(key.bytes()));
  }

  @Override
  public Future<Void> removePermKey(int dcId) {
    return keys.remove(key(dcId));
  }

  /** Forgets every DC's key (logout). */
  Future<Void> clear() {
    return Future.all(java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(this::removePermKey).toList()).mapEmpty();
  }

  private static String key(int dcId) {
    return "dc" + dcId + ".perm";
  }
}
