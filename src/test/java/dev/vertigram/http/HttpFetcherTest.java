package dev.vertigram.http;

import dev.vertigram.files.SlowStream;
import dev.vertigram.http.impl.HttpFetcherImpl;
import dev.vertigram.transport.Socks5TestProxy;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static dev.vertigram.testing.Futures.await;
import static dev.vertigram.testing.Futures.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP client against a local origin, with local SOCKS5 and HTTP CONNECT proxies for the fallback. */
class HttpFetcherTest {

  private static Vertx vertx;
  private static OriginServer origin;
  private static Socks5TestProxy socks;
  private static int refusingPort;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    origin = await(OriginServer.start(vertx, 300_000));
    socks = await(Socks5TestProxy.start(vertx));
    refusingPort = closedPort();
  }

  @AfterAll
  static void stop() {
    await(socks.close());
    await(origin.close());
    await(vertx.close());
  }

  private static int closedPort() {
    return closedPort(vertx);
  }

  /** A port that was just listened on and closed: connecting to it is refused. */
  static int closedPort(Vertx vertx) {
    NetServer server = await(vertx.createNetServer().connectHandler(s -> s.close()).listen(0, "127.0.0.1"));
    int port = server.actualPort();
    await(server.close());
    return port;
  }

  private static HttpFetcher fetcher(ProxyOptions proxy) {
    return HttpFetcher.create(vertx, new HttpOptions().connectTimeout(5_000).proxy(proxy));
  }

  private static ProxyOptions socksProxy() {
    return new ProxyOptions().setType(ProxyType.SOCKS5).setHost("127.0.0.1").setPort(socks.port());
  }

  private static String url(int port, String path) {
    return "http://127.0.0.1:" + port + path;
  }

  @Test
  void directWorksWithoutTheProxy() {
    HttpFetcher http = fetcher(socksProxy());
    int before = socks.targets.size();
    assertArrayEquals(origin.data, await(http.fileGetContents(url(origin.port(), "/data"))).getBytes());
    assertArrayEquals(origin.data, await(http.fileGetContents(url(origin.port(), "/chunked"))).getBytes());
    assertEquals(before, socks.targets.size());
    assertEquals(new HttpStats(2, 0, 0, 0), http.stats());
    await(http.close());
  }

  @Test
  void refusedDirectGoesThroughSocks5AndTheHostIsRemembered() {
    String target = "127.0.0.1:" + refusingPort;
    socks.routes.put(target, "127.0.0.1:" + origin.port());
    HttpFetcher http = fetcher(socksProxy());
    HttpStream first = await(http.stream(url(refusingPort, "/data")));
    assertTrue(first.proxied());
    first.abort();
    assertArrayEquals(origin.data, await(http.fileGetContents(url(refusingPort, "/data"))).getBytes());
    assertEquals(2, socks.targets.stream().filter(target::equals).count());
    // one direct attempt (refused), then both requests through the proxy: the second skipped direct
    assertEquals(new HttpStats(1, 1, 2, 0), http.stats());
    await(http.close());
  }

  @Test
  void directIsTriedAgainOnceTheFailureIsForgotten() {
    int port = closedPort();
    socks.routes.put("127.0.0.1:" + port, "127.0.0.1:" + origin.port());
    AtomicLong clock = new AtomicLong();
    HttpFetcher http = new HttpFetcherImpl(vertx, new HttpOptions().directRetryAfter(60_000).proxy(socksProxy()),
        clock::get);
    await(http.fileGetContents(url(port, "/data")));
    clock.set(59_999);
    await(http.fileGetContents(url(port, "/data")));
    assertEquals(new HttpStats(1, 1, 2, 0), http.stats());
    clock.set(60_000);
    await(http.fileGetContents(url(port, "/data")));
    assertEquals(new HttpStats(2, 2, 3, 0), http.stats());
    await(http.close());
  }

  @Test
  void aSilentServerTimesOutWithoutTryingTheProxy() {
    NetServer silent = await(vertx.createNetServer().connectHandler(socket -> { }).listen(0, "127.0.0.1"));
    HttpFetcher http = HttpFetcher.create(vertx, new HttpOptions().idleTimeout(300).proxy(socksProxy()));
    Throwable e = failure(http.fileGetContents(url(silent.actualPort(), "/data")));
    assertTrue(String.valueOf(e.getMessage()).contains("timeout"), String.valueOf(e));
    assertEquals(new HttpStats(1, 0, 0, 0), http.stats());
    await(http.close());
    await(silent.close());
  }

  /** The body of a stream is paused until read: the origin, writing only while the connection takes it, stalls. */
  @Test
  void anUnreadStreamHoldsTheOriginBack() throws InterruptedException {
    HttpFetcher http = fetcher(null);
    HttpStream s = await(http.stream(url(origin.port(), "/endless")));
    long seen = -1;
    while (seen != origin.endlessBytes.get()) { // until the origin stops writing
      seen = origin.endlessBytes.get();
      Thread.sleep(200);
    }
    assertTrue(seen < 32L << 20, "the origin wrote " + seen + " bytes into an unread response");
    s.abort();
    await(http.close());
  }

  @Test
  void downloadPipesWithBackPressureAndReportsTheResponse() {
    HttpFetcher http = fetcher(null);
    SlowStream sink = new SlowStream(vertx, 32 * 1024);
    HttpStream s = await(http.download(url(origin.port(), "/data"), sink));
    assertEquals(200, s.status());
    assertEquals(origin.data.length, s.contentLength());
    assertEquals("data.bin", s.fileName());
    assertArrayEquals(origin.data, sink.bytes());
    assertTrue(sink.largestQueue() < 32 * 1024 + 128 * 1024, "queue grew to " + sink.largestQueue());
    SlowStream chunked = new SlowStream(vertx, 32 * 1024);
    HttpStream c = await(http.download(url(origin.port(), "/chunked"), chunked));
    assertEquals(-1, c.contentLength());
    assertEquals("chunked", c.fileName());
    assertArrayEquals(origin.data, chunked.bytes());
    await(http.close());
  }

  @Test
  void sendUsesTheWebClientWithFallback() {
    socks.routes.put("127.0.0.1:" + refusingPort, "127.0.0.1:" + origin.port());
    HttpFetcher http = fetcher(socksProxy());
    HttpResponse<Buffer> echoed = await(http.send(HttpMethod.POST, url(refusingPort, "/echo"),
        r -> r.sendBuffer(Buffer.buffer("hello over the proxy"))));
    assertEquals("hello over the proxy", echoed.bodyAsString());
    assertEquals(1, http.stats().proxied());
    assertEquals(404, await(http.send(HttpMethod.GET, url(origin.port(), "/nope"), r -> r.send())).statusCode());
    await(http.close());
  }

  @Test
  void errorsAreClear() {
    HttpFetcher http = fetcher(null);
    for (String bad : List.of("ftp://x/y", "not a url", "http:///nohost")) {
      Throwable e = failure(http.fileGetContents(bad));
      assertInstanceOf(IllegalArgumentException.class, e);
      assertTrue(e.getMessage().startsWith("bad URL"), e.getMessage());
    }
    Throwable status = failure(http.fileGetContents(url(origin.port(), "/missing")));
    assertEquals(404, ((HttpStatusException) status).status());
    assertTrue(status.getMessage().contains("HTTP 404"), status.getMessage());
    Throwable refused = failure(http.fileGetContents(url(refusingPort, "/data")));
    assertFalse(refused instanceof HttpProxyException, "no proxy configured: " + refused);
    assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
    Throwable announced = failure(http.fileGetContents(url(origin.port(), "/data"), 1000));
    assertTrue(announced.getMessage().contains("over the limit of 1000 bytes"), announced.getMessage());
    Throwable streamed = failure(http.fileGetContents(url(origin.port(), "/chunked"), 100_000));
    assertTrue(streamed.getMessage().contains("over the limit of 100000 bytes"), streamed.getMessage());
    await(http.close());

    HttpFetcher deadProxy = fetcher(new ProxyOptions().setType(ProxyType.SOCKS5).setHost("127.0.0.1")
        .setPort(closedPort()));
    Throwable both = failure(deadProxy.fileGetContents(url(refusingPort, "/data")));
    assertInstanceOf(HttpProxyException.class, both);
    assertTrue(both.getMessage().contains("socks5 proxy 127.0.0.1:"), both.getMessage());
    assertTrue(both.getMessage().contains("direct failed"), both.getMessage());
    await(deadProxy.close());
  }
}
