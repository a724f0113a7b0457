package dev.vertigram.localdc;

import dev.vertigram.transport.TransportKind;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransportsTest extends LocalDcTestBase {

  @Test
  void everyFramingIsSniffed() throws Exception {
    for (TransportKind kind : TransportKind.values()) {
      for (boolean obfuscated : new boolean[] {false, true}) {
        if (kind == TransportKind.FULL && obfuscated) {
          continue;
        }
        TestSession s = TestSession.create(connect(2, kind, obfuscated), dc, 2);
        assertEquals(2, s.call(q("help.getNearestDc")).getInteger("this_dc"), kind + " obfuscated=" + obfuscated);
      }
    }
  }

  @Test
  void hostileBytesNeverKillTheServer() throws Exception {
    TestSession good = session();
    byte[] garbage = TestHandshake.random(4096);
    garbage[0] = 0x12; // not a tag, not a full-transport header
    TestConnection random = connect();
    random.sendRaw(Buffer.buffer(garbage));
    assertTrue(random.awaitClosed(3000));
    TestConnection truncated = connect();
    truncated.sendRaw(Buffer.buffer(new byte[] {(byte) 0xee, (byte) 0xee, (byte) 0xee, (byte) 0xee, 100, 0, 0, 0, 1}));
    truncated.close();
    TestConnection framedGarbage = connect();
    for (int n : new int[] {4, 8, 20, 24, 40, 64, 1000}) {
      framedGarbage.send(Buffer.buffer(TestHandshake.random(n)));
      assertEquals(-404, framedGarbage.transportError());
    }
    TestConnection hugeFrame = connect();
    hugeFrame.sendRaw(Buffer.buffer(new byte[] {(byte) 0xee, (byte) 0xee, (byte) 0xee, (byte) 0xee, 0, 0, 0, 0x7f}));
    assertTrue(hugeFrame.awaitClosed(3000));
    assertEquals("nearestDc", good.call(q("help.getNearestDc")).getString("_"));
  }
}
