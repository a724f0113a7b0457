package dev.vertigram.tl;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Little-endian cursor over TL bytes. Every read is bounds-checked and throws {@link TlException} naming the offset
 * (relative to the start of the reader). Reads go straight to the backing array; a heap {@link Buffer} is not copied.
 */
public final class TlReader {

  /** The smallest TL bytes {@link #readBuffer} may hand out as a view instead of a copy. */
  private static final int SHARE_MIN = 64 * 1024;
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] data;
  /** Array index of offset 0 (what {@link #position()} is relative to). */
  private final int base;
  /** Array index one past the last readable byte. */
  private final int end;
  private int pos;
  /** Where the padded TL bytes announced by the last {@link #bytesHeader()} end. */
  private int bytesEnd;

  /** Reads all of {@code data}. */
  public TlReader(byte[] data) {
    this(data, 0, data.length);
  }

  /** Reads {@code length} bytes of {@code data} from {@code offset}. */
  public TlReader(byte[] data, int offset, int length) {
    this(data, offset, offset, checkedEnd(data, offset, length));
  }

  /** Reads the whole buffer (its backing array when it has one, else a copy). */
  public TlReader(Buffer buf) {
    this(Window.of(buf));
  }

  private TlReader(Window w) {
    this(w.array, w.offset, w.offset, w.offset + w.length);
  }

  private TlReader(byte[] data, int base, int pos, int end) {
    this.data = data;
    this.base = base;
    this.pos = pos;
    this.end = end;
  }

  /** Reads a 32-bit little-endian int. */
  public int readInt() {
    need(4);
    int v = (int) INT.get(data, pos);
    pos += 4;
    return v;
  }

  /** Reads a 64-bit little-endian long. */
  public long readLong() {
    need(8);
    long v = (long) LONG.get(data, pos);
    pos += 8;
    return v;
  }

  /** Reads a little-endian IEEE-754 double. */
  public double readDouble() {
    return Double.longBitsToDouble(readLong());
  }

  /** Reads TL {@code bytes} (length prefix, data, padding to 4). */
  public byte[] readBytes() {
    int len = bytesHeader();
    byte[] out = Arrays.copyOfRange(data, pos, pos + len);
    pos = bytesEnd;
    return out;
  }

  /** Reads TL {@code string} as UTF-8 (malformed sequences become U+FFFD). */
  public String readString() {
    int len = bytesHeader();
    String s = new String(data, pos, len, StandardCharsets.UTF_8);
    pos = bytesEnd;
    return s;
  }

  /** Reads {@code n} raw bytes. */
  public byte[] readRaw(int n) {
    if (n < 0) {
      throw error("negative length " + n);
    }
    need(n);
    byte[] out = Arrays.copyOfRange(data, pos, pos + n);
    pos += n;
    return out;
  }

  /** Offset of the cursor from the start of the reader. */
  public int position() {
    return pos - base;
  }

  /** Moves the cursor to {@code position} (0 ..= end). */
  public void position(int position) {
    if (position < 0 || position > end - base) {
      throw error("position " + position + " outside 0.." + (end - base));
    }
    pos = base + position;
  }

  /** Bytes left after the cursor. */
  public int remaining() {
    return end - pos;
  }

  /**
   * TL bytes as a Buffer: a view of the array read when they fill at least half of it and {@value #SHARE_MIN}
   * bytes or more (a file part: no copy, and the view keeps at most twice its size alive), else a copy.
   */
  Buffer readBuffer() {
    int len = bytesHeader();
    Buffer out = len >= SHARE_MIN && 2L * len >= data.length
        ? BufferInternal.buffer(Unpooled.wrappedBuffer(data, pos, len))
        : Buffer.buffer(len).appendBytes(data, pos, len);
    pos = bytesEnd;
    return out;
  }

  /** {@code n} raw bytes into a new Buffer. */
  Buffer readRawBuffer(int n) {
    need(n);
    Buffer out = Buffer.buffer(n).appendBytes(data, pos, n);
    pos += n;
    return out;
  }

  /** The next int, without moving the cursor. */
  int peekInt() {
    need(4);
    return (int) INT.get(data, pos);
  }

  /** A reader over the next {@code n} bytes, with the same offsets as this one; this reader skips them. */
  TlReader split(int n) {
    need(n);
    TlReader sub = new TlReader(data, base, pos, pos + n);
    pos += n;
    return sub;
  }

  /** A {@link TlException} at the cursor. */
  TlException error(String reason) {
    return new TlException(reason, position());
  }

  private void need(int n) {
    if (end - pos < n) {
      throw error("truncated: need " + n + " bytes, " + (end - pos) + " left");
    }
  }

  /** Reads the length prefix, checks that data and padding fit, leaves the cursor on the data. */
  private int bytesHeader() {
    need(1);
    int first = data[pos] & 0xff;
    int len;
    int header;
    if (first <= 253) {
      len = first;
      header = 1;
    } else if (first == 254) {
      need(4);
      len = (data[pos + 1] & 0xff) | (data[pos + 2] & 0xff) << 8 | (data[pos + 3] & 0xff) << 16;
      header = 4;
    } else {
      throw error("invalid length prefix 0xff");
    }
    int total = (header + len + 3) & ~3;
    if (total > end - pos) {
      throw error("length " + len + " past the end: need " + total + " bytes, " + (end - pos) + " left");
    }
    bytesEnd = pos + total;
    pos += header;
    return len;
  }

  private static int checkedEnd(byte[] data, int offset, int length) {
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new IllegalArgumentException("window " + offset + "+" + length + " outside " + data.length + " bytes");
    }
    return offset + length;
  }

  /** The readable bytes of a Buffer as an array window, copied only when the buffer is not heap-backed. */
  private record Window(byte[] array, int offset, int length) {
    static Window of(Buffer buf) {
      if (buf instanceof BufferInternal internal) {
        ByteBuf bb = internal.getByteBuf();
        if (bb.hasArray()) {
          return new Window(bb.array(), bb.arrayOffset() + bb.readerIndex(), bb.readableBytes());
        }
      }
      byte[] copy = buf.getBytes();
      return new Window(copy, 0, copy.length);
    }
  }
}
