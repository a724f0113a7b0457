package dev.vertigram.storage.impl.memory;

import dev.vertigram.storage.Db;
import dev.vertigram.storage.impl.RawEntry;

import java.util.Map;

/**
 * A copy of one database of the memory engine, taken without holding any lock during the save or scan that reads
 * it. Slot {@code i} holds an entry when {@code values[i] != null}; its key is {@code ids[i]} or {@code names[i]}.
 */
final class DbSnapshot {

  final Db db;
  final long[] ids;
  final String[] names;
  final byte[][] values;
  final int size;

  private DbSnapshot(Db db, long[] ids, String[] names, byte[][] values, int size) {
    this.db = db;
    this.ids = ids;
    this.names = names;
    this.values = values;
    this.size = size;
  }

  static DbSnapshot of(Db db, LongBytesMap map) {
    LongBytesMap.Snapshot s = map.snapshot();
    return new DbSnapshot(db, s.keys(), null, s.values(), s.size());
  }

  static DbSnapshot of(Db db, Map<String, byte[]> map) {
    Object[] entries = map.entrySet().toArray();
    String[] names = new String[entries.length];
    byte[][] values = new byte[entries.length][];
    for (int i = 0; i < entries.length; i++) {
      @SuppressWarnings("unchecked")
      Map.Entry<String, byte[]> e = (Map.Entry<String, byte[]>) entries[i];
      names[i] = e.getKey();
      values[i] = e.getValue();
    }
    return new DbSnapshot(db, null, names, values, entries.length);
  }

  int slots() {
    return values.length;
  }

  RawEntry entry(int slot) {
    return names != null ? RawEntry.of(names[slot], values[slot]) : RawEntry.of(ids[slot], values[slot]);
  }
}
