package dev.vertigram.http;

import dev.vertigram.http.impl.DnsMessage;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DNS wire format of the DoH resolver. */
class DnsMessageTest {

  private static Buffer hex(String hex) {
    return Buffer.buffer(HexFormat.of().parseHex(hex.replace(" ", "")));
  }

  @Test
  void queryIsOneRecursiveQuestionWithIdZero() {
    assertEquals("0000 0100 0001 0000 0000 0000 0566696c6573 076578616d706c65 0474657374 00 0001 0001".replace(" ", ""),
        HexFormat.of().formatHex(DnsMessage.query("Files.Example.test", DnsMessage.TYPE_A).getBytes()));
    assertThrows(IllegalArgumentException.class, () -> DnsMessage.query("a..b", DnsMessage.TYPE_A));
    assertThrows(IllegalArgumentException.class, () -> DnsMessage.query("x".repeat(64) + ".test", 1));
  }

  /** A CNAME then two A records (names as compression pointers): both addresses, the smallest TTL. */
  @Test
  void parsesACnameChainWithCompressedNames() {
    Buffer response = hex("0000 8180 0001 0003 0000 0000"
        + "03777777 076578616d706c65 0474657374 00 0001 0001"          // question www.example.test A
        + "c00c 0005 0001 00000e10 0006 03636e6e c010"                  // CNAME cnn.example.test, TTL 3600
        + "c02e 0001 0001 0000012c 0004 0a000001"                       // A 10.0.0.1, TTL 300
        + "c02e 0001 0001 00000078 0004 0a000002");                     // A 10.0.0.2, TTL 120
    DnsMessage.Answer answer = DnsMessage.parse(response, DnsMessage.TYPE_A, "www.example.test");
    assertEquals(List.of("10.0.0.1", "10.0.0.2"), answer.addresses());
    assertEquals(120, answer.ttlSeconds());
    DnsMessage.Answer none = DnsMessage.parse(response, DnsMessage.TYPE_AAAA, "www.example.test");
    assertTrue(none.addresses().isEmpty());
  }

  @Test
  void parsesAnAaaaRecord() {
    Buffer response = hex("0000 8180 0001 0001 0000 0000 0178 00 001c 0001"
        + "c00c 001c 0001 0000003c 0010 20010db8000000000000000000000001");
    assertEquals(List.of("2001:db8:0:0:0:0:0:1"), DnsMessage.parse(response, DnsMessage.TYPE_AAAA, "x").addresses());
  }

  @Test
  void badAnswersAreDohExceptions() {
    assertTrue(assertThrows(DohException.class, () -> DnsMessage.parse(
        hex("0000 8183 0001 0000 0000 0000 0178 00 0001 0001"), 1, "x")).getMessage().contains("NXDOMAIN"));
    assertTrue(assertThrows(DohException.class, () -> DnsMessage.parse(hex("0000 8182 0000 0000 0000 0000"), 1, "x"))
        .getMessage().contains("rcode 2"));
    assertTrue(assertThrows(DohException.class, () -> DnsMessage.parse(hex("0000 0100 0000 0000 0000 0000"), 1, "x"))
        .getMessage().contains("not a DNS response"));
    assertTrue(assertThrows(DohException.class, () -> DnsMessage.parse(hex("0000 8180 0000 0001 0000 0000 c00c 0001"),
        1, "x")).getMessage().startsWith("malformed DNS answer for x"));
    assertTrue(assertThrows(DohException.class, () -> DnsMessage.parse(
        hex("0000 8180 0000 0001 0000 0000 c00c 0001 0001 00000001 0010 0a00"), 1, "x")).getMessage()
        .contains("record past the end"));
  }
}
