package dev.vertigram.http.impl;

import dev.vertigram.http.DohException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Resolves host names with DNS over HTTPS (RFC 8484: a wire-format query in the {@code dns} parameter of a GET,
 * answered as {@code application/dns-message}): A records, else AAAA. Answers are cached for their smallest TTL
 * (TTL 0: not cached) and concurrent lookups of one name share a query.
 */
public final class DohResolver {

  private static final String MEDIA_TYPE = "application/dns-message";
  private static final int MAX_MESSAGE = 65_535;

  private record Entry(String address, long expiresAt) {
  }

  private final HttpClient http;
  private final String endpoint;
  private final long idleTimeout;
  private final LongSupplier clock;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();
  private final Map<String, Future<String>> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong queries = new AtomicLong();

  /**
   * @param clock milliseconds of a monotonic clock (tests pass their own)
   */
  public DohResolver(HttpClient http, String endpoint, long idleTimeout, LongSupplier clock) {
    this.http = http;
    this.endpoint = endpoint;
    this.idleTimeout = idleTimeout;
    this.clock = clock;
  }

  /** HTTP queries sent so far (cache hits send none). */
  public long queries() {
    return queries.get();
  }

  /** The first address of {@code host} (textual IP), from the cache while its TTL lasts. */
  public Future<String> resolve(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    Entry cached = cache.get(name);
    if (cached != null && clock.getAsLong() < cached.expiresAt()) {
      return Future.succeededFuture(cached.address());
    }
    Promise<String> promise = Promise.promise();
    Future<String> running = inFlight.putIfAbsent(name, promise.future());
    if (running != null) {
      return running;
    }
    lookup(name).onComplete(ar -> {
      inFlight.remove(name, promise.future());
      promise.handle(ar);
    });
    return promise.future();
  }

  private Future<String> lookup(String name) {
    return query(name, DnsMessage.TYPE_A)
        .compose(a -> a.addresses().isEmpty() ? query(name, DnsMessage.TYPE_AAAA) : Future.succeededFuture(a))
        .compose(answer -> {
          if (answer.addresses().isEmpty()) {
            return Future.failedFuture(new DohException("no A or AAAA record for " + name + " (DoH " + endpoint + ")"));
          }
          String address = answer.addresses().get(0);
          if (answer.ttlSeconds() > 0) {
            cache.put(name, new Entry(address, clock.getAsLong() + answer.ttlSeconds() * 1000));
          }
          return Future.succeededFuture(address);
        });
  }

  private Future<DnsMessage.Answer> query(String name, int type) {
    Buffer message;
    try {
      message = DnsMessage.query(name, type);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    queries.incrementAndGet();
    String url = endpoint + (endpoint.indexOf('?') >= 0 ? "&" : "?") + "dns="
        + Base64.getUrlEncoder().withoutPadding().encodeToString(message.getBytes());
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
        .setIdleTimeout(idleTimeout).putHeader(HttpHeaders.ACCEPT, MEDIA_TYPE);
    return http.request(options).compose(req -> req.send()).compose(resp -> {
      String contentType = resp.getHeader(HttpHeaders.CONTENT_TYPE);
      if (resp.statusCode() != 200 || contentType == null || !contentType.startsWith(MEDIA_TYPE)) {
        ResponseStream.reset(resp);
        return Future.failedFuture(new DohException("DoH server " + endpoint + " answered HTTP " + resp.statusCode()
            + " (" + contentType + ") for " + name));
      }
      long length = resp.headers().contains(HttpHeaders.CONTENT_LENGTH)
          ? Long.parseLong(resp.getHeader(HttpHeaders.CONTENT_LENGTH)) : -1;
      if (length > MAX_MESSAGE) {
        ResponseStream.reset(resp);
        return Future.failedFuture(new DohException("DoH answer for " + name + " is too long: " + length + " bytes"));
      }
      return BoundedBody.read(resp, length, MAX_MESSAGE, () -> ResponseStream.reset(resp),
          () -> new DohException("DoH answer for " + name + " is too long: over " + MAX_MESSAGE + " bytes"));
    }).transform(ar -> {
      if (ar.failed()) {
        Throwable e = ar.cause();
        return Future.failedFuture(e instanceof DohException ? e
            : new DohException("DoH lookup of " + name + " via " + endpoint + " failed: " + e, e));
      }
      try {
        return Future.succeededFuture(DnsMessage.parse(ar.result(), type, name));
      } catch (DohException e) {
        return Future.failedFuture(e);
      }
    });
  }
}
