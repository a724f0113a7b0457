package dev.vertigram.client;

import dev.vertigram.client.impl.Connection;
import dev.vertigram.crypto.SecurityCheckException;
import dev.vertigram.mtproto.MtprotoException;
import dev.vertigram.transport.TransportException;
import dev.vertigram.transport.TransportOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.vertigram.client.LocalDcFixture.await;
import static dev.vertigram.client.LocalDcFixture.failure;
import static dev.vertigram.client.LocalDcFixture.nearestDc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hostile server (the Local DC's hostile switches) is refused with a clear error: a bad handshake fails the calls
 * waiting for it, a bad message drops the connection without its data being used, and nothing crashes: the next
 * attempt works once the fault is gone.
 */
class HostileServerTest {

  LocalDcFixture fx;
  MtprotoClient client;

  @BeforeEach
  void start() {
    fx = LocalDcFixture.reset();
    // plain framing: the Local DC cannot inject an oversized header into an obfuscated stream
    client = MtprotoClient.create(fx.vertx, fx.options(new TransportOptions().obfuscated(false)));
  }

  @AfterEach
  void stop() {
    await(client.close());
  }

  @Test
  void wrongNonceInResPqIsRefused() {
    fx.dc.faults().wrongNonce(1);
    Throwable e = failure(client.call(nearestDc()));
    assertInstanceOf(MtprotoException.class, e);
    assertInstanceOf(SecurityCheckException.class, e.getCause());
    assertTrue(e.getMessage().contains("nonce"), e.getMessage());
    assertEquals("nearestDc", await(client.call(nearestDc())).getString("_"));
  }

  @Test
  void gaOutOfRangeIsRefused() {
    fx.dc.faults().gaOutOfRange(1);
    Throwable e = failure(client.call(nearestDc()));
    assertInstanceOf(SecurityCheckException.class, e.getCause());
    assertTrue(e.getMessage().contains("g_a"), e.getMessage());
    assertEquals("nearestDc", await(client.call(nearestDc())).getString("_"));
  }

  @Test
  void badMsgKeyDropsTheConnectionAndTheCallsStillCompleteOnce() {
    await(client.call(nearestDc()));
    fx.dc.stats().reset();
    try (LogCapture log = new LogCapture(Connection.class)) {
      fx.dc.faults().corruptMsgKey(1);
      assertEquals(10, await(calls(10)).size());
      log.await("dropping the connection to DC 1: msg_key mismatch");
    }
    assertEquals(10, fx.dc.stats().executions("help.getNearestDc"));
  }

  @Test
  void replayedMessagesAreIgnored() {
    await(client.call(nearestDc()));
    fx.dc.stats().reset();
    fx.dc.faults().replayLastMessage(3);
    assertEquals(20, await(calls(20)).size());
    assertEquals(20, fx.dc.stats().executions("help.getNearestDc"));
  }

  @Test
  void oversizedFrameDropsTheConnection() {
    await(client.call(nearestDc()));
    try (LogCapture log = new LogCapture(Connection.class)) {
      fx.dc.faults().oversizedFrame(1);
      assertEquals("nearestDc", await(client.call(nearestDc())).getString("_"));
      log.await("connection error: " + TransportException.class.getName());
    }
    assertEquals("nearestDc", await(client.call(nearestDc())).getString("_"));
  }

  private Future<List<JsonObject>> calls(int n) {
    List<Future<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(client.call(nearestDc()));
    }
    return Future.all(calls).map(all -> all.<JsonObject>list());
  }
}
