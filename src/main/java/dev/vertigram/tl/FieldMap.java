package dev.vertigram.tl;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The map behind each decoded JsonObject: keys and values interleaved in one array, in schema order. A TL object has
 * a few dozen fields at most, so a linear scan finds a key about as fast as hashing, and decoding only appends (no
 * entry objects, no table, no rehash), which halves the cost of decoding. Fully mutable, so callers can edit decoded
 * values.
 */
final class FieldMap extends AbstractMap<String, Object> {

  /** Key i at 2i, its value at 2i + 1. */
  private Object[] slots;
  private int size;

  FieldMap(int capacity) {
    slots = new Object[2 * Math.max(2, capacity)];
  }

  /** Adds a key known to be absent (the decoder's distinct field names). */
  void append(String key, Object value) {
    if (2 * size == slots.length) {
      slots = Arrays.copyOf(slots, slots.length * 2);
    }
    slots[2 * size] = key;
    slots[2 * size + 1] = value;
    size++;
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
    return i < 0 ? null : slots[2 * i + 1];
  }

  @Override
  public Object put(String key, Object value) {
    int i = indexOf(key);
    if (i >= 0) {
      Object old = slots[2 * i + 1];
      slots[2 * i + 1] = value;
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
    Object old = slots[2 * i + 1];
    removeAt(i);
    return old;
  }

  @Override
  public void clear() {
    Arrays.fill(slots, 0, 2 * size, null);
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
      Object k = slots[2 * i];
      if (k == key || k.equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private void removeAt(int i) {
    System.arraycopy(slots, 2 * i + 2, slots, 2 * i, 2 * (size - i - 1));
    size--;
    slots[2 * size] = null;
    slots[2 * size + 1] = null;
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
      return new SimpleEntry<>((String) slots[2 * i], slots[2 * i + 1]) {
        @Override
        public Object setValue(Object value) {
          slots[2 * i + 1] = value;
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
