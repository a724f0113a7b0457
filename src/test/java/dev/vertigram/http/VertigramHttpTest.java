package dev.vertigram.http;

import dev.vertigram.client.Settings;
import dev.vertigram.client.Vertigram;
import dev.vertigram.transport.Socks5TestProxy;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.vertigram.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A session's {@code http()} takes its options from the settings and connection.transport.proxy as fallback. */
class VertigramHttpTest {

  @TempDir
  Path dir;

  @Test
  void sessionHttpFallsBackToTheTransportProxy() {
    Vertx vertx = Vertx.vertx();
    try {
      OriginServer origin = await(OriginServer.start(vertx, 10_000));
      Socks5TestProxy socks = await(Socks5TestProxy.start(vertx));
      int refused = HttpFetcherTest.closedPort(vertx);
      socks.routes.put("127.0.0.1:" + refused, "127.0.0.1:" + origin.port());
      Settings settings = new Settings(new JsonObject()
          .put("connection", new JsonObject().put("dcs", new JsonArray().add(new JsonObject().put("id", 1)
              .put("host", "127.0.0.1").put("port", refused)))
              .put("transport", new JsonObject().put("proxy", new JsonObject().put("type", "socks5")
                  .put("host", "127.0.0.1").put("port", socks.port()))))
          .put("http", new JsonObject().put("connectTimeout", 3000))
          .put("storage", new JsonObject().put("folder", dir.toString())));
      Vertigram tg = await(Vertigram.open(vertx, "http-test", settings));
      assertArrayEquals(origin.data, await(tg.fileGetContents("http://127.0.0.1:" + refused + "/data")).getBytes());
      assertSame(tg.http(), tg.http());
      assertEquals(1, tg.http().stats().proxied());
      await(tg.close());
    } finally {
      await(vertx.close());
    }
  }
}
