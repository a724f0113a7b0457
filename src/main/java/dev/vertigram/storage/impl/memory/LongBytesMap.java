package dev.vertigram.storage.impl.memory;

/**
 * A compact {@code long -> byte[]} hash map (open addressing, linear probing, no boxing) for the big long-keyed
 * databases: about 30 bytes of overhead per entry where a {@code HashMap<Long, byte[]>} needs about 70. Thread-safe
 * through its monitor; {@link #snapshot()} copies the two arrays, so a save holds the lock for a memory copy only.
 */
final class LongBytesMap {

  /** A copy of the slots: entry {@code i} exists when {@code values[i] != null}. */
  record Snapshot(long[] keys, byte[][] values, int size) {
  }

  private static final int MIN_CAPACITY = 16;

  private long[] keys;
  private byte[][] values;
  private int size;

  LongBytesMap() {
    clear();
  }

  synchronized byte[] get(long key) {
    int i = find(key);
    return i < 0 ? null : values[i];
  }

  synchronized void put(long key, byte[] value) {
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (values[i] != null) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    if (++size * 2 > keys.length) {
      resize(keys.length * 2);
    }
  }

  synchronized boolean remove(long key) {
    int i = find(key);
    if (i < 0) {
      return false;
    }
    shiftBack(i);
    size--;
    return true;
  }

  synchronized int size() {
    return size;
  }

  synchronized void clear() {
    keys = new long[MIN_CAPACITY];
    values = new byte[MIN_CAPACITY][];
    size = 0;
  }

  synchronized Snapshot snapshot() {
    return new Snapshot(keys.clone(), values.clone(), size);
  }

  private int find(long key) {
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (values[i] != null) {
      if (keys[i] == key) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  /** Backward-shift deletion: keeps every probe chain unbroken without tombstones. */
  private void shiftBack(int hole) {
    int mask = keys.length - 1;
    int i = hole;
    while (true) {
      i = (i + 1) & mask;
      if (values[i] == null) {
        break;
      }
      int home = slot(keys[i], mask);
      boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
      if (movable) {
        keys[hole] = keys[i];
        values[hole] = values[i];
        hole = i;
      }
    }
    values[hole] = null;
  }

  private void resize(int capacity) {
    long[] oldKeys = keys;
    byte[][] oldValues = values;
    keys = new long[capacity];
    values = new byte[capacity][];
    int mask = capacity - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldValues[j] != null) {
        int i = slot(oldKeys[j], mask);
        while (values[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
