package dev.vertigram.http.impl;

import dev.vertigram.http.DohException;
import dev.vertigram.http.HttpFetcher;
import dev.vertigram.http.HttpOptions;
import dev.vertigram.http.HttpProxyException;
import dev.vertigram.http.HttpStats;
import dev.vertigram.http.HttpStatusException;
import dev.vertigram.http.HttpStream;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The {@link HttpFetcher}: one Vert.x HTTP client, wrapped by the web client; every request runs through
 * {@link #route}, which picks direct (to the DoH-resolved IP when DoH is on) or the proxy.
 */
public final class HttpFetcherImpl implements HttpFetcher {

  /** Where one attempt goes: {@code server} (null: resolve the URL's host as usual) or the proxy. */
  private record Route(SocketAddress server, ProxyOptions proxy) {
  }

  private final HttpOptions options;
  private final Vertx vertx;
  private final HttpClient http;
  private final WebClient web;
  private final DohResolver doh;
  private final DirectFailures failures;
  private final AtomicLong direct = new AtomicLong();
  private final AtomicLong directFailed = new AtomicLong();
  private final AtomicLong proxied = new AtomicLong();

  public HttpFetcherImpl(Vertx vertx, HttpOptions options) {
    this(vertx, options, () -> System.nanoTime() / 1_000_000);
  }

  /** @param clock milliseconds of a monotonic clock, for the DoH cache and the direct-failure memory */
  public HttpFetcherImpl(Vertx vertx, HttpOptions options, LongSupplier clock) {
    this.vertx = vertx;
    this.options = new HttpOptions(options);
    HttpClientOptions clientOptions = new HttpClientOptions(this.options.webClient())
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, this.options.connectTimeout()));
    this.http = vertx.createHttpClient(clientOptions);
    this.web = WebClient.wrap(http, this.options.webClient());
    this.doh = this.options.doh() == null ? null
        : new DohResolver(http, this.options.doh(), this.options.idleTimeout(), clock);
    this.failures = new DirectFailures(this.options.directRetryAfter(), clock);
  }

  @Override
  public Future<Buffer> fileGetContents(String url) {
    return fileGetContents(url, options.maxBodySize());
  }

  @Override
  public Future<Buffer> fileGetContents(String url, long maxBytes) {
    return stream(url).compose(s -> {
      if (s.contentLength() > maxBytes) {
        s.abort();
        return Future.failedFuture(tooLarge(url, maxBytes));
      }
      return BoundedBody.read(s.body(), s.contentLength(), maxBytes, s::abort, () -> tooLarge(url, maxBytes));
    });
  }

  @Override
  public Future<HttpStream> stream(String url) {
    return parse(url).compose(target -> route(target, r -> onContext(() -> http.request(requestOptions(target, r))
        .compose(req -> req.send())
        .map(resp -> {
          resp.pause(); // before any body chunk (see onContext): the caller reads the body later
          return new ResponseStream(resp, target, r.proxy() != null);
        }))))
        .compose(s -> {
          if (s.status() >= 400) {
            s.abort();
            return Future.failedFuture(new HttpStatusException("GET", url, s.status(), s.reason()));
          }
          return Future.succeededFuture(s);
        });
  }

  @Override
  public Future<HttpStream> download(String url, WriteStream<Buffer> sink) {
    return stream(url).compose(s -> s.body().pipeTo(sink).onFailure(e -> s.abort()).map(s));
  }

  @Override
  public <T> Future<HttpResponse<T>> send(HttpMethod method, String url,
      Function<HttpRequest<Buffer>, Future<HttpResponse<T>>> send) {
    return parse(url).compose(target -> route(target, r -> {
      RequestOptions ro = requestOptions(target, r);
      HttpRequest<Buffer> request = r.server() == null ? web.request(method, ro) : web.request(method, r.server(), ro);
      return send.apply(request.proxy(r.proxy()).idleTimeout(options.idleTimeout()));
    }));
  }

  /**
   * Builds a request's future chain on a context's thread: the caller's context, else (a plain thread, or another
   * Vert.x instance's) a new one of this fetcher's Vert.x. Built from a plain thread, the chain raced the event loop, which sends the request as soon as the first
   * step is attached: when the response arrived before {@code stream}'s pausing callback was attached (the caller
   * descheduled under load), Vert.x queued that callback behind the body chunks, which found no handler and were
   * dropped. On the context's own thread the chain is whole before any event of the response runs, so the callback
   * runs in the head's dispatch.
   */
  private <T> Future<T> onContext(Supplier<Future<T>> request) {
    Context current = Vertx.currentContext();
    if (current != null && current.owner() == vertx) {
      return request.get();
    }
    Promise<T> result = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> {
      try {
        request.get().onComplete(result);
      } catch (RuntimeException e) {
        result.fail(e);
      }
    });
    return result.future();
  }

  private static Future<Target> parse(String url) {
    try {
      return Future.succeededFuture(Target.parse(url));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public WebClient webClient() {
    return web;
  }

  @Override
  public HttpStats stats() {
    return new HttpStats(direct.get(), directFailed.get(), proxied.get(), doh == null ? 0 : doh.queries());
  }

  @Override
  public Future<Void> close() {
    return http.close(); // the web client only wraps it
  }

  /** Direct first (unless this host failed direct lately), then through the proxy if the connection failed. */
  private <T> Future<T> route(Target target, Function<Route, Future<T>> attempt) {
    ProxyOptions proxy = options.proxy();
    String hostPort = target.host() + ":" + target.port();
    if (proxy != null && failures.recentlyFailed(hostPort)) {
      return viaProxy(target, proxy, attempt, null);
    }
    direct.incrementAndGet();
    return serverFor(target).compose(server -> attempt.apply(new Route(server, null))).recover(e -> {
      if (!connectFailure(e)) {
        return Future.failedFuture(e);
      }
      directFailed.incrementAndGet();
      if (proxy == null) {
        return Future.failedFuture(e);
      }
      failures.failed(hostPort);
      return viaProxy(target, proxy, attempt, e);
    });
  }

  private <T> Future<T> viaProxy(Target target, ProxyOptions proxy, Function<Route, Future<T>> attempt,
      Throwable directFailure) {
    proxied.incrementAndGet();
    return Future.succeededFuture(new Route(null, proxy)).compose(attempt).recover(e -> {
      if (!connectFailure(e)) {
        return Future.failedFuture(e);
      }
      String name = proxy.getType().name().toLowerCase(Locale.ROOT) + " proxy " + proxy.getHost() + ":"
          + proxy.getPort();
      return Future.failedFuture(new HttpProxyException(target.url() + ": the " + name + " failed: " + e.getMessage()
          + (directFailure == null ? " (direct failed earlier)" : "; direct failed: " + directFailure.getMessage()),
          e, directFailure));
    });
  }

  /** The DoH-resolved address to connect to, or null to let Vert.x resolve the host (or when it is an IP). */
  private Future<SocketAddress> serverFor(Target target) {
    if (doh == null || target.hostIsIp()) {
      return Future.succeededFuture(null);
    }
    // its query reads the DoH answer's body in a callback: the same race as stream's from a plain thread
    return onContext(() -> doh.resolve(target.host())).map(ip -> SocketAddress.inetSocketAddress(target.port(), ip));
  }

  private RequestOptions requestOptions(Target target, Route route) {
    RequestOptions ro = new RequestOptions().setMethod(HttpMethod.GET).setHost(target.host()).setPort(target.port())
        .setSsl(target.ssl()).setURI(target.requestUri()).setIdleTimeout(options.idleTimeout());
    if (route.server() != null) {
      ro.setServer(route.server());
    }
    if (route.proxy() != null) {
      ro.setProxyOptions(new ProxyOptions(route.proxy())
          .setConnectTimeout(Duration.ofMillis(options.connectTimeout())));
    }
    return ro;
  }

  /** A failure to connect (refused, unreachable, timed out, proxy handshake, name not resolved), not an HTTP error. */
  static boolean connectFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
          || t instanceof DohException) {
        return true;
      }
    }
    return false;
  }

  private static IllegalStateException tooLarge(String url, long maxBytes) {
    return new IllegalStateException("GET " + url + ": the body is over the limit of " + maxBytes + " bytes");
  }
}
