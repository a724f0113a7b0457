package dev.vertigram.tl;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Growable little-endian writer of TL bytes. Not thread-safe. */
public final class TlWriter {

  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** TL bytes carry a 3-byte length. */
  private static final int MAX_BYTES = (1 << 24) - 1;

  private byte[] buf;
  private int size;

  /** A writer with a small initial capacity. */
  public TlWriter() {
    this(256);
  }

  /** A writer with room for {@code capacity} bytes before it grows. */
  public TlWriter(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  /** Appends a 32-bit little-endian int. */
  public TlWriter writeInt(int v) {
    ensure(4);
    INT.set(buf, size, v);
    size += 4;
    return this;
  }

  /** Appends a 64-bit little-endian long. */
  public TlWriter writeLong(long v) {
    ensure(8);
    LONG.set(buf, size, v);
    size += 8;
    return this;
  }

  /** Appends a little-endian IEEE-754 double. */
  public TlWriter writeDouble(double v) {
    return writeLong(Double.doubleToRawLongBits(v));
  }

  /** Appends bytes as they are (no length, no padding). */
  public TlWriter writeRaw(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
    return this;
  }

  /** Appends the buffer's bytes as they are (no length, no padding). */
  public TlWriter writeRaw(Buffer b) {
    int n = b.length();
    ensure(n);
    b.getBytes(0, n, buf, size);
    size += n;
    return this;
  }

  /** Appends TL {@code bytes}: length prefix, data, zero padding to a multiple of 4. */
  public TlWriter writeBytes(byte[] b) {
    return writeBytes(b, 0, b.length);
  }

  /** Appends TL {@code bytes} taken from a buffer. */
  public TlWriter writeBytes(Buffer b) {
    int n = b.length();
    int start = bytesHeader(n);
    b.getBytes(0, n, buf, start);
    return this;
  }

  /** Appends TL {@code bytes} taken from {@code len} bytes of {@code b} at {@code off}. */
  public TlWriter writeBytes(byte[] b, int off, int len) {
    int start = bytesHeader(len);
    System.arraycopy(b, off, buf, start, len);
    return this;
  }

  /** Appends a TL {@code string} (UTF-8). */
  public TlWriter writeString(String s) {
    return writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Bytes written so far. */
  public int size() {
    return size;
  }

  /** A copy of the bytes written, as a Buffer. */
  public Buffer toBuffer() {
    return Buffer.buffer(size).appendBytes(buf, 0, size);
  }

  /** The bytes written as a fixed-size Buffer over the writer's array, without copying: write nothing more after it. */
  public Buffer view() {
    return BufferInternal.buffer(Unpooled.wrappedBuffer(buf, 0, size));
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /** Overwrites the int at {@code offset} (used to patch a length once what follows is written). */
  void setInt(int offset, int v) {
    INT.set(buf, offset, v);
  }

  /**
   * Writes the length prefix and the zero padding of a TL bytes value of length {@code len}, and returns where its
   * data goes (the caller copies it there).
   */
  private int bytesHeader(int len) {
    if (len > MAX_BYTES) {
      throw new TlException("bytes too long: " + len + " > " + MAX_BYTES);
    }
    int header = len <= 253 ? 1 : 4;
    int total = (header + len + 3) & ~3;
    ensure(total);
    if (header == 1) {
      buf[size] = (byte) len;
    } else {
      INT.set(buf, size, 254 | len << 8);
    }
    int start = size + header;
    Arrays.fill(buf, start + len, size + total, (byte) 0);
    size += total;
    return start;
  }

  private void ensure(int n) {
    if (buf.length - size < n) {
      long want = Math.max((long) buf.length * 2, (long) size + n);
      if (want > Integer.MAX_VALUE - 8) {
        throw new TlException("output too large: " + want + " bytes");
      }
      buf = Arrays.copyOf(buf, (int) want);
    }
  }
}
