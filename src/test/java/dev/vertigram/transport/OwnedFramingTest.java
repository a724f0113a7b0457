package dev.vertigram.transport;

import dev.vertigram.transport.Pairs.Pair;
import dev.vertigram.transport.Pairs.Wire;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** {@link FrameCodec#encodeOwned}: frames built in place around payloads with room, decoded by every framing. */
class OwnedFramingTest {
  private static final List<Buffer> SMALL = TestBytes.smallPackets(new Random(43));

  /** The payload in an array with the room for a frame around it, the room filled with junk. */
  private static Buffer roomy(Buffer payload) {
    byte[] array = new byte[FrameCodec.HEADROOM + payload.length() + FrameCodec.TAILROOM];
    Arrays.fill(array, (byte) 0x5a);
    payload.getBytes(array, FrameCodec.HEADROOM);
    return BufferInternal.buffer(Unpooled.wrappedBuffer(array, FrameCodec.HEADROOM, payload.length()));
  }

  private static Buffer concatOwned(List<Buffer> payloads, FrameCodec sender) {
    Buffer wire = Buffer.buffer();
    payloads.forEach(p -> wire.appendBuffer(sender.encodeOwned(roomy(p))));
    return wire;
  }

  @ParameterizedTest(name = "{0} obfuscated={1}")
  @MethodSource("dev.vertigram.transport.Pairs#combos")
  void serverToClientSplitAtEveryPosition(TransportKind kind, boolean obfuscated) {
    Pairs.splitEverywhere(() -> {
      Pair pair = Pair.open(kind, obfuscated, 2);
      return new Wire(concatOwned(SMALL, pair.server()), pair.client());
    }, SMALL);
  }

  /** The client's first frame carries the tag or obfuscated2 header: that one is copied, the later ones are not. */
  @ParameterizedTest(name = "{0} obfuscated={1}")
  @MethodSource("dev.vertigram.transport.Pairs#combos")
  void clientToServerSplitAtEveryPosition(TransportKind kind, boolean obfuscated) {
    Pairs.splitEverywhere(() -> {
      ClientTransport client = ClientTransport.create(kind, obfuscated, 2);
      return new Wire(concatOwned(SMALL, client), new ServerTransport());
    }, SMALL);
  }

  @ParameterizedTest(name = "{0} obfuscated={1}")
  @MethodSource("dev.vertigram.transport.Pairs#combos")
  void bigFrameIsNotCopied(TransportKind kind, boolean obfuscated) {
    Pair pair = Pair.open(kind, obfuscated, 2);
    Buffer payload = TestBytes.encrypted(new Random(5), 65536);
    Buffer owned = roomy(payload);
    Buffer wire = pair.server().encodeOwned(owned);
    assertSame(((BufferInternal) owned).getByteBuf().array(), ((BufferInternal) wire).getByteBuf().array());
    List<Buffer> got = new ArrayList<>();
    pair.client().decode(wire, got::add);
    assertEquals(List.of(payload), got);
  }

  /** Without the room (or not a heap slice), the payload is copied and left as it was, as by encode. */
  @ParameterizedTest(name = "{0} obfuscated={1}")
  @MethodSource("dev.vertigram.transport.Pairs#combos")
  void payloadWithoutRoomIsCopied(TransportKind kind, boolean obfuscated) {
    Pair pair = Pair.open(kind, obfuscated, 2);
    Buffer payload = TestBytes.encrypted(new Random(6), 4);
    Buffer tight = payload.copy();
    Buffer wire = pair.server().encodeOwned(tight);
    assertNotSame(((BufferInternal) tight).getByteBuf().array(), ((BufferInternal) wire).getByteBuf().array());
    assertEquals(payload, tight);
    List<Buffer> got = new ArrayList<>();
    pair.client().decode(wire, got::add);
    assertEquals(List.of(payload), got);
  }

  /** On a plain framing only the room is written: the payload stays readable (the Local DC's replay fault needs it). */
  @Test
  void plainFramingLeavesThePayloadIntact() {
    for (TransportKind kind : TransportKind.values()) {
      Pair pair = Pair.open(kind, false, 2);
      Buffer payload = TestBytes.encrypted(new Random(7), 3);
      Buffer owned = roomy(payload);
      Buffer wire = pair.server().encodeOwned(owned);
      assertEquals(payload, owned, kind.name());
      List<Buffer> got = new ArrayList<>();
      pair.client().decode(wire, got::add);
      assertEquals(List.of(payload), got, kind.name());
    }
  }

  /** Frames from encode stay growable: callers append to them. */
  @Test
  void encodedFramesCanBeAppendedTo() {
    Pair pair = Pair.open(TransportKind.INTERMEDIATE, true, 2);
    Buffer wire = pair.server().encode(SMALL.get(0)).appendBuffer(pair.server().encode(SMALL.get(1)));
    List<Buffer> got = new ArrayList<>();
    pair.client().decode(wire, got::add);
    assertEquals(SMALL.subList(0, 2), got);
  }
}
