package dev.vertigram.transport;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.vertigram.transport.TestBytes.fixedRandom;
import static dev.vertigram.transport.TestBytes.hex;
import static dev.vertigram.transport.TestBytes.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ../shared/protocol/VECTORS.md §10, byte for byte. */
class TransportVectorsTest {

  private static ClientTransport plain(TransportKind kind) {
    return ClientTransport.create(kind, false, 0);
  }

  @Test
  void abridgedFrames() {
    assertEquals("ef00", hex(plain(TransportKind.ABRIDGED).encode(Buffer.buffer())));
    Buffer p128 = Buffer.buffer(range(0, 128));
    assertEquals("ef20" + hex(p128), hex(plain(TransportKind.ABRIDGED).encode(p128)));

    ClientTransport t = plain(TransportKind.ABRIDGED);
    t.encode(Buffer.buffer());
    assertEquals("0161626364", hex(t.encode(Buffer.buffer("abcd"))));
    assertEquals("1f", hex(t.encode(Buffer.buffer(new byte[124]))).substring(0, 2));
    assertEquals("7f000100", hex(t.encode(Buffer.buffer(new byte[1024]))).substring(0, 8));
  }

  @Test
  void abridgedOneBytePacketIsIncomplete() {
    List<Buffer> frames = new ArrayList<>();
    plain(TransportKind.ABRIDGED).decode(Buffer.buffer(hex("01")), frames::add);
    assertTrue(frames.isEmpty());
  }

  @Test
  void intermediateFrames() {
    assertEquals("eeeeeeee00000000", hex(plain(TransportKind.INTERMEDIATE).encode(Buffer.buffer())));
    Buffer p128 = Buffer.buffer(range(0, 128));
    assertEquals("eeeeeeee80000000" + hex(p128), hex(plain(TransportKind.INTERMEDIATE).encode(p128)));
  }

  @Test
  void fullFrames() {
    assertEquals("0c00000000000000" + "26ca8d32", hex(plain(TransportKind.FULL).encode(Buffer.buffer())));

    ClientTransport t = plain(TransportKind.FULL);
    Buffer p128 = Buffer.buffer(range(0, 128));
    Buffer seq0 = t.encode(p128);
    assertEquals("8c00000000000000" + hex(p128) + "86739537", hex(seq0));
    assertEquals("8c00000001000000" + hex(p128) + "9609f04a", hex(t.encode(p128)));

    ClientTransport abc = plain(TransportKind.FULL);
    abc.encode(Buffer.buffer());
    assertEquals("0f00000001000000" + "616263" + "4ed66d94", hex(abc.encode(Buffer.buffer("abc"))));
  }

  @Test
  void fullCorruptedCrc() {
    byte[] frame = plain(TransportKind.FULL).encode(Buffer.buffer(range(0, 128))).getBytes();
    frame[frame.length - 1] ^= (byte) 0xff;
    TransportException e = assertThrows(TransportException.class,
      () -> new ServerTransport().decode(Buffer.buffer(frame), f -> { }));
    assertEquals("bad crc, expected: 932541318, got: 3365237638", e.getMessage());
  }

  @Test
  void obfuscatedGenerateKeys() {
    byte[] random = new byte[64];
    Arrays.fill(random, (byte) 0x61);
    byte[] secret = new byte[16];
    Arrays.fill(secret, (byte) 0xaa);
    Buffer wire = ClientTransport.create(TransportKind.PADDED_INTERMEDIATE, true, 2, secret, fixedRandom(random))
      .encode(TestBytes.encrypted(new java.util.Random(1), 1));
    assertEquals("61".repeat(56) + "ab4162424f66fddc", hex(wire.getBuffer(0, 64)));
  }

  @Test
  void obfuscatedEncrypt() {
    byte[] random = hex("f5768f50b731260a46be1027c2eeaa39350624f0b6da59eba56c81fe4510c2e0"
      + "b61d3dd323ee02388633e3837a0c1c24fa6f29ccd724be6f416ff7b026f6cce6");
    byte[] init = Obfuscated2.newInit(fixedRandom(random), TransportKind.PADDED_INTERMEDIATE, 2);
    Obfuscated2 cipher = Obfuscated2.forClient(init, hex("8a96ef6e42a18c21837580cd1c91c5a8"));
    byte[] header = cipher.header(init);
    assertEquals("bea2dde16dc59dd2", hex(Buffer.buffer(header).getBuffer(56, 64)));
    byte[] out = "abcd".getBytes();
    cipher.encrypt(out);
    assertArrayEquals(hex("ca7a8226"), out);
    byte[] in = "abcd".getBytes();
    cipher.decrypt(in);
    assertArrayEquals(hex("8f711982"), in);
  }

  @Test
  void obfuscatedDecryptInit() {
    byte[] reversed = Obfuscated2.reversed(range(0, 64));
    assertArrayEquals(hex("3736353433323130" + "2f2e2d2c2b2a29282726252423222120"
      + "1f1e1d1c1b1a19181716151413121110" + "0f0e0d0c0b0a0908"), Arrays.copyOfRange(reversed, 8, 56));
  }

  /** The DERIVED no-secret vector, through both transports. */
  @Test
  void obfuscatedWithoutSecret() {
    ClientTransport client = ClientTransport.create(TransportKind.INTERMEDIATE, true, 2, null,
      fixedRandom(range(0, 64)));
    // Two empty intermediate frames are 8 zero bytes on the wire before encryption.
    Buffer wire = client.encode(Buffer.buffer()).appendBuffer(client.encode(Buffer.buffer()));
    assertEquals(hex(Buffer.buffer(range(0, 56))) + "4618255e1c00fd5d" + "32a9c12838f16541", hex(wire));

    ServerTransport server = new ServerTransport();
    List<Buffer> frames = new ArrayList<>();
    server.decode(wire, frames::add);
    assertEquals(2, frames.size());
    assertEquals(TransportKind.INTERMEDIATE, server.kind());
    assertTrue(server.obfuscated());
    assertEquals(2, server.dcId());
  }
}
