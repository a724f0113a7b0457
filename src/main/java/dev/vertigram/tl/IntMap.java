package dev.vertigram.tl;

/** Open-addressing map from int keys to values, so id lookups in the decoder neither box nor allocate. */
final class IntMap<V> {

  private final int[] keys;
  private final Object[] values;
  private final int mask;

  /** A map with room for {@code expected} entries at a load factor of at most 0.5. */
  IntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
    keys = new int[cap];
    values = new Object[cap];
    mask = cap - 1;
  }

  /** Adds or replaces; the map does not grow, so callers size it up front. */
  void put(int key, V value) {
    int i = slot(key);
    keys[i] = key;
    values[i] = value;
  }

  @SuppressWarnings("unchecked")
  V get(int key) {
    return (V) values[slot(key)];
  }

  private int slot(int key) {
    int i = (key * 0x9E3779B9 >>> 7) & mask;
    while (values[i] != null && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }
}
