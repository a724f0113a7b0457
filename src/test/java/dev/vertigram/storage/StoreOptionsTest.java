package dev.vertigram.storage;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.vertigram.storage.StoreTestSupport.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreOptionsTest {

  @Test
  void defaults() {
    StoreOptions o = new StoreOptions(new JsonObject());
    assertEquals(StoreOptions.Type.MEMORY, o.getType());
    assertEquals("default", o.getSession());
    assertEquals("sessions/default", o.getFolder());
    assertEquals(30, o.getSaveInterval());
    assertEquals(300, o.getCacheTtl());
    assertEquals(100_000, o.getCacheMaxEntries());
    assertEquals(5432, o.getPg().getPort());
    assertEquals("redis://127.0.0.1:6379", o.getRedis().getConnectionString());
    assertEquals(Slimming.PeerDb.FULL, o.getSlimming().peerDb());
    assertTrue(o.getSlimming().usernameDb());
  }

  @Test
  void jsonRoundTrip() {
    JsonObject json = new JsonObject()
      .put("type", "postgres").put("session", "bot-1").put("folder", "/tmp/x").put("saveInterval", 60)
      .put("fullInfoTtl", 120)
      .put("cache", new JsonObject().put("ttl", 10).put("maxEntries", 0))
      .put("batch", new JsonObject().put("window", 0).put("maxSize", 500))
      .put("pg", new JsonObject().put("host", "db").put("port", 5433).put("database", "d").put("user", "u")
        .put("password", "secret").put("poolSize", 8).put("schema", "tg"))
      .put("redis", new JsonObject().put("connectionString", "redis://:pw@r:6380/2").put("keyPrefix", "p")
        .put("poolSize", 3))
      .put("slimming", new JsonObject().put("peerDb", "accessHashOnly").put("usernameDb", false)
        .put("minDb", false).put("fileReferenceDb", true));
    StoreOptions o = new StoreOptions(json);
    assertEquals(StoreOptions.Type.POSTGRES, o.getType());
    assertEquals(Slimming.PeerDb.ACCESS_HASH_ONLY, o.getSlimming().peerDb());
    assertFalse(o.getSlimming().keeps(Db.FULL_INFO));
    assertFalse(o.getSlimming().keeps(Db.USERNAMES));
    assertTrue(o.getSlimming().keeps(Db.PEERS));
    assertEquals(json, o.toJson());
    assertEquals(json, new StoreOptions(o.toJson()).toJson());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{\"saveInterval\": 5}|'saveInterval': expected an integer of seconds from 10 to 86400, got 5",
    "{\"saveInterval\": \"30\"}|'saveInterval': expected an integer of seconds from 10 to 86400, got \"30\"",
    "{\"saveInterval\": 12.5}|'saveInterval'",
    "{\"type\": \"mysql\"}|'type': expected one of memory, postgres, redis, got \"mysql\"",
    "{\"session\": \"a/b\"}|'session': expected a session name",
    "{\"sesion\": \"x\"}|'sesion': unknown key (expected one of",
    "{\"cache\": 5}|'cache': expected a JSON object, got 5",
    "{\"cache\": {\"maxEntries\": -1}}|'cache.maxEntries': expected an integer (0 = no cache) from 0",
    "{\"pg\": {\"port\": 70000}}|'pg.port': expected an integer (TCP port) from 1 to 65535, got 70000",
    "{\"pg\": {\"schema\": \"Drop Table\"}}|'pg.schema': expected a lower-case SQL identifier",
    "{\"pg\": {\"password\": 1234}}|'pg.password': expected a string, got a Integer",
    "{\"redis\": {\"connectionString\": \"http://x\"}}|'redis.connectionString': expected redis://",
    "{\"slimming\": {\"peerDb\": \"tiny\"}}|'slimming.peerDb': expected one of full, basic, accessHashOnly, got \"tiny\"",
    "{\"slimming\": {\"minDb\": \"no\"}}|'slimming.minDb': expected true or false, got \"no\"",
  })
  void wrongValuesNameTheirKey(String json, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
      () -> new StoreOptions(new JsonObject(json)));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertFalse(e.getMessage().contains("1234"), "passwords are never echoed");
  }

  @Test
  void openChecksOptionsBuiltWithSetters() {
    Vertx vertx = Vertx.vertx();
    try {
      Throwable e = awaitFailure(Store.open(vertx, new StoreOptions().setSaveInterval(9)));
      assertInstanceOf(IllegalArgumentException.class, e);
      assertTrue(e.getMessage().contains("'saveInterval'"), e.getMessage());
    } finally {
      StoreTestSupport.await(vertx.close());
    }
  }
}
