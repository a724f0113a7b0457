package dev.vertigram.client;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings' http section (HTTP client options and DNS over HTTPS). */
class SettingsHttpTest {

  @Test
  void httpSectionRoundTrips() {
    Settings s = new Settings(new JsonObject().put("http", new JsonObject().put("doh", "https://dns.example/dns-query")
        .put("connectTimeout", 2000).put("maxBodySize", 4096).put("directRetryAfter", 1000).put("idleTimeout", 5000)));
    assertEquals("https://dns.example/dns-query", s.http().doh());
    assertEquals(2000, s.http().connectTimeout());
    assertEquals(4096, s.http().maxBodySize());
    assertEquals(s.toJson(), new Settings(s.toJson()).toJson());
    assertEquals("https://dns.example/dns-query", s.toJson().getJsonObject("http").getString("doh"));
    assertNull(new Settings().http().doh());
    assertEquals(new Settings().toJson(), new Settings(new Settings().toJson()).toJson());
  }

  @Test
  void badHttpValuesNameTheKey() {
    assertTrue(message(new JsonObject().put("doh", "ftp://x"))
        .startsWith("settings.http.doh: expected an http(s) URL"));
    assertTrue(message(new JsonObject().put("connectTimeout", 0))
        .startsWith("settings.http.connectTimeout: expected a positive integer"));
    assertTrue(message(new JsonObject().put("proxy", new JsonObject())).startsWith("settings.http.proxy: unknown key"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new Settings(new JsonObject().put("http", 3)))
        .getMessage().startsWith("settings.http: expected a JSON object"));
  }

  private static String message(JsonObject http) {
    return assertThrows(IllegalArgumentException.class, () -> new Settings(new JsonObject().put("http", http)))
        .getMessage();
  }
}
