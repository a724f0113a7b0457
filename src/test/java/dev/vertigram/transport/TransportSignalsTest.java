package dev.vertigram.transport;

import dev.vertigram.transport.Pairs.Pair;
import dev.vertigram.transport.Pairs.Wire;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Transport errors, quick acks and full-transport integrity checks. */
class TransportSignalsTest {
  private static final Buffer PACKET = TestBytes.encrypted(new Random(3), 2);

  @ParameterizedTest(name = "{0} obfuscated={1}")
  @MethodSource("dev.vertigram.transport.Pairs#combos")
  void transportErrorsSurfaceWithTheirCode(TransportKind kind, boolean obfuscated) {
    Pair pair = Pair.open(kind, obfuscated, 2);
    for (int code : new int[] {-404, -429, -444}) {
      Buffer wire = pair.server().encodeError(code).appendBuffer(pair.server().encode(PACKET));
      List<Buffer> got = new ArrayList<>();
      TransportErrorException e =
        assertThrows(TransportErrorException.class, () -> pair.client().decode(wire, got::add));
      assertEquals(code, e.code());
      assertEquals(List.of(), got);
      pair.client().decode(Buffer.buffer(), got::add);
      assertEquals(List.of(PACKET), got, "the frame after the error is still delivered");
    }
  }

  @Test
  void errorCodesMustBeNegative() {
    Pair pair = Pair.open(TransportKind.INTERMEDIATE, false, 2);
    assertThrows(IllegalArgumentException.class, () -> pair.server().encodeError(404));
  }

  @ParameterizedTest(name = "{0} obfuscated={1}")
  @MethodSource("dev.vertigram.transport.Pairs#combos")
  void quickAcksReachTheHandler(TransportKind kind, boolean obfuscated) {
    Pair pair = Pair.open(kind, obfuscated, 2);
    if (kind == TransportKind.FULL) {
      assertThrows(UnsupportedOperationException.class, () -> pair.server().encodeQuickAck(1));
      return;
    }
    List<Integer> tokens = new ArrayList<>();
    pair.client().quickAckHandler(tokens::add);
    Buffer wire = pair.server().encodeQuickAck(0x01234567).appendBuffer(pair.server().encode(PACKET))
      .appendBuffer(pair.server().encodeQuickAck(0xfedcba98));
    assertEquals(List.of(PACKET), Pairs.feedRandomly(new Wire(wire, pair.client()), new Random(5), 3));
    assertEquals(List.of(0x81234567, 0xfedcba98), tokens);
  }

  @ParameterizedTest
  @EnumSource(value = TransportKind.class, names = {"ABRIDGED", "INTERMEDIATE", "PADDED_INTERMEDIATE"})
  void quickAcksAreIgnoredByDefault(TransportKind kind) {
    Pair pair = Pair.open(kind, false, 2);
    Buffer wire = pair.server().encodeQuickAck(7).appendBuffer(pair.server().encode(PACKET));
    List<Buffer> got = new ArrayList<>();
    pair.client().decode(wire, got::add);
    assertEquals(List.of(PACKET), got);
  }

  @Test
  void clientQuickAckRequestBitIsIgnoredByTheServer() {
    ServerTransport server = new ServerTransport();
    List<Buffer> got = new ArrayList<>();
    // intermediate length 4 with bit 31 (quick ack requested), then abridged-like flag on a second connection
    server.decode(Buffer.buffer(TestBytes.hex("eeeeeeee 04000080 01020304")), got::add);
    assertEquals(List.of(Buffer.buffer(TestBytes.hex("01020304"))), got);
    ServerTransport abridged = new ServerTransport();
    abridged.decode(Buffer.buffer(TestBytes.hex("ef 81 01020304")), got::add);
    assertEquals(2, got.size());
  }

  @Test
  void fullSequenceMismatchIsRefused() {
    Pair pair = Pair.open(TransportKind.FULL, false, 2);
    pair.server().encode(PACKET); // seq 0, never delivered
    Buffer second = pair.server().encode(PACKET);
    TransportException e = assertThrows(TransportException.class, () -> pair.client().decode(second, f -> { }));
    assertEquals("bad seq, expected: 0, got: 1", e.getMessage());
    assertThrows(TransportException.class, () -> pair.client().decode(Buffer.buffer(), f -> { }),
      "a broken stream stays broken");
  }

  @Test
  void fullCountsEachDirectionFromZero() {
    Pair pair = Pair.open(TransportKind.FULL, false, 2); // client already sent seq 0
    List<Buffer> got = new ArrayList<>();
    pair.client().decode(pair.server().encode(PACKET), got::add);
    pair.server().decode(pair.client().encode(PACKET), got::add);
    assertEquals(List.of(PACKET, PACKET), got);
  }

  @Test
  void fullCrcMismatchIsRefusedAnywhereInTheFrame() {
    Pair pair = Pair.open(TransportKind.FULL, false, 2);
    byte[] frame = pair.server().encode(PACKET).getBytes();
    frame[10] ^= 1;
    TransportException e = assertThrows(TransportException.class,
      () -> pair.client().decode(Buffer.buffer(frame), f -> { }));
    assertEquals(true, e.getMessage().startsWith("bad crc, expected: "), e.getMessage());
  }

  @Test
  void fullLengthBelowOverheadIsRefused() {
    ClientTransport client = ClientTransport.create(TransportKind.FULL, false, 2);
    Buffer header = Buffer.buffer(TestBytes.hex("08000000"));
    assertThrows(TransportException.class, () -> client.decode(header, f -> { }));
  }

  @Test
  void paddedStripsPaddingFromEveryShape() {
    Random rnd = new Random(9);
    for (int i = 0; i < 200; i++) {
      Pair pair = Pair.open(TransportKind.PADDED_INTERMEDIATE, i % 2 == 0, 2);
      List<Buffer> payloads = List.of(TestBytes.unencrypted(rnd, rnd.nextInt(20)),
        TestBytes.encrypted(rnd, rnd.nextInt(20)),
        Buffer.buffer().appendIntLE(-404));
      List<Buffer> got = new ArrayList<>();
      pair.server().decode(Pairs.concat(payloads, pair.client()), got::add);
      assertEquals(payloads, got);
    }
  }
}
