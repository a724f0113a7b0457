package dev.vertigram.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

  private static JsonObject full() {
    return new JsonObject()
        .put("appInfo", new JsonObject().put("apiId", 42).put("apiHash", "secret-hash").put("deviceModel", "PC"))
        .put("connection", new JsonObject().put("dcs", new JsonArray().add(new JsonObject().put("id", 2)
            .put("host", "127.0.0.1").put("port", 10442))).put("ipv6", true)
            .put("transport", new JsonObject().put("kind", "intermediate").put("obfuscated", true)))
        .put("rpc", new JsonObject().put("floodWaitLimit", 5).put("callTimeout", 1000))
        .put("peer", new JsonObject().put("fullInfoCacheTtl", 60).put("cacheAllPeersOnStartup", true))
        .put("storage", new JsonObject().put("saveInterval", 20))
        .put("logger", new JsonObject().put("level", "DEBUG"))
        .put("localDc", new JsonObject().put("dcsFile", "x/dcs.json"))
        .put("login", new JsonObject().put("botToken", "123:abc-DEF"));
  }

  @Test
  void roundTrip() {
    Settings s = new Settings(full());
    assertEquals(42, s.client().apiId());
    assertEquals("secret-hash", s.client().apiHash());
    assertEquals(5, s.client().floodWaitLimit());
    assertEquals(1000, s.client().callTimeout());
    assertEquals(10442, s.client().dc(2).port());
    assertTrue(s.client().transport().obfuscated());
    assertTrue(s.ipv6());
    assertEquals(60, s.fullInfoCacheTtl());
    assertEquals(60, s.storage().getFullInfoTtl());
    assertEquals(20, s.storage().getSaveInterval());
    assertTrue(s.cacheAllPeersOnStartup());
    assertEquals("DEBUG", s.logLevel());
    assertEquals("123:abc-DEF", s.botToken());
    assertEquals(s.toJson(), new Settings(s.toJson()).toJson());
    assertEquals(new Settings().toJson(), new Settings(new Settings().toJson()).toJson());
  }

  @Test
  void toStringHidesSecrets() {
    String shown = new Settings(full()).toString();
    assertFalse(shown.contains("secret-hash"), shown);
    assertFalse(shown.contains("abc-DEF"), shown);
  }

  private static void bad(String expectedStart, JsonObject json) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Settings(json));
    assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    assertFalse(e.getMessage().contains("secret-hash"), e.getMessage());
  }

  private static JsonObject section(String name, String key, Object value) {
    return new JsonObject().put(name, new JsonObject().put(key, value));
  }

  @Test
  void wrongConfigNamesTheKey() {
    bad("settings.rpc.floodWaitLimit: expected a non-negative integer (seconds), got \"abc\"",
        section("rpc", "floodWaitLimit", "abc"));
    bad("settings.rpc.callTimeout: expected", section("rpc", "callTimeout", -1));
    bad("settings.appInfo.apiId: expected", section("appInfo", "apiId", "x"));
    bad("settings.appInfo.apiHash: expected", section("appInfo", "apiHash", 12));
    bad("settings.appInfo.deviceModel: expected", section("appInfo", "deviceModel", ""));
    bad("settings.appInfo.nope: unknown key", section("appInfo", "nope", 1));
    bad("settings.bogus: unknown key", new JsonObject().put("bogus", 1));
    bad("settings.rpc: expected a JSON object", new JsonObject().put("rpc", 3));
    bad("settings.connection.dcs[0].port: expected", section("connection", "dcs",
        new JsonArray().add(new JsonObject().put("id", 1).put("host", "h").put("port", 70000))));
    bad("settings.connection.dcs[0]: expected", section("connection", "dcs",
        new JsonArray().add(new JsonObject().put("id", 1))));
    bad("settings.connection.rsaKeys[0]: expected", section("connection", "rsaKeys", new JsonArray().add("x")));
    bad("settings.connection.testMode: expected true or false", section("connection", "testMode", "yes"));
    bad("settings.connection.transport.kind: expected one of", new JsonObject().put("connection",
        section("transport", "kind", "tcp")));
    bad("settings.connection.transport.proxy.port: expected", new JsonObject().put("connection",
        new JsonObject().put("transport", section("proxy", "port", "x"))));
    bad("settings.peer.fullInfoCacheTtl: expected", section("peer", "fullInfoCacheTtl", 0));
    bad("settings.peer.cacheAllPeersOnStartup: expected", section("peer", "cacheAllPeersOnStartup", 1));
    bad("settings.storage: store option 'saveInterval'", section("storage", "saveInterval", 1));
    bad("settings.logger.level: expected one of", section("logger", "level", "LOUD"));
    bad("settings.localDc: expected either", section("localDc", "host", "127.0.0.1"));
    bad("settings.localDc.dcsFile: expected", section("localDc", "dcsFile", 5));
    bad("settings.login.botToken: expected a bot token", section("login", "botToken", "secret-hash"));
    bad("settings.login.phone: expected", section("login", "phone", "abc"));
    bad("settings.login.interactive: expected", section("login", "interactive", "y"));
  }
}
