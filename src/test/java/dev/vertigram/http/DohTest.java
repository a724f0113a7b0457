package dev.vertigram.http;

import dev.vertigram.http.impl.HttpFetcherImpl;
import dev.vertigram.transport.HttpConnectTestProxy;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;

import static dev.vertigram.testing.Futures.await;
import static dev.vertigram.testing.Futures.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DNS over HTTPS against a local RFC 8484 server: made-up names under example.test resolve to 127.0.0.1, where an
 * HTTPS origin with a self-signed certificate for files.example.test listens.
 */
class DohTest {

  private static final String NAME = "files.example.test";
  private static Vertx vertx;
  private static SelfSignedCertificate cert;
  private static OriginServer origin;
  private static DohTestServer doh;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    cert = SelfSignedCertificate.create(NAME);
    origin = await(OriginServer.start(vertx, 100_000, cert));
    doh = await(DohTestServer.start(vertx));
    doh.records.put(NAME, "127.0.0.1");
    doh.records.put("other.example.test", "127.0.0.1");
    doh.broken.add("broken.example.test");
    doh.oversized.add("huge.example.test");
  }

  @AfterAll
  static void stop() {
    await(doh.close());
    await(origin.close());
    await(vertx.close());
    cert.delete();
  }

  private static HttpOptions options() {
    return new HttpOptions().doh(doh.url()).connectTimeout(5_000)
        .webClient(new WebClientOptions().setTrustOptions(cert.trustOptions()));
  }

  private static String url(String host) {
    return "https://" + host + ":" + origin.port() + "/data";
  }

  @Test
  void resolvesAMadeUpNameAndKeepsHostAndSni() {
    AtomicLong clock = new AtomicLong();
    doh.ttl = 60;
    HttpFetcher http = new HttpFetcherImpl(vertx, options(), clock::get);
    int hosts = origin.hosts.size();
    assertArrayEquals(origin.data, await(http.fileGetContents(url(NAME))).getBytes());
    assertEquals(NAME + ":" + origin.port(), origin.hosts.get(hosts));
    assertTrue(origin.sniNames.contains(NAME), "SNI " + origin.sniNames);
    assertEquals(1, http.stats().dohQueries());

    clock.set(59_000); // within the TTL: from the cache
    await(http.fileGetContents(url(NAME)));
    assertEquals(1, http.stats().dohQueries());
    clock.set(60_000); // expired: asked again
    await(http.fileGetContents(url(NAME)));
    assertEquals(2, http.stats().dohQueries());
    await(http.close());
  }

  @Test
  void webClientRequestsUseDohToo() {
    HttpFetcher http = HttpFetcher.create(vertx, options());
    int hosts = origin.hosts.size();
    HttpResponse<Buffer> echoed = await(http.send(HttpMethod.POST, "https://" + NAME + ":" + origin.port() + "/echo",
        r -> r.sendBuffer(Buffer.buffer("resolved by DoH"))));
    assertEquals("resolved by DoH", echoed.bodyAsString());
    assertEquals(NAME + ":" + origin.port(), origin.hosts.get(hosts));
    assertEquals(1, http.stats().dohQueries());
    await(http.close());
  }

  @Test
  void aZeroTtlIsNotCached() {
    doh.ttl = 0;
    HttpFetcher http = HttpFetcher.create(vertx, options());
    await(http.fileGetContents(url(NAME)));
    await(http.fileGetContents(url(NAME)));
    assertEquals(2, http.stats().dohQueries());
    doh.ttl = 60;
    await(http.close());
  }

  @Test
  void theCertificateIsCheckedForTheNameNotTheIp() {
    HttpFetcher http = HttpFetcher.create(vertx, options());
    Throwable e = failure(http.fileGetContents(url("other.example.test")));
    boolean ssl = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      ssl |= t instanceof SSLException;
    }
    assertTrue(ssl, "expected a TLS failure, got " + e);
    await(http.close());
  }

  @Test
  void dohFailuresAreClear() {
    HttpFetcher http = HttpFetcher.create(vertx, options());
    Throwable missing = failure(http.fileGetContents(url("nowhere.example.test")));
    assertInstanceOf(DohException.class, missing);
    assertTrue(missing.getMessage().contains("nowhere.example.test (NXDOMAIN)"), missing.getMessage());
    Throwable broken = failure(http.fileGetContents(url("broken.example.test")));
    assertInstanceOf(DohException.class, broken);
    assertTrue(broken.getMessage().contains("HTTP 500"), broken.getMessage());
    Throwable huge = failure(http.fileGetContents(url("huge.example.test")));
    assertInstanceOf(DohException.class, huge);
    assertTrue(huge.getMessage().contains("too long: over 65535 bytes"), huge.getMessage());
    await(http.close());
  }

  @Test
  void aNameDohCannotResolveGoesThroughHttpConnect() {
    SelfSignedCertificate blockedCert = SelfSignedCertificate.create("blocked.example.test");
    OriginServer blocked = await(OriginServer.start(vertx, 50_000, blockedCert));
    HttpConnectTestProxy proxy = await(HttpConnectTestProxy.start(vertx));
    String target = "blocked.example.test:" + blocked.port();
    proxy.routes.put(target, "127.0.0.1:" + blocked.port());
    HttpFetcher http = HttpFetcher.create(vertx, options()
        .webClient(new WebClientOptions().setTrustOptions(blockedCert.trustOptions()))
        .proxy(new ProxyOptions().setType(ProxyType.HTTP).setHost("127.0.0.1").setPort(proxy.port())));
    String url = "https://" + target + "/data";
    assertArrayEquals(blocked.data, await(http.fileGetContents(url)).getBytes());
    assertArrayEquals(blocked.data, await(http.fileGetContents(url)).getBytes());
    // the second request may reuse the first tunnel (keep-alive): every CONNECT names the real host
    assertTrue(!proxy.targets.isEmpty() && proxy.targets.stream().allMatch(target::equals), "" + proxy.targets);
    assertTrue(blocked.sniNames.contains("blocked.example.test"), "SNI " + blocked.sniNames);
    assertEquals(new HttpStats(1, 1, 2, 1), http.stats()); // NXDOMAIN once; then straight to the proxy
    await(http.close());
    await(proxy.close());
    await(blocked.close());
    blockedCert.delete();
  }
}
