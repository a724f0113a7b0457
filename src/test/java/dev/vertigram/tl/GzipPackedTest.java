package dev.vertigram.tl;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GzipPackedTest {

  @Test
  void packsOnlyWhenItPays() {
    Buffer small = Buffer.buffer(new byte[400]);
    assertSame(small, GzipPacked.packIfSmaller(small, 512));
    Buffer zeros = Buffer.buffer(new byte[4000]);
    Buffer packed = GzipPacked.packIfSmaller(zeros, 512);
    assertEquals(GzipPacked.ID, packed.getIntLE(0));
    assertTrue(packed.length() < 200);
    byte[] noise = new byte[4000];
    new Random(2).nextBytes(noise);
    Buffer random = Buffer.buffer(noise);
    assertSame(random, GzipPacked.packIfSmaller(random, 512));
    TlReader r = new TlReader(packed);
    r.position(4);
    assertArrayEquals(zeros.getBytes(), GzipPacked.inflate(r.readBytes(), GzipPacked.MAX_INFLATED));
  }

  @Test
  void theCodecSeesThroughWhatItPacks() {
    Buffer boxed = TlCodec.api().encode(new io.vertx.core.json.JsonObject().put("_", "help.getNearestDc"));
    assertEquals(boxed.length(), 4);
    Buffer packed = GzipPacked.pack(boxed);
    assertEquals("help.getNearestDc", TlCodec.api().decode(packed).getString("_"));
  }

  @Test
  void inflationIsBoundedAndCorruptDataIsATlException() {
    Buffer packed = GzipPacked.pack(Buffer.buffer(new byte[10_000]));
    TlReader r = new TlReader(packed);
    r.position(4);
    byte[] data = r.readBytes();
    TlException tooBig = assertThrows(TlException.class, () -> GzipPacked.inflate(data, 5000));
    assertTrue(tooBig.getMessage().contains("inflates past 5000"), tooBig.getMessage());
    assertThrows(TlException.class, () -> GzipPacked.inflate(new byte[] {1, 2, 3, 4}, 5000));
  }
}
