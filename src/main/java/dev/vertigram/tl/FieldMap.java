package dev.vertigram.tl;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The map behind each decoded JsonObject: keys and values in two arrays, in schema order. A TL object has a few dozen
 * fields at most, so a linear scan finds a key about as fast as hashing, and decoding only appends (no entry objects,
 * no table, no rehash), which halves the cost of decoding. Fully mutable, so callers can edit decoded values.
 */
final class FieldMap extends AbstractMap<String, Object> {

  private String[] keys;
  private Object[] values;
  private int size;

  FieldMap(int capacity) {
    keys = new String[Math.max(2, capacity)];
    values = new Object[keys.length];
  }

  /** Adds a key known to be absent (the decoder's distinct field names). */
  void append(String key, Object value) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    values[size++] = value;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public Object get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public Object put(String key, Object value) {
    int i = indexOf(key);
    if (i >= 0) {
      Object old = values[i];
      values[i] = value;
      return old;
    }
    append(key, value);
    return null;
  }

  @Override
  public Object remove(Object key) {
    int i = indexOf(key);
    if (i < 0) {
      return null;
    }
    Object old = values[i];
    removeAt(i);
    return old;
  }

  @Override
  public void clear() {
    Arrays.fill(keys, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Entries();
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  private int indexOf(Object key) {
    for (int i = 0; i < size; i++) {
      if (keys[i] == key || keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private void removeAt(int i) {
    int tail = size - i - 1;
    System.arraycopy(keys, i + 1, keys, i, tail);
    System.arraycopy(values, i + 1, values, i, tail);
    size--;
    keys[size] = null;
    values[size] = null;
  }

  /** Entries in order; setValue writes through, remove() is supported. */
  private final class Entries implements Iterator<Entry<String, Object>> {
    private int next;
    private boolean removable;

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    public Entry<String, Object> next() {
      if (next >= size) {
        throw new NoSuchElementException();
      }
      int i = next++;
      removable = true;
      return new SimpleEntry<>(keys[i], values[i]) {
        @Override
        public Object setValue(Object value) {
          values[i] = value;
          return super.setValue(value);
        }
      };
    }

    @Override
    public void remove() {
      if (!removable) {
        throw new IllegalStateException();
      }
      removeAt(--next);
      removable = false;
    }
  }
}
