package dev.vertigram.localdc.impl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The auth keys of one DC, by auth_key_id. Thread-safe (test hooks read it from other threads). */
final class KeyStore {

  private final Map<Long, StoredKey> keys = new ConcurrentHashMap<>();

  /** The key with that id, or null when unknown or expired (an expired temporary key is forgotten). */
  StoredKey find(long authKeyId, long nowMillis) {
    StoredKey key = keys.get(authKeyId);
    if (key != null && key.expired(nowMillis)) {
      keys.remove(authKeyId, key);
      return null;
    }
    return key;
  }

  /** Adds a key; false when its id is already taken (the handshake then answers dh_gen_retry). */
  boolean register(StoredKey key) {
    return keys.putIfAbsent(key.id(), key) == null;
  }

  /** Every key (a live view, for snapshots). */
  java.util.Collection<StoredKey> all() {
    return keys.values();
  }

  void remove(StoredKey key) {
    keys.remove(key.id(), key);
  }
}
