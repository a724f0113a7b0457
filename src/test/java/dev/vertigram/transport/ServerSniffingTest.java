package dev.vertigram.transport;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.vertigram.transport.TestBytes.fixedRandom;
import static dev.vertigram.transport.TestBytes.hex;
import static dev.vertigram.transport.TestBytes.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server recognises each framing, plain or obfuscated, from the client's first bytes. */
class ServerSniffingTest {
  private static final Buffer PACKET = TestBytes.unencrypted(new Random(11), 2);

  @ParameterizedTest(name = "{0} obfuscated={1}")
  @MethodSource("dev.vertigram.transport.Pairs#combos")
  void recognisesEveryCombination(TransportKind kind, boolean obfuscated) {
    for (int dcId : new int[] {2, -4, 10005}) {
      ServerTransport server = new ServerTransport();
      assertNull(server.kind());
      assertThrows(IllegalStateException.class, () -> server.encode(PACKET));
      List<Buffer> got = new ArrayList<>();
      server.decode(ClientTransport.create(kind, obfuscated, dcId).encode(PACKET), got::add);
      assertEquals(List.of(PACKET), got);
      assertEquals(kind, server.kind());
      assertEquals(obfuscated, server.obfuscated());
      assertEquals(obfuscated ? dcId : 0, server.dcId());
    }
  }

  @Test
  void fullCannotBeObfuscated() {
    assertFalse(TransportKind.FULL.supportsObfuscation());
    assertThrows(IllegalArgumentException.class, () -> ClientTransport.create(TransportKind.FULL, true, 2));
  }

  @Test
  void dcIdMustFitInt16() {
    assertThrows(IllegalArgumentException.class, () -> ClientTransport.create(TransportKind.INTERMEDIATE, true, 40000));
  }

  @Test
  void unknownObfuscatedTagIsRefused() {
    byte[] init = range(0, 64);
    Framing.putIntLE(init, Obfuscated2.TAG_OFFSET, 0x12345678);
    Obfuscated2 cipher = Obfuscated2.forClient(init, null);
    ServerTransport server = new ServerTransport();
    TransportException e = assertThrows(TransportException.class,
      () -> server.decode(Buffer.buffer(cipher.header(init)), f -> { }));
    assertTrue(e.getMessage().contains("12345678"), e.getMessage());
    assertThrows(TransportException.class, () -> server.decode(Buffer.buffer(), f -> { }), "stays broken");
  }

  @Test
  void mtproxySecretMustMatch() {
    byte[] secret = hex("dd 8a96ef6e42a18c21837580cd1c91c5a8");
    List<Buffer> got = new ArrayList<>();
    ServerTransport proxy = new ServerTransport(secret);
    proxy.decode(ClientTransport.create(TransportKind.PADDED_INTERMEDIATE, true, 2, secret).encode(PACKET), got::add);
    assertEquals(List.of(PACKET), got);
    assertEquals(2, proxy.dcId());

    ClientTransport direct = ClientTransport.create(TransportKind.PADDED_INTERMEDIATE, true, 2);
    assertThrows(TransportException.class, () -> new ServerTransport(secret).decode(direct.encode(PACKET), f -> { }));
  }

  @Test
  void unsupportedSecretsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ServerTransport(new byte[15]));
    byte[] fakeTls = new byte[30];
    fakeTls[0] = (byte) 0xee;
    assertThrows(IllegalArgumentException.class,
      () -> ClientTransport.create(TransportKind.INTERMEDIATE, true, 2, fakeTls));
    assertThrows(IllegalArgumentException.class,
      () -> ClientTransport.create(TransportKind.INTERMEDIATE, false, 2, new byte[16]));
  }

  @Test
  void initsThatLookLikeOtherProtocolsAreRegenerated() {
    String[] forbidden = {"ef000000 01000000", "48454144 01000000", "504f5354 01000000", "47455420 01000000",
      "4f505449 01000000", "16030102 01000000", "dddddddd 01000000", "eeeeeeee 01000000", "01020304 00000000"};
    byte[][] outputs = new byte[forbidden.length + 1][];
    for (int i = 0; i < forbidden.length; i++) {
      outputs[i] = new byte[64];
      System.arraycopy(hex(forbidden[i]), 0, outputs[i], 0, 8);
      assertFalse(Obfuscated2.allowed(outputs[i]), forbidden[i]);
    }
    outputs[forbidden.length] = range(0, 64);
    byte[] init = Obfuscated2.newInit(fixedRandom(outputs), TransportKind.ABRIDGED, -2);
    assertEquals(hex(Buffer.buffer(range(0, 56))) + "efefefef" + "feff" + "3e3f", hex(Buffer.buffer(init)));
  }
}
