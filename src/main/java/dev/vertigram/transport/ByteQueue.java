package dev.vertigram.transport;

import io.vertx.core.buffer.Buffer;

import java.util.ArrayDeque;

/**
 * Received bytes waiting to be parsed, kept as a list of segments. Segments are never merged while a frame is
 * incomplete, so a big frame arriving in many pieces costs one copy when it is complete (no quadratic
 * re-copying). Small chunks are packed into shared 4 KiB segments so that a peer trickling single bytes
 * cannot make the queue cost much more memory than the bytes it holds. Indexes are relative to the read
 * position.
 */
final class ByteQueue {
  private static final int SMALL_CHUNK = 256;
  private static final int PACKED_SEGMENT = 4096;

  /** A run of bytes {@code data[0:length]}; the last segment may have spare room for small chunks. */
  private static final class Segment {
    final byte[] data;
    int length;

    Segment(byte[] data, int length) {
      this.data = data;
      this.length = length;
    }
  }

  private final ArrayDeque<Segment> segments = new ArrayDeque<>();
  /** Bytes of the first segment already consumed. */
  private int headOffset;
  private long readable;

  /** Appends a chunk; a chunk of {@value #SMALL_CHUNK} bytes or more is kept as is (the queue owns it). */
  void add(byte[] chunk) {
    int n = chunk.length;
    if (n == 0) {
      return;
    }
    readable += n;
    if (n >= SMALL_CHUNK) {
      segments.addLast(new Segment(chunk, n));
      return;
    }
    Segment tail = segments.peekLast();
    if (tail == null || tail.data.length - tail.length < n) {
      tail = new Segment(new byte[PACKED_SEGMENT], 0);
      segments.addLast(tail);
    }
    System.arraycopy(chunk, 0, tail.data, tail.length, n);
    tail.length += n;
  }

  boolean has(long n) {
    return readable >= n;
  }

  int getUnsignedByte(int index) {
    if (index < 0 || index >= readable) {
      throw new IndexOutOfBoundsException("index " + index + ", readable " + readable);
    }
    int pos = headOffset + index;
    for (Segment segment : segments) {
      if (pos < segment.length) {
        return segment.data[pos] & 0xff;
      }
      pos -= segment.length;
    }
    throw new AssertionError("readable count out of sync");
  }

  int getIntLE(int index) {
    return getUnsignedByte(index) | getUnsignedByte(index + 1) << 8
      | getUnsignedByte(index + 2) << 16 | getUnsignedByte(index + 3) << 24;
  }

  void skip(int n) {
    consume(n, null, null);
  }

  byte[] readBytes(int n) {
    byte[] out = new byte[n];
    consume(n, out, null);
    return out;
  }

  Buffer readBuffer(int n) {
    Buffer out = Buffer.buffer(n);
    consume(n, null, out);
    return out;
  }

  /** Removes and returns everything buffered. */
  byte[] drain() {
    return readBytes((int) readable);
  }

  /** Consumes n bytes, copying them into {@code array} or appending them to {@code buffer} (or neither). */
  private void consume(int n, byte[] array, Buffer buffer) {
    if (n < 0 || n > readable) {
      throw new IndexOutOfBoundsException("consume " + n + ", readable " + readable);
    }
    int copied = 0;
    while (copied < n) {
      Segment head = segments.peekFirst();
      int take = Math.min(n - copied, head.length - headOffset);
      if (array != null) {
        System.arraycopy(head.data, headOffset, array, copied, take);
      } else if (buffer != null) {
        buffer.appendBytes(head.data, headOffset, take);
      }
      copied += take;
      headOffset += take;
      if (headOffset == head.length) {
        segments.pollFirst();
        headOffset = 0;
      }
    }
    readable -= n;
  }
}
