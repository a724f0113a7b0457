package dev.vertigram.http;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpOptionsTest {

  @Test
  void jsonRoundTrip() {
    JsonObject json = new JsonObject().put("connectTimeout", 1500).put("idleTimeout", 9000).put("maxBodySize", 1024)
        .put("directRetryAfter", 60_000).put("doh", "https://dns.example/dns-query")
        .put("proxy", new JsonObject().put("type", "socks5").put("host", "127.0.0.1").put("port", 1080)
            .put("username", "u").put("password", "p"))
        .put("webClient", new JsonObject().put("userAgent", "vertigram-test"));
    HttpOptions options = new HttpOptions(json);
    assertEquals(1500, options.connectTimeout());
    assertEquals("https://dns.example/dns-query", options.doh());
    assertEquals(1080, options.proxy().getPort());
    assertEquals("vertigram-test", options.webClient().getUserAgent());
    assertEquals(options.toJson(), new HttpOptions(options.toJson()).toJson());
    assertEquals(options.toJson(), new HttpOptions(options).toJson());
    assertEquals("u", options.toJson().getJsonObject("proxy").getString("username"));
  }

  @Test
  void badValuesNameTheKey() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new HttpOptions(new JsonObject()
        .put("connectTimeout", -1))).getMessage().startsWith("connectTimeout: expected a positive integer"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new HttpOptions(new JsonObject()
        .put("doh", "ftp://x"))).getMessage().startsWith("doh: expected an http(s) URL"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new HttpOptions(new JsonObject()
        .put("proxy", new JsonObject().put("host", "x")))).getMessage().startsWith("proxy: expected"));
  }
}
