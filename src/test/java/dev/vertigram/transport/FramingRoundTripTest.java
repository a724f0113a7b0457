package dev.vertigram.transport;

import dev.vertigram.transport.Pairs.Pair;
import dev.vertigram.transport.Pairs.Wire;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every framing, plain and obfuscated, both directions, with the wire split everywhere. */
class FramingRoundTripTest {
  private static final List<Buffer> SMALL = TestBytes.smallPackets(new Random(42));

  @ParameterizedTest(name = "{0} obfuscated={1}")
  @MethodSource("dev.vertigram.transport.Pairs#combos")
  void clientToServerSplitAtEveryPosition(TransportKind kind, boolean obfuscated) {
    Pairs.splitEverywhere(() -> {
      ClientTransport client = ClientTransport.create(kind, obfuscated, 2);
      return new Wire(Pairs.concat(SMALL, client), new ServerTransport());
    }, SMALL);
  }

  @ParameterizedTest(name = "{0} obfuscated={1}")
  @MethodSource("dev.vertigram.transport.Pairs#combos")
  void serverToClientSplitAtEveryPosition(TransportKind kind, boolean obfuscated) {
    Pairs.splitEverywhere(() -> {
      Pair pair = Pair.open(kind, obfuscated, 2);
      return new Wire(Pairs.concat(SMALL, pair.server()), pair.client());
    }, SMALL);
  }

  @ParameterizedTest(name = "{0} obfuscated={1}")
  @MethodSource("dev.vertigram.transport.Pairs#combos")
  void byteByByteBothWays(TransportKind kind, boolean obfuscated) {
    ClientTransport client = ClientTransport.create(kind, obfuscated, 2);
    ServerTransport server = new ServerTransport();
    assertEquals(SMALL, Pairs.feedRandomly(new Wire(Pairs.concat(SMALL, client), server), new Random(1), 1));
    assertEquals(SMALL, Pairs.feedRandomly(new Wire(Pairs.concat(SMALL, server), client), new Random(2), 1));
  }

  /** A 1 MiB frame among small ones, in random splits: coarse, fine, and all at once. */
  @ParameterizedTest(name = "{0} obfuscated={1}")
  @MethodSource("dev.vertigram.transport.Pairs#combos")
  void largeFramesRandomSplits(TransportKind kind, boolean obfuscated) {
    Random rnd = new Random(kind.ordinal() * 2 + (obfuscated ? 1 : 0));
    List<Buffer> payloads = List.of(TestBytes.encrypted(rnd, 2), TestBytes.encrypted(rnd, 65536),
      TestBytes.unencrypted(rnd, 7), TestBytes.encrypted(rnd, 6000), TestBytes.encrypted(rnd, 3));
    for (int maxChunk : new int[] {70_000, 300, Integer.MAX_VALUE - 1}) {
      Pair pair = Pair.open(kind, obfuscated, -4);
      assertEquals(payloads, Pairs.feedRandomly(new Wire(Pairs.concat(payloads, pair.client()), pair.server()),
        rnd, maxChunk), "client to server, chunks <= " + maxChunk);
      assertEquals(payloads, Pairs.feedRandomly(new Wire(Pairs.concat(payloads, pair.server()), pair.client()),
        rnd, maxChunk), "server to client, chunks <= " + maxChunk);
    }
  }
}
