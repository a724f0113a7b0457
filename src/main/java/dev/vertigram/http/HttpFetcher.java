package dev.vertigram.http;

import dev.vertigram.http.impl.HttpFetcherImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.util.function.Function;

/**
 * A session's HTTP client (MadelineProto's getHTTPClient / fileGetContents), on vertx-web-client:
 * <pre>
 * HttpFetcher http = HttpFetcher.create(vertx, new HttpOptions().doh("https://cloudflare-dns.com/dns-query"));
 * http.fileGetContents("https://example.com/a.png").onSuccess(bytes -&gt; ...);
 * http.download("https://example.com/big.iso", asyncFile).onSuccess(s -&gt; log(s.status(), s.contentLength()));
 * </pre>
 * Every request goes direct first; only when the direct connection fails (refused, unreachable, timed out, name not
 * resolved: not an HTTP error status) is it retried through {@link HttpOptions#proxy()}, and the host goes straight
 * to the proxy for {@link HttpOptions#directRetryAfter()}. With {@link HttpOptions#doh()}, names are resolved by DNS
 * over HTTPS and the connection goes to the resolved IP, with the Host header, TLS SNI and certificate check still
 * for the name. Errors: an {@link IllegalArgumentException} for a bad URL, {@link HttpStatusException} for a status
 * of 400 or more, {@link HttpProxyException} when the proxy fails too, {@link DohException} when the name cannot be
 * resolved (and there is no proxy).
 */
public interface HttpFetcher {

  /** A fetcher with its own HTTP client; {@link #close()} it. */
  static HttpFetcher create(Vertx vertx, HttpOptions options) {
    return new HttpFetcherImpl(vertx, options);
  }

  /** The whole body of a GET, at most {@link HttpOptions#maxBodySize()} bytes. */
  Future<Buffer> fileGetContents(String url);

  /**
   * The whole body of a GET, at most {@code maxBytes}: a longer body fails with an IllegalStateException (at once
   * when its Content-Length says so).
   */
  Future<Buffer> fileGetContents(String url, long maxBytes);

  /**
   * A GET whose response has arrived (status below 400): status, headers, length, and the body as a paused
   * {@code ReadStream} for the caller to consume (or {@link HttpStream#abort()}).
   */
  Future<HttpStream> stream(String url);

  /**
   * A GET whose body is piped into {@code sink} with back-pressure (reading pauses while the sink is full); the
   * sink is ended with the body. Completes, with the response's status and headers, once the sink took it all. On a
   * status of 400 or more nothing is written to the sink.
   */
  Future<HttpStream> download(String url, WriteStream<Buffer> sink);

  /**
   * A web client request with the direct-then-proxy fallback (and DoH): {@code send} sets headers, body codec, body,
   * and sends. The response comes back whatever its status.
   */
  <T> Future<HttpResponse<T>> send(HttpMethod method, String url,
      Function<HttpRequest<Buffer>, Future<HttpResponse<T>>> send);

  /** The underlying web client, configured from the options, for requests that need no fallback nor DoH. */
  WebClient webClient();

  /** Counters: direct attempts, failed direct connections, requests through the proxy, DoH queries. */
  HttpStats stats();

  Future<Void> close();
}
