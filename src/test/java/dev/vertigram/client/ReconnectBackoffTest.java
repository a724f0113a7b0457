package dev.vertigram.client;

import dev.vertigram.transport.TransportOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.vertigram.client.LocalDcFixture.await;
import static dev.vertigram.client.LocalDcFixture.nearestDc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client never hammers a misbehaving server: reconnects back off (immediate once, then 100 ms doubling, with
 * jitter), and calls still complete once the server behaves. Connections are counted by a relay in front of DC 1.
 */
class ReconnectBackoffTest {

  LocalDcFixture fx;
  CountingProxy proxy;
  MtprotoClient client;

  @BeforeEach
  void start() {
    fx = LocalDcFixture.reset();
    proxy = new CountingProxy(fx.vertx, fx.dc.endpoints().get(0).port());
    // plain framing, as in HostileServerTest (the Local DC's hostile switches)
    client = MtprotoClient.create(fx.vertx, fx.options(new TransportOptions().obfuscated(false))
        .addDc(1, "127.0.0.1", proxy.port()));
  }

  @AfterEach
  void stop() {
    await(client.close());
    proxy.close();
  }

  @Test
  void aServerThatHangsUpIsRetriedWithBackoffAndTheCallCompletesWhenItRecovers() throws InterruptedException {
    proxy.refuse(true);
    Future<JsonObject> call = client.call(nearestDc());
    Thread.sleep(1500);
    int attempts = proxy.connections();
    // immediate, immediate, then >= 50, 100, 200, 400 ms apart: at most 6 in 1.5 s (hundreds without back-off)
    assertTrue(attempts >= 3 && attempts <= 7, attempts + " connection attempts in 1.5 s");
    proxy.refuse(false);
    assertEquals("nearestDc", await(call).getString("_"));
  }

  @Test
  void aServerWhoseEveryMessageFailsItsCheckIsNotHammered() throws InterruptedException {
    await(client.call(nearestDc()));
    int before = proxy.connections();
    fx.dc.faults().corruptMsgKey(1_000_000);
    Future<JsonObject> call = client.call(nearestDc());
    Thread.sleep(1500);
    int attempts = proxy.connections() - before;
    assertTrue(attempts >= 3 && attempts <= 7, attempts + " connection attempts in 1.5 s");
    fx.dc.faults().clear();
    assertEquals("nearestDc", await(call).getString("_"));
  }
}
