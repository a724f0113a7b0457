package dev.vertigram.http;

import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ProxyOptions;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Options of an {@link HttpFetcher}. JSON form (every key optional):
 * <pre>{@code
 * {"connectTimeout": 10000,      // ms, per connection attempt (direct, proxy, DoH)
 *  "idleTimeout": 30000,         // ms without a byte before a request fails
 *  "maxBodySize": 67108864,      // bytes fileGetContents accepts by default
 *  "directRetryAfter": 300000,   // ms a host whose direct connection failed goes straight to the proxy
 *  "doh": "https://cloudflare-dns.com/dns-query",   // RFC 8484 resolver; absent = the system's resolver
 *  "proxy": {"type": "socks5", "host": "127.0.0.1", "port": 1080, "username": "u", "password": "p"},
 *  "webClient": {WebClientOptions JSON: user agent, TLS trust, ...}}
 * }</pre>
 * The proxy (socks5, socks4 or http) is only used when a direct connection fails.
 */
public final class HttpOptions {

  private long connectTimeout = 10_000;
  private long idleTimeout = 30_000;
  private long maxBodySize = 64L << 20;
  private long directRetryAfter = 300_000;
  private String doh;
  private ProxyOptions proxy;
  private WebClientOptions webClient = new WebClientOptions();

  /** The defaults: no DoH, no proxy. */
  public HttpOptions() {
  }

  /** A copy of {@code other}. */
  public HttpOptions(HttpOptions other) {
    this(other.toJson());
    webClient = new WebClientOptions(other.webClient);
  }

  /** Reads the JSON form; a wrong value throws an IllegalArgumentException naming the key. */
  public HttpOptions(JsonObject json) {
    connectTimeout(positive(json, "connectTimeout", connectTimeout));
    idleTimeout(positive(json, "idleTimeout", idleTimeout));
    maxBodySize(positive(json, "maxBodySize", maxBodySize));
    directRetryAfter(positive(json, "directRetryAfter", directRetryAfter));
    Object dohUrl = json.getValue("doh");
    if (dohUrl != null && !(dohUrl instanceof String)) {
      throw new IllegalArgumentException("doh: expected an http(s) URL, got " + dohUrl);
    }
    doh((String) dohUrl);
    if (json.getValue("proxy") != null) {
      proxy = proxyFrom(json.getValue("proxy"));
    }
    Object web = json.getValue("webClient");
    if (web != null) {
      if (!(web instanceof JsonObject wj)) {
        throw new IllegalArgumentException("webClient: expected a JSON object, got " + web);
      }
      webClient = new WebClientOptions(wj);
    }
  }

  /** The JSON form, readable by {@link #HttpOptions(JsonObject)} (the proxy password included). */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("connectTimeout", connectTimeout).put("idleTimeout", idleTimeout)
        .put("maxBodySize", maxBodySize).put("directRetryAfter", directRetryAfter).put("webClient", webClient.toJson());
    if (doh != null) {
      json.put("doh", doh);
    }
    if (proxy != null) {
      JsonObject p = new JsonObject().put("type", proxy.getType().name().toLowerCase(Locale.ROOT))
          .put("host", proxy.getHost()).put("port", proxy.getPort());
      if (proxy.getUsername() != null) {
        p.put("username", proxy.getUsername()).put("password", proxy.getPassword());
      }
      json.put("proxy", p);
    }
    return json;
  }

  public long connectTimeout() {
    return connectTimeout;
  }

  public HttpOptions connectTimeout(long millis) {
    this.connectTimeout = checkPositive("connectTimeout", millis);
    return this;
  }

  public long idleTimeout() {
    return idleTimeout;
  }

  public HttpOptions idleTimeout(long millis) {
    this.idleTimeout = checkPositive("idleTimeout", millis);
    return this;
  }

  /** The largest body {@link HttpFetcher#fileGetContents(String)} accepts. */
  public long maxBodySize() {
    return maxBodySize;
  }

  public HttpOptions maxBodySize(long bytes) {
    this.maxBodySize = checkPositive("maxBodySize", bytes);
    return this;
  }

  /** How long a host whose direct connection failed is reached through the proxy without trying direct first. */
  public long directRetryAfter() {
    return directRetryAfter;
  }

  public HttpOptions directRetryAfter(long millis) {
    this.directRetryAfter = checkPositive("directRetryAfter", millis);
    return this;
  }

  /** The RFC 8484 DNS-over-HTTPS endpoint, or null for the system resolver. */
  public String doh() {
    return doh;
  }

  public HttpOptions doh(String url) {
    if (url != null) {
      URI uri;
      try {
        uri = new URI(url);
      } catch (Exception e) {
        throw new IllegalArgumentException("doh: expected an http(s) URL, got \"" + url + "\"");
      }
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("doh: expected an http(s) URL, got \"" + url + "\"");
      }
    }
    this.doh = url;
    return this;
  }

  /** The fallback proxy, or null (then a failed direct connection fails the request). */
  public ProxyOptions proxy() {
    return proxy;
  }

  public HttpOptions proxy(ProxyOptions proxy) {
    this.proxy = proxy == null ? null : new ProxyOptions(proxy);
    return this;
  }

  /** The web client's options (TLS trust, user agent, ...); the timeouts above are applied per request. */
  public WebClientOptions webClient() {
    return webClient;
  }

  public HttpOptions webClient(WebClientOptions options) {
    this.webClient = new WebClientOptions(options);
    return this;
  }

  private static ProxyOptions proxyFrom(Object p) {
    String type = p instanceof JsonObject j ? String.valueOf(j.getValue("type", "socks5")).toLowerCase(Locale.ROOT)
        : "";
    if (!(p instanceof JsonObject pj) || !(pj.getValue("host") instanceof String)
        || !(pj.getValue("port") instanceof Integer) || !List.of("socks4", "socks5", "http").contains(type)) {
      throw new IllegalArgumentException("proxy: expected {\"type\": socks4|socks5|http, \"host\", \"port\"}, got "
          + p);
    }
    return new ProxyOptions(pj.copy().put("type", type.toUpperCase(Locale.ROOT)));
  }

  private static long positive(JsonObject json, String key, long def) {
    Object v = json.getValue(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof Number n) || n.doubleValue() != n.longValue() || n.longValue() <= 0) {
      throw new IllegalArgumentException(key + ": expected a positive integer, got " + v);
    }
    return n.longValue();
  }

  private static long checkPositive(String key, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(key + ": expected a positive integer, got " + value);
    }
    return value;
  }
}
