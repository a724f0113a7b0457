package dev.vertigram.localdc.impl;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FileRefsTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final FileRefs refs = new FileRefs(10_000, now::get);

  private String error(long fileId, Buffer ref) {
    return assertThrows(RpcErrorException.class, () -> refs.check(fileId, ref)).getMessage();
  }

  @Test
  void referencesAreReusedThenRenewedAndExpire() {
    Buffer first = refs.current(5);
    assertEquals(29, first.length());
    now.addAndGet(4_999);
    assertEquals(first, refs.current(5));
    refs.check(5, first);
    now.addAndGet(1);
    Buffer second = refs.current(5);
    assertNotEquals(first, second);
    now.addAndGet(5_000);
    assertEquals("FILE_REFERENCE_EXPIRED", error(5, first));
    refs.check(5, second);
    now.addAndGet(5_000);
    assertEquals("FILE_REFERENCE_EXPIRED", error(5, second));
  }

  @Test
  void foreignReferencesAreInvalid() {
    Buffer ref = refs.current(5);
    assertEquals("FILE_REFERENCE_INVALID", error(6, ref));
    Buffer forged = ref.copy();
    forged.setByte(28, (byte) (forged.getByte(28) ^ 1));
    assertEquals("FILE_REFERENCE_INVALID", error(5, forged));
    assertEquals("FILE_REFERENCE_EMPTY", error(5, Buffer.buffer()));
  }
}
