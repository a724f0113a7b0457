package dev.vertigram.client;

import dev.vertigram.transport.TransportKind;
import dev.vertigram.transport.TransportOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientOptionsTest {

  @Test
  void jsonRoundTripKeepsEveryFieldAndToStringHidesTheApiHash() {
    ClientOptions o = new ClientOptions().addDc(2, "10.0.0.2", 443).addDc(1, "10.0.0.1", 80).homeDc(2)
        .addRsaKey("PEM").apiId(17).apiHash("s3cr3t").floodWaitLimit(9).callTimeout(1500).pfs(true)
        .tempKeyTtl(600).testMode(true).pingInterval(30)
        .transport(new TransportOptions().kind(TransportKind.ABRIDGED).obfuscated(false));
    ClientOptions back = new ClientOptions(o.toJson());
    assertEquals(o.toJson(), back.toJson());
    assertEquals(2, back.homeDc());
    assertEquals(new ClientOptions.Dc(1, "10.0.0.1", 80), back.dc(1));
    assertEquals(TransportKind.ABRIDGED, back.transport().kind());
    assertTrue(back.pfs());
    assertEquals(600, back.tempKeyTtl());
    assertFalse(o.toString().contains("s3cr3t"));
    assertEquals(1, new ClientOptions(new JsonObject().put("dcs", new io.vertx.core.json.JsonArray()
        .add(new JsonObject().put("id", 1).put("host", "h").put("port", 1)))).homeDc(), "first DC by default");
  }

  @Test
  void rpcExceptionParsesTheNumberOutOfTheMessage() {
    RpcException flood = new RpcException(420, "FLOOD_WAIT_31", "messages.sendMessage");
    assertEquals("FLOOD_WAIT_X", flood.name());
    assertEquals(31, flood.value());
    RpcException interDc = new RpcException(500, "INTERDC_2_CALL_ERROR", "x");
    assertEquals("INTERDC_X_CALL_ERROR", interDc.name());
    assertEquals(2, interDc.value());
    RpcException plain = new RpcException(400, "PEER_ID_INVALID", "x");
    assertEquals("PEER_ID_INVALID", plain.name());
    assertEquals(-1, plain.value());
    assertEquals("400 PEER_ID_INVALID (x)", plain.getMessage());
  }

  @Test
  void callOptionsComeFromEventBusHeaders() {
    CallOptions o = CallOptions.fromHeaders(MultiMap.caseInsensitiveMultiMap().add("floodWaitLimit", "5")
        .add("timeout", "250").add("queueId", "q").add("dcId", "4").add("media", "true"));
    assertEquals(5, o.floodWaitLimit());
    assertEquals(250, o.timeoutMillis());
    assertEquals("q", o.queueId());
    assertEquals(4, o.dcId());
    assertTrue(o.media());
    CallOptions none = CallOptions.fromHeaders(MultiMap.caseInsensitiveMultiMap());
    assertEquals(-1, none.floodWaitLimit());
    assertNull(none.queueId());
  }

  @Test
  void cancellationTokenRunsItsActionsOnce() {
    CancellationToken token = CancellationToken.create();
    AtomicInteger runs = new AtomicInteger();
    Runnable removed = runs::incrementAndGet;
    token.onCancel(runs::incrementAndGet);
    token.onCancel(removed);
    token.remove(removed);
    token.cancel();
    token.cancel();
    assertEquals(1, runs.get());
    token.onCancel(runs::incrementAndGet);
    assertEquals(2, runs.get(), "registered after the cancel: runs at once");
  }

  @Test
  void withoutDcsOrKeysTheClientTargetsTelegram() {
    ClientOptions production = new ClientOptions();
    assertEquals(2, production.homeDc());
    assertEquals("149.154.167.51", production.dc(2).host());
    assertEquals(443, production.dc(2).port());
    assertEquals(-3414540481677951611L, production.trustedKeys().get(0).fingerprint());

    ClientOptions test = new ClientOptions().testMode(true);
    assertEquals("149.154.167.40", test.dc(2).host());
    assertEquals(-5595554452916591101L, test.trustedKeys().get(0).fingerprint());
    assertEquals(null, test.dc(4), "the test servers have DCs 1 to 3");

    ClientOptions local = new ClientOptions().addDc(1, "127.0.0.1", 10441);
    assertEquals(1, local.homeDc());
    assertEquals(null, local.dc(2), "configured DCs replace Telegram's");
  }

  @Test
  void mediaConnectionsPerDcDefaultsToFourAndIsBounded() {
    assertEquals(4, new ClientOptions().mediaConnectionsPerDc());
    ClientOptions o = new ClientOptions().mediaConnectionsPerDc(7);
    assertEquals(7, new ClientOptions(o.toJson()).mediaConnectionsPerDc());
    assertThrows(IllegalArgumentException.class, () -> new ClientOptions().mediaConnectionsPerDc(0));
    assertThrows(IllegalArgumentException.class,
        () -> new ClientOptions(new JsonObject().put("mediaConnectionsPerDc", 17)));
    Settings settings = new Settings(new JsonObject().put("connection",
        new JsonObject().put("mediaConnectionsPerDc", 2)));
    assertEquals(2, settings.client().mediaConnectionsPerDc());
    assertThrows(IllegalArgumentException.class, () -> new Settings(new JsonObject().put("connection",
        new JsonObject().put("mediaConnectionsPerDc", 0))));
  }
}
