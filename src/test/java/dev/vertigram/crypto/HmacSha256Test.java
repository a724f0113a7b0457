package dev.vertigram.crypto;

import static dev.vertigram.crypto.TestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HmacSha256Test {

  /** RFC 4231 test case 2. */
  @Test
  void rfc4231Vector() {
    HmacSha256 mac = new HmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII));
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        hex(mac.mac("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void sameResultOnAnotherThreadAndAfterTheKeyArrayChanges() throws Exception {
    byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);
    HmacSha256 mac = new HmacSha256(key);
    key[0] = 'X';
    byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
    String here = hex(mac.mac(data));
    assertEquals(here, CompletableFuture.supplyAsync(() -> hex(mac.mac(data))).get());
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", here);
  }
}
