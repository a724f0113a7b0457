package dev.vertigram.ipc;

import dev.vertigram.client.Settings;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code ipc} settings section: JSON round trip, defaults, clear errors. */
class IpcOptionsTest {

  @Test
  void jsonRoundTripAndDefaults() {
    IpcOptions o = new IpcOptions(new JsonObject().put("autoStart", true).put("idleExit", 600_000).put("tcp", true));
    assertTrue(o.autoStart());
    assertEquals(600_000, o.idleExitMillis());
    assertEquals(o.toJson(), new IpcOptions(o.toJson()).toJson());
    IpcOptions defaults = new Settings().ipc();
    assertTrue(defaults.enabled());
    assertEquals(0, defaults.idleExitMillis(), "workers never exit when idle by default");
    assertEquals(o.toJson(), new Settings(new JsonObject().put("ipc", o.toJson())).ipc().toJson());
  }

  @Test
  void wrongValuesNameTheirKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Settings(new JsonObject().put("ipc", new JsonObject().put("idleExit", -1))));
    assertEquals("settings.ipc.idleExit: expected an integer >= 0, got -1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new IpcOptions(new JsonObject().put("autostart", true)));
    assertTrue(e.getMessage().startsWith("ipc.autostart: unknown key"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new IpcOptions(new JsonObject().put("tcp", "yes")));
    assertEquals("ipc.tcp: expected true or false, got yes", e.getMessage());
  }
}
