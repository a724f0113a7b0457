package dev.vertigram.transport;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real TCP on 127.0.0.1: the client transport against {@link EchoDcServer}, directly and through proxies. */
@ExtendWith(VertxExtension.class)
class TcpTransportTest {
  private static final List<Buffer> PAYLOADS;

  static {
    Random rnd = new Random(17);
    List<Buffer> list = new ArrayList<>(TestBytes.smallPackets(rnd));
    list.add(TestBytes.encrypted(rnd, 65536)); // 1 MiB + 24
    list.add(TestBytes.unencrypted(rnd, 3));
    PAYLOADS = List.copyOf(list);
  }

  /** Sends PAYLOADS, expects them echoed in order, then asks for a -404 and expects it as TransportErrorException. */
  private static Future<Void> echoAndError(Vertx vertx, TransportOptions options, int port) {
    TcpConnector connector = new TcpConnector(vertx, options);
    return connector.connect("127.0.0.1", port, 2).compose(conn -> {
      Promise<Void> done = Promise.promise();
      List<Buffer> got = new ArrayList<>();
      conn.exceptionHandler(e -> {
        if (e instanceof TransportErrorException t && t.code() == -404 && got.size() == PAYLOADS.size()) {
          done.tryComplete();
        } else {
          done.tryFail(e);
        }
      });
      conn.frameHandler(frame -> {
        got.add(frame);
        if (got.size() == PAYLOADS.size()) {
          if (!got.equals(PAYLOADS)) {
            done.tryFail(new AssertionError("echoed payloads differ"));
          }
          conn.send(Buffer.buffer().appendIntLE(-404));
        }
      });
      PAYLOADS.forEach(conn::send);
      return done.future().eventually(conn::close);
    }).eventually(connector::close);
  }

  @ParameterizedTest(name = "{0} obfuscated={1}")
  @MethodSource("dev.vertigram.transport.Pairs#combos")
  void direct(TransportKind kind, boolean obfuscated, Vertx vertx, VertxTestContext ctx) {
    EchoDcServer.start(vertx)
      .compose(dc -> echoAndError(vertx, new TransportOptions().kind(kind).obfuscated(obfuscated), dc.port())
        .eventually(dc::close))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void throughSocks5(Vertx vertx, VertxTestContext ctx) {
    EchoDcServer.start(vertx).compose(dc -> Socks5TestProxy.start(vertx).compose(proxy -> {
      TransportOptions options = new TransportOptions().kind(TransportKind.PADDED_INTERMEDIATE)
        .proxy(new ProxyOptions().setType(ProxyType.SOCKS5).setHost("127.0.0.1").setPort(proxy.port())
          .setUsername("alice").setPassword("s3cret"));
      return echoAndError(vertx, options, dc.port())
        .andThen(ar -> ctx.verify(() -> {
          assertEquals(List.of("127.0.0.1:" + dc.port()), proxy.targets);
          assertEquals(List.of("alice:s3cret"), proxy.credentials);
        }))
        .eventually(proxy::close);
    }).eventually(dc::close)).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void throughHttpConnect(Vertx vertx, VertxTestContext ctx) {
    EchoDcServer.start(vertx).compose(dc -> HttpConnectTestProxy.start(vertx).compose(proxy -> {
      TransportOptions options = new TransportOptions(httpProxyConfig(proxy.port()));
      return echoAndError(vertx, options, dc.port())
        .andThen(ar -> ctx.verify(() -> {
          assertEquals(List.of("127.0.0.1:" + dc.port()), proxy.targets);
          String basic = Base64.getEncoder().encodeToString("bob:pw".getBytes(StandardCharsets.UTF_8));
          assertEquals(List.of("Basic " + basic), proxy.authorizations);
        }))
        .eventually(proxy::close);
    }).eventually(dc::close)).onComplete(ctx.succeedingThenComplete());
  }

  /** The HTTP proxy test goes through the JSON form of the options. */
  private static JsonObject httpProxyConfig(int proxyPort) {
    return new JsonObject()
      .put("kind", "abridged").put("obfuscated", false).put("connectTimeoutMs", 5000)
      .put("proxy", new JsonObject().put("type", "http").put("host", "127.0.0.1").put("port", proxyPort)
        .put("username", "bob").put("password", "pw"));
  }

  @Test
  void brokenStreamIsReportedAndClosed(Vertx vertx, VertxTestContext ctx) {
    var reported = ctx.checkpoint();
    var closed = ctx.checkpoint();
    EchoDcServer.start(vertx).onComplete(ctx.succeeding(dc -> {
      TcpConnector connector = new TcpConnector(vertx, new TransportOptions().obfuscated(false));
      connector.connect("127.0.0.1", dc.port(), 2).onComplete(ctx.succeeding(conn -> {
        conn.exceptionHandler(e -> ctx.verify(() -> {
          assertInstanceOf(TransportException.class, e);
          assertTrue(e.getMessage().startsWith("frame too large"), e.getMessage());
          reported.flag();
        }));
        conn.closeHandler(v -> connector.close().eventually(dc::close).onComplete(ctx.succeeding(x -> closed.flag())));
        conn.frameHandler(frame -> ctx.failNow("unexpected frame"));
        conn.send(EchoDcServer.BREAK);
      }));
    }));
  }

  @Test
  void frameHandlerFailuresDoNotStopDelivery(Vertx vertx, VertxTestContext ctx) {
    EchoDcServer.start(vertx).compose(dc -> {
      TcpConnector connector = new TcpConnector(vertx, new TransportOptions());
      return connector.connect("127.0.0.1", dc.port(), 2).compose(conn -> {
        Promise<Void> done = Promise.promise();
        List<Throwable> errors = new ArrayList<>();
        List<Buffer> got = new ArrayList<>();
        conn.exceptionHandler(e -> {
          errors.add(e);
          if (errors.size() == 2) {
            done.complete();
          }
        });
        conn.frameHandler(frame -> {
          got.add(frame);
          throw new IllegalStateException("handler bug");
        });
        conn.send(PAYLOADS.get(0));
        conn.send(PAYLOADS.get(1));
        return done.future().andThen(ar -> ctx.verify(() -> {
          assertEquals(PAYLOADS.subList(0, 2), got);
          assertEquals("handler bug", errors.get(1).getMessage());
        })).eventually(conn::close);
      }).eventually(connector::close).eventually(dc::close);
    }).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void connectFailuresAreFailedFutures(Vertx vertx, VertxTestContext ctx) {
    vertx.createNetServer().connectHandler(socket -> socket.close()).listen(0, "127.0.0.1")
      .compose(s -> s.close().map(v -> s.actualPort()))
      .compose(closedPort -> {
        TcpConnector connector = new TcpConnector(vertx, new TransportOptions().connectTimeoutMs(2000));
        return connector.connect("127.0.0.1", closedPort, 2).eventually(connector::close);
      })
      .onComplete(ctx.failing(e -> {
        TcpConnector invalid =
          new TcpConnector(vertx, new TransportOptions().kind(TransportKind.FULL).obfuscated(true));
        invalid.connect("127.0.0.1", 1, 2).onComplete(ctx.failing(iae -> ctx.verify(() -> {
          assertInstanceOf(IllegalArgumentException.class, iae);
          invalid.close();
          ctx.completeNow();
        })));
      }));
  }
}
