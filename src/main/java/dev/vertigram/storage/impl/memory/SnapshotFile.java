package dev.vertigram.storage.impl.memory;

import dev.vertigram.storage.Db;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * The binary format of the memory store's files ({@code state.bin}, {@code critical.bin}), version {@value VERSION}.
 * All integers big-endian; {@code varint} is unsigned LEB128.
 *
 * <pre>
 * "VGSF" | u16 version | u16 database count
 * per database: u8 db id | u32 entry count | entries
 *   entry: key (i64 for long-keyed databases, varint length + UTF-8 otherwise) | varint length + value bytes
 * u32 CRC32C of everything before it
 * </pre>
 *
 * A file that is truncated, fails its CRC, or has a newer version is refused rather than half-loaded.
 */
final class SnapshotFile {

  static final int VERSION = 1;
  private static final int MAGIC = 0x56475346;

  /** Receives what {@link #read} decodes. */
  interface Sink {
    void put(Db db, long id, String name, byte[] value);
  }

  private SnapshotFile() {
  }

  static void write(OutputStream out, List<DbSnapshot> dbs) throws IOException {
    CRC32C crc = new CRC32C();
    DataOutputStream d = new DataOutputStream(new CheckedOutputStream(out, crc));
    d.writeInt(MAGIC);
    d.writeShort(VERSION);
    d.writeShort(dbs.size());
    for (DbSnapshot s : dbs) {
      d.writeByte(s.db.id());
      d.writeInt(s.size);
      int written = 0;
      for (int i = 0; i < s.slots() && written < s.size; i++) {
        if (s.values[i] != null) {
          writeEntry(d, s, i);
          written++;
        }
      }
    }
    d.flush();
    new DataOutputStream(out).writeInt((int) crc.getValue());
  }

  private static void writeEntry(DataOutputStream d, DbSnapshot s, int i) throws IOException {
    if (s.names != null) {
      byte[] name = s.names[i].getBytes(StandardCharsets.UTF_8);
      writeVarint(d, name.length);
      d.write(name);
    } else {
      d.writeLong(s.ids[i]);
    }
    writeVarint(d, s.values[i].length);
    d.write(s.values[i]);
  }

  static void read(byte[] file, String what, Sink sink) throws IOException {
    if (file.length < 12) {
      throw new IOException(what + " is truncated (" + file.length + " bytes)");
    }
    CRC32C crc = new CRC32C();
    crc.update(file, 0, file.length - 4);
    ByteBuffer in = ByteBuffer.wrap(file);
    if (in.getInt(file.length - 4) != (int) crc.getValue()) {
      throw new IOException(what + " is corrupt (CRC mismatch)");
    }
    if (in.getInt() != MAGIC) {
      throw new IOException(what + " is not a Vertigram session file");
    }
    int version = in.getShort() & 0xffff;
    if (version > VERSION) {
      throw new IOException(what + " has format " + version + "; this version reads up to " + VERSION);
    }
    in.limit(file.length - 4);
    try {
      readDbs(in, what, sink);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new IOException(what + " is malformed at offset " + in.position(), e);
    }
  }

  private static void readDbs(ByteBuffer in, String what, Sink sink) throws IOException {
    int count = in.getShort() & 0xffff;
    for (int n = 0; n < count; n++) {
      int id = in.get() & 0xff;
      Db db = Db.byId(id);
      if (db == null) {
        throw new IOException(what + " holds unknown database id " + id);
      }
      int entries = in.getInt();
      for (int e = 0; e < entries; e++) {
        String name = db.longKeys() ? null : new String(bytes(in), StandardCharsets.UTF_8);
        long key = db.longKeys() ? in.getLong() : 0;
        sink.put(db, key, name, bytes(in));
      }
    }
  }

  private static byte[] bytes(ByteBuffer in) {
    int n = readVarint(in);
    if (n > in.remaining()) {
      throw new IllegalArgumentException("length " + n + " past the end");
    }
    byte[] b = new byte[n];
    in.get(b);
    return b;
  }

  private static void writeVarint(DataOutputStream d, int v) throws IOException {
    while ((v & ~0x7f) != 0) {
      d.writeByte((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    d.writeByte(v);
  }

  private static int readVarint(ByteBuffer in) {
    int v = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      int b = in.get() & 0xff;
      v |= (b & 0x7f) << shift;
      if (b < 0x80) {
        if (v < 0) {
          throw new IllegalArgumentException("negative length");
        }
        return v;
      }
    }
    throw new IllegalArgumentException("varint too long");
  }
}
