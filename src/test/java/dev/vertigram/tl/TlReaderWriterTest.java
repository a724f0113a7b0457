package dev.vertigram.tl;

import static dev.vertigram.tl.JsonAssert.hex;
import static dev.vertigram.tl.JsonAssert.unhex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** TlReader and TlWriter on their own. */
class TlReaderWriterTest {

  @Test
  void littleEndianPrimitives() {
    TlWriter w = new TlWriter(1).writeInt(0x01020304).writeLong(0x0102030405060708L).writeDouble(1.5)
        .writeRaw(new byte[] {9}).writeRaw(Buffer.buffer(new byte[] {10, 11}));
    assertEquals("04030201" + "0807060504030201" + "000000000000f83f" + "09" + "0a0b", hex(w.toByteArray()));
    assertEquals(23, w.size());
    assertEquals(hex(w.toByteArray()), hex(w.toBuffer()));
    TlReader r = new TlReader(w.toBuffer());
    assertEquals(0x01020304, r.readInt());
    assertEquals(0x0102030405060708L, r.readLong());
    assertEquals(1.5, r.readDouble());
    assertArrayEquals(new byte[] {9, 10, 11}, r.readRaw(3));
    assertEquals(0, r.remaining());
    assertEquals(23, r.position());
  }

  @Test
  void bytesOfEveryLengthRoundTripAligned() {
    TlWriter w = new TlWriter();
    for (int len = 0; len < 600; len++) {
      int before = w.size();
      w.writeBytes(pattern(len));
      int total = w.size() - before;
      assertEquals(0, total % 4, "aligned " + len);
      assertEquals(len <= 253 ? (len + 4) / 4 * 4 : (len + 7) / 4 * 4, total, "size " + len);
    }
    TlReader r = new TlReader(w.toByteArray());
    for (int len = 0; len < 600; len++) {
      assertArrayEquals(pattern(len), r.readBytes(), "length " + len);
    }
    assertEquals(0, r.remaining());
  }

  @Test
  void stringsAreUtf8AndBuffersWork() {
    String s = "héllo 😀";
    TlWriter w = new TlWriter().writeString(s).writeBytes(Buffer.buffer("abc")).writeBytes(new byte[] {1, 2, 3}, 1, 2);
    TlReader r = new TlReader(w.toByteArray());
    assertEquals(s, r.readString());
    assertEquals("abc", new String(r.readBytes(), StandardCharsets.UTF_8));
    assertArrayEquals(new byte[] {2, 3}, r.readBytes());
  }

  @Test
  void windowsAndBufferSlicesKeepTheirOffsets() {
    byte[] data = unhex("ffffffff 01000000 02000000 ffffffff");
    TlReader window = new TlReader(data, 4, 8);
    assertEquals(0, window.position());
    assertEquals(1, window.readInt());
    assertEquals(2, window.readInt());
    assertThrows(TlException.class, window::readInt);
    Buffer slice = Buffer.buffer(data).slice(4, 12);
    TlReader r = new TlReader(slice);
    assertEquals(8, r.remaining());
    assertEquals(1, r.readInt());
    r.position(0);
    assertEquals(1, r.readInt());
    assertThrows(TlException.class, () -> r.position(9));
    assertThrows(TlException.class, () -> r.position(-1));
  }

  @Test
  void everyReadIsBoundsChecked() {
    TlReader r = new TlReader(new byte[] {1, 2, 3, 4, 5, 6});
    r.readInt();
    TlException e = assertThrows(TlException.class, r::readInt);
    assertEquals("(offset 4): truncated: need 4 bytes, 2 left", e.getMessage());
    assertEquals(4, e.offset());
    assertEquals(4, r.position(), "a failed read does not move the cursor");
    assertThrows(TlException.class, r::readLong);
    assertThrows(TlException.class, () -> r.readRaw(3));
    assertThrows(TlException.class, () -> r.readRaw(-1));
    assertThrows(TlException.class, r::readBytes); // 0x05: 5 bytes announced, 2 left
    assertThrows(TlException.class, () -> new TlReader(new byte[0]).readString());
    assertThrows(TlException.class, () -> new TlReader(unhex("fe0100")).readBytes());
    assertThrows(TlException.class, () -> new TlReader(unhex("03616263")).readRaw(5));
    // The padding must be there too.
    assertThrows(TlException.class, () -> new TlReader(unhex("026162")).readBytes());
    assertEquals(2, new TlReader(unhex("02616200")).readBytes().length);
  }

  @Test
  void writerRejectsTooLongBytes() {
    assertThrows(TlException.class, () -> new TlWriter().writeBytes(new byte[1 << 24]));
  }

  private static byte[] pattern(int len) {
    byte[] b = new byte[len];
    for (int i = 0; i < len; i++) {
      b[i] = (byte) (31 * i + len);
    }
    return b;
  }

  /** A splicing writer gives the same bytes as a copying one, lengths patched after a spliced value included. */
  @Test
  void splicingWriterReferencesBigBytesAndWritesTheSame() {
    Buffer big = Buffer.buffer(pattern(TlWriter.SPLICE_MIN + 1));
    Buffer bigger = Buffer.buffer(pattern(TlWriter.SPLICE_MIN * 2 + 3));
    TlWriter[] writers = {new TlWriter(), TlWriter.splicing(16)};
    for (TlWriter w : writers) {
      w.writeInt(7).writeBytes(big);
      int lengthAt = w.size();
      w.writeInt(0).writeBytes(Buffer.buffer("small")).writeBytes(bigger).writeLong(-1L);
      w.setInt(lengthAt, w.size() - lengthAt - 4);
    }
    byte[] expected = writers[0].toByteArray();
    TlWriter spliced = writers[1];
    assertEquals(expected.length, spliced.size());
    assertArrayEquals(expected, spliced.view().getBytes());
    assertArrayEquals(expected, spliced.toBuffer().getBytes());
    assertArrayEquals(expected, spliced.toByteArray());
    Buffer view = spliced.view();
    big.setByte(0, (byte) (big.getByte(0) + 1));
    assertEquals(big.getByte(0), view.getByte(8), "the big value is referenced, not copied");
  }
}
