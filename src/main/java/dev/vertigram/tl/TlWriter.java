package dev.vertigram.tl;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Growable little-endian writer of TL bytes. Not thread-safe.
 *
 * <p>A {@link #splicing} writer does not copy big {@code bytes} values (file parts): it keeps a reference to them, and
 * {@link #view} returns the bytes written around them and the values themselves as one composite Buffer.
 */
public final class TlWriter {

  /** Bytes values from this size on are referenced, not copied, by a {@link #splicing} writer. */
  static final int SPLICE_MIN = 64 * 1024;

  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** TL bytes carry a 3-byte length. */
  private static final int MAX_BYTES = (1 << 24) - 1;

  private byte[] buf;
  /** Bytes written to {@link #buf}. */
  private int size;
  /** Null unless {@link #splicing}: the values not copied, each with where it goes in {@link #buf}. */
  private List<Splice> splices;
  /** Sum of the lengths of {@link #splices}. */
  private int spliced;

  private record Splice(int at, Buffer bytes) {
  }

  /** A writer with a small initial capacity. */
  public TlWriter() {
    this(256);
  }

  /** A writer with room for {@code capacity} bytes before it grows. */
  public TlWriter(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  /**
   * A writer that references {@code bytes} values of {@value #SPLICE_MIN} bytes or more instead of copying them: those
   * values must not change until the result of {@link #view} is used up.
   */
  public static TlWriter splicing(int capacity) {
    TlWriter w = new TlWriter(capacity);
    w.splices = new ArrayList<>(1);
    return w;
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
    if (splices != null && n >= SPLICE_MIN) {
      int start = bytesHeader(n, 0);
      splices.add(new Splice(start, b));
      spliced += n;
      return this;
    }
    int start = bytesHeader(n, n);
    b.getBytes(0, n, buf, start);
    return this;
  }

  /** Appends TL {@code bytes} taken from {@code len} bytes of {@code b} at {@code off}. */
  public TlWriter writeBytes(byte[] b, int off, int len) {
    int start = bytesHeader(len, len);
    System.arraycopy(b, off, buf, start, len);
    return this;
  }

  /** Appends a TL {@code string} (UTF-8). */
  public TlWriter writeString(String s) {
    return writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Bytes written so far. */
  public int size() {
    return size + spliced;
  }

  /** A copy of the bytes written, as a Buffer. */
  public Buffer toBuffer() {
    if (spliced > 0) {
      return view().copy();
    }
    return Buffer.buffer(size).appendBytes(buf, 0, size);
  }

  /** The bytes written as a fixed-size Buffer over the writer's array, without copying: write nothing more after it. */
  public Buffer view() {
    if (spliced == 0) {
      return BufferInternal.buffer(Unpooled.wrappedBuffer(buf, 0, size));
    }
    List<ByteBuf> parts = new ArrayList<>(2 * splices.size() + 1);
    int from = 0;
    for (Splice s : splices) {
      parts.add(Unpooled.wrappedBuffer(buf, from, s.at() - from));
      parts.add(((BufferInternal) s.bytes()).getByteBuf());
      from = s.at();
    }
    parts.add(Unpooled.wrappedBuffer(buf, from, size - from));
    return BufferInternal.buffer(Unpooled.wrappedBuffer(parts.size(), parts.toArray(ByteBuf[]::new)));
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return spliced > 0 ? toBuffer().getBytes() : Arrays.copyOf(buf, size);
  }

  /** Overwrites the int at {@code offset} (as {@link #size} counts) to patch a length once what follows is written. */
  void setInt(int offset, int v) {
    int before = 0; // lengths of the spliced values before the int, which are not in buf
    if (splices != null) {
      for (Splice s : splices) {
        if (s.at() + before <= offset) {
          before += s.bytes().length();
        }
      }
    }
    INT.set(buf, offset - before, v);
  }

  /**
   * Writes the length prefix and the zero padding of a TL bytes value of length {@code len}, of which {@code copied}
   * (all or none) go into {@link #buf}, and returns where its data goes (the caller copies it there).
   */
  private int bytesHeader(int len, int copied) {
    if (len > MAX_BYTES) {
      throw new TlException("bytes too long: " + len + " > " + MAX_BYTES);
    }
    int header = len <= 253 ? 1 : 4;
    int total = (header + len + 3) & ~3;
    int inBuf = total - (len - copied);
    ensure(inBuf);
    if (header == 1) {
      buf[size] = (byte) len;
    } else {
      INT.set(buf, size, 254 | len << 8);
    }
    int start = size + header;
    Arrays.fill(buf, start + copied, size + inBuf, (byte) 0);
    size += inBuf;
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
