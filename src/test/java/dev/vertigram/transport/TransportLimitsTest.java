package dev.vertigram.transport;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.vertigram.transport.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frame size limits (16 MiB), refused from the header alone, and encode-side argument checks. */
class TransportLimitsTest {

  private static void refusedByClient(TransportKind kind, String header) {
    ClientTransport client = ClientTransport.create(kind, false, 2);
    TransportException e = assertThrows(TransportException.class,
      () -> client.decode(Buffer.buffer(hex(header)), f -> { }));
    assertTrue(e.getMessage().startsWith("frame too large"), e.getMessage());
  }

  private static void waitsForMore(FrameCodec codec, String header) {
    List<Buffer> got = new ArrayList<>();
    assertDoesNotThrow(() -> codec.decode(Buffer.buffer(hex(header)), got::add));
    assertEquals(List.of(), got);
  }

  @Test
  void oversizedHeadersAreRefusedBeforeThePayloadArrives() {
    refusedByClient(TransportKind.ABRIDGED, "7fffffff");
    refusedByClient(TransportKind.ABRIDGED, "7f010040"); // 16 MiB + 4
    refusedByClient(TransportKind.INTERMEDIATE, "01000001"); // 16 MiB + 1
    refusedByClient(TransportKind.PADDED_INTERMEDIATE, "ffffff7f");
    refusedByClient(TransportKind.FULL, "0d000001"); // 12 + 16 MiB + 1
    TransportException e = assertThrows(TransportException.class,
      () -> new ServerTransport().decode(Buffer.buffer(hex("ef 7fffffff")), f -> { }));
    assertTrue(e.getMessage().startsWith("frame too large"));
  }

  @Test
  void exactly16MiBIsAccepted() {
    waitsForMore(ClientTransport.create(TransportKind.ABRIDGED, false, 2), "7f000040");
    waitsForMore(ClientTransport.create(TransportKind.INTERMEDIATE, false, 2), "00000001");
    waitsForMore(ClientTransport.create(TransportKind.FULL, false, 2), "0c000001");
    waitsForMore(new ServerTransport(), "eeeeeeee 00000001");
  }

  @Test
  void encodeRefusesBadPayloads() {
    ClientTransport abridged = ClientTransport.create(TransportKind.ABRIDGED, false, 2);
    assertThrows(IllegalArgumentException.class, () -> abridged.encode(Buffer.buffer("abc")));
    Buffer huge = Buffer.buffer(new byte[Framing.MAX_PAYLOAD + 4]);
    for (TransportKind kind : TransportKind.values()) {
      ClientTransport client = ClientTransport.create(kind, false, 2);
      assertThrows(IllegalArgumentException.class, () -> client.encode(huge), kind.name());
    }
  }
}
