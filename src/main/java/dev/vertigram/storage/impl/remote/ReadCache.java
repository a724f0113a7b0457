package dev.vertigram.storage.impl.remote;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The read cache in front of a backend: least-recently-used eviction past {@code maxEntries}, and entries expire
 * {@code ttlMillis} after they were stored. It also remembers absent keys. Confined to the engine's context.
 */
final class ReadCache {

  /** Marks a key known to be absent (compared by identity; stored values are never this array). */
  static final byte[] ABSENT = new byte[0];

  private record Cached(byte[] value, long expiresAt) {
  }

  private final int maxEntries;
  private final long ttlMillis;
  private final LinkedHashMap<Key, Cached> map;

  ReadCache(int maxEntries, long ttlMillis) {
    this.maxEntries = maxEntries;
    this.ttlMillis = ttlMillis;
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
        return size() > ReadCache.this.maxEntries;
      }
    };
  }

  /** The cached value ({@link #ABSENT} for a known-absent key), or null on a miss. */
  byte[] get(Key key) {
    Cached c = map.get(key);
    if (c == null) {
      return null;
    }
    if (System.currentTimeMillis() >= c.expiresAt) {
      map.remove(key);
      return null;
    }
    return c.value;
  }

  /** Caches {@code value} (null = absent). */
  void put(Key key, byte[] value) {
    if (maxEntries > 0) {
      map.put(key, new Cached(value == null ? ABSENT : value, System.currentTimeMillis() + ttlMillis));
    }
  }

  void clear() {
    map.clear();
  }
}
