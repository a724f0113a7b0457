package dev.vertigram.transport;

import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ProxyType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransportOptionsTest {

  @Test
  void defaults() {
    TransportOptions o = new TransportOptions(new JsonObject());
    assertEquals(TransportKind.INTERMEDIATE, o.kind());
    assertTrue(o.obfuscated());
    assertNull(o.proxy());
    assertNull(o.mtproxySecret());
    assertEquals(TransportOptions.DEFAULT_CONNECT_TIMEOUT_MS, o.connectTimeoutMs());
    assertEquals(new TransportOptions().toJson(), o.toJson());
  }

  @Test
  void jsonRoundTrip() {
    JsonObject json = new JsonObject()
      .put("kind", "padded_intermediate")
      .put("obfuscated", true)
      .put("connectTimeoutMs", 3000)
      .put("mtproxySecret", "dd00112233445566778899aabbccddeeff")
      .put("proxy", new JsonObject().put("type", "socks5").put("host", "127.0.0.1").put("port", 1080)
        .put("username", "u").put("password", "p"));
    TransportOptions o = new TransportOptions(json);
    assertEquals(TransportKind.PADDED_INTERMEDIATE, o.kind());
    assertEquals(3000, o.connectTimeoutMs());
    assertEquals(ProxyType.SOCKS5, o.proxy().getType());
    assertEquals(1080, o.proxy().getPort());
    assertEquals("u", o.proxy().getUsername());
    assertArrayEquals(TestBytes.hex("dd00112233445566778899aabbccddeeff"), o.mtproxySecret());
    assertEquals(json, o.toJson());
    assertEquals(TransportKind.PADDED_INTERMEDIATE, o.createTransport(2).kind());
  }

  @Test
  void proxyWithoutCredentials() {
    JsonObject proxy = new JsonObject().put("type", "http").put("host", "localhost").put("port", 3128);
    JsonObject json = new TransportOptions(new JsonObject().put("proxy", proxy)).toJson();
    assertEquals(proxy, json.getJsonObject("proxy"));
  }

  @Test
  void badValuesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new TransportOptions(new JsonObject().put("kind", "tcp")));
    assertThrows(IllegalArgumentException.class, () -> new TransportOptions(new JsonObject()
      .put("proxy", new JsonObject().put("type", "ftp").put("host", "h").put("port", 1))));
    assertThrows(NullPointerException.class, () -> new TransportOptions(new JsonObject()
      .put("proxy", new JsonObject().put("type", "http").put("port", 1))));
  }
}
