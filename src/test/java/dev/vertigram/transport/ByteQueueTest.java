package dev.vertigram.transport;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteQueueTest {

  /** Random adds (tiny, small and large chunks) and reads against a plain byte array. */
  @Test
  void behavesLikeAContiguousArray() {
    Random rnd = new Random(5);
    ByteQueue queue = new ByteQueue();
    byte[] all = new byte[1024];
    int size = 0;
    int readPos = 0;
    for (int step = 0; step < 5000; step++) {
      if (rnd.nextBoolean()) {
        byte[] chunk = new byte[rnd.nextInt(4) == 0 ? rnd.nextInt(3000) : rnd.nextInt(20)];
        rnd.nextBytes(chunk);
        if (size + chunk.length > all.length) {
          all = Arrays.copyOf(all, 2 * (size + chunk.length));
        }
        System.arraycopy(chunk, 0, all, size, chunk.length);
        size += chunk.length;
        queue.add(chunk);
      }
      int available = size - readPos;
      assertTrue(queue.has(available));
      assertFalse(queue.has(available + 1L));
      if (available >= 4) {
        int index = rnd.nextInt(available - 3);
        assertEquals(Framing.getIntLE(all, readPos + index), queue.getIntLE(index));
      }
      int n = available == 0 ? 0 : rnd.nextInt(available + 1);
      switch (rnd.nextInt(3)) {
        case 0 -> assertArrayEquals(Arrays.copyOfRange(all, readPos, readPos + n), queue.readBytes(n));
        case 1 -> assertEquals(Buffer.buffer(Arrays.copyOfRange(all, readPos, readPos + n)), queue.readBuffer(n));
        default -> queue.skip(n);
      }
      readPos += n;
    }
    assertArrayEquals(Arrays.copyOfRange(all, readPos, size), queue.drain());
  }

  @Test
  void outOfRangeAccessIsABug() {
    ByteQueue queue = new ByteQueue();
    queue.add(new byte[] {1, 2, 3});
    assertThrows(IndexOutOfBoundsException.class, () -> queue.getUnsignedByte(3));
    assertThrows(IndexOutOfBoundsException.class, () -> queue.readBytes(4));
  }
}
