package dev.vertigram.transport;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Connected client/server transport pairs and ways to feed wire bytes to them. */
final class Pairs {
  private Pairs() {
  }

  /** Every valid (kind, obfuscated) combination: all but obfuscated FULL. */
  static Stream<Arguments> combos() {
    List<Arguments> list = new ArrayList<>();
    for (TransportKind kind : TransportKind.values()) {
      list.add(Arguments.of(kind, false));
      if (kind.supportsObfuscation()) {
        list.add(Arguments.of(kind, true));
      }
    }
    return list.stream();
  }

  /** Wire bytes and the transport that must decode them. */
  record Wire(Buffer bytes, FrameCodec receiver) {
  }

  /** A client and a server that has already sniffed the client's first frame. */
  record Pair(ClientTransport client, ServerTransport server) {
    static Pair open(TransportKind kind, boolean obfuscated, int dcId) {
      ClientTransport client = ClientTransport.create(kind, obfuscated, dcId);
      ServerTransport server = new ServerTransport();
      List<Buffer> got = new ArrayList<>();
      Buffer hello = TestBytes.unencrypted(new Random(7), 3);
      server.decode(client.encode(hello), got::add);
      assertEquals(List.of(hello), got);
      return new Pair(client, server);
    }
  }

  static Buffer concat(List<Buffer> payloads, FrameCodec sender) {
    Buffer wire = Buffer.buffer();
    payloads.forEach(p -> wire.appendBuffer(sender.encode(p)));
    return wire;
  }

  /** Splits fresh wires in two at every position, checking the payloads each time. */
  static void splitEverywhere(Supplier<Wire> fresh, List<Buffer> expected) {
    for (int i = 0; ; i++) {
      Wire w = fresh.get();
      int len = w.bytes().length();
      if (i > len) {
        return;
      }
      List<Buffer> got = new ArrayList<>();
      w.receiver().decode(w.bytes().getBuffer(0, i), got::add);
      w.receiver().decode(w.bytes().getBuffer(i, len), got::add);
      assertEquals(expected, got, "split at " + i + " of " + len);
    }
  }

  /** Feeds the wire in random chunks of 1..maxChunk bytes. */
  static List<Buffer> feedRandomly(Wire w, Random rnd, int maxChunk) {
    List<Buffer> got = new ArrayList<>();
    int len = w.bytes().length();
    for (int pos = 0; pos < len; ) {
      int end = (int) Math.min(len, (long) pos + 1 + rnd.nextInt(maxChunk));
      w.receiver().decode(w.bytes().getBuffer(pos, end), got::add);
      pos = end;
    }
    return got;
  }
}
