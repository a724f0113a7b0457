package dev.vertigram.transport;

import io.vertx.core.buffer.Buffer;

import java.util.ArrayDeque;

/**
 * Received bytes waiting to be parsed, kept as the list of chunks they arrived in. Chunks are never merged
 * while a frame is incomplete, so a big frame arriving in many pieces costs one copy when it is complete
 * (no quadratic re-copying). Indexes are relative to the read position.
 */
final class ByteQueue {
  private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
  /** Bytes of the first chunk already consumed. */
  private int headOffset;
  private long readable;

  /** Appends a chunk; the queue takes ownership of the array. */
  void add(byte[] chunk) {
    if (chunk.length > 0) {
      chunks.addLast(chunk);
      readable += chunk.length;
    }
  }

  long readable() {
    return readable;
  }

  boolean has(long n) {
    return readable >= n;
  }

  int getUnsignedByte(int index) {
    if (index < 0 || index >= readable) {
      throw new IndexOutOfBoundsException("index " + index + ", readable " + readable);
    }
    int pos = headOffset + index;
    for (byte[] chunk : chunks) {
      if (pos < chunk.length) {
        return chunk[pos] & 0xff;
      }
      pos -= chunk.length;
    }
    throw new AssertionError("readable count out of sync");
  }

  int getIntLE(int index) {
    return getUnsignedByte(index) | getUnsignedByte(index + 1) << 8
      | getUnsignedByte(index + 2) << 16 | getUnsignedByte(index + 3) << 24;
  }

  void skip(int n) {
    consume(n, null, 0, null);
  }

  byte[] readBytes(int n) {
    byte[] out = new byte[n];
    consume(n, out, 0, null);
    return out;
  }

  Buffer readBuffer(int n) {
    Buffer out = Buffer.buffer(n);
    consume(n, null, 0, out);
    return out;
  }

  /** Removes and returns everything buffered. */
  byte[] drain() {
    return readBytes((int) readable);
  }

  /** Consumes n bytes, copying them to {@code array} at {@code offset} or appending them to {@code buffer}. */
  private void consume(int n, byte[] array, int offset, Buffer buffer) {
    if (n < 0 || n > readable) {
      throw new IndexOutOfBoundsException("consume " + n + ", readable " + readable);
    }
    int left = n;
    while (left > 0) {
      byte[] head = chunks.peekFirst();
      int take = Math.min(left, head.length - headOffset);
      if (array != null) {
        System.arraycopy(head, headOffset, array, offset, take);
        offset += take;
      } else if (buffer != null) {
        buffer.appendBytes(head, headOffset, take);
      }
      left -= take;
      headOffset += take;
      if (headOffset == head.length) {
        chunks.pollFirst();
        headOffset = 0;
      }
    }
    readable -= n;
  }
}
