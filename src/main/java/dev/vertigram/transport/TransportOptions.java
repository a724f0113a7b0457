package dev.vertigram.transport;

import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * How the client reaches a DC over TCP. JSON form (every field optional):
 * <pre>{@code
 * {"kind": "intermediate",            // abridged | intermediate | padded_intermediate | full
 *  "obfuscated": true,                // obfuscated2 (not with full)
 *  "mtproxySecret": "dd0123...",      // hex, 16 bytes or dd + 16 bytes; needs obfuscated
 *  "proxy": {"type": "socks5", "host": "127.0.0.1", "port": 1080, "username": "u", "password": "p"},
 *  "connectTimeoutMs": 10000}         // proxy type: socks5 | socks4 | http (CONNECT)
 * }</pre>
 * The defaults follow tdlib: obfuscated intermediate, no proxy.
 */
public final class TransportOptions {
  public static final int DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

  private TransportKind kind = TransportKind.INTERMEDIATE;
  private boolean obfuscated = true;
  private byte[] mtproxySecret;
  private ProxyOptions proxy;
  private int connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;

  /** The defaults. */
  public TransportOptions() {
  }

  /** Reads the JSON form; missing fields keep their defaults. */
  public TransportOptions(JsonObject json) {
    if (json.containsKey("kind")) {
      kind = parseKind(json.getString("kind"));
    }
    obfuscated = json.getBoolean("obfuscated", obfuscated);
    String secret = json.getString("mtproxySecret");
    mtproxySecret = secret == null ? null : HexFormat.of().parseHex(secret);
    JsonObject p = json.getJsonObject("proxy");
    if (p != null) {
      proxy = new ProxyOptions()
        .setType(ProxyType.valueOf(p.getString("type", "socks5").toUpperCase(Locale.ROOT)))
        .setHost(Objects.requireNonNull(p.getString("host"), "proxy.host"))
        .setPort(Objects.requireNonNull(p.getInteger("port"), "proxy.port"))
        .setUsername(p.getString("username"))
        .setPassword(p.getString("password"));
    }
    connectTimeoutMs = json.getInteger("connectTimeoutMs", connectTimeoutMs);
  }

  /** The JSON form, readable by {@link #TransportOptions(JsonObject)}. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject()
      .put("kind", kind.name().toLowerCase(Locale.ROOT))
      .put("obfuscated", obfuscated)
      .put("connectTimeoutMs", connectTimeoutMs);
    if (mtproxySecret != null) {
      json.put("mtproxySecret", HexFormat.of().formatHex(mtproxySecret));
    }
    if (proxy != null) {
      JsonObject p = new JsonObject()
        .put("type", proxy.getType().name().toLowerCase(Locale.ROOT))
        .put("host", proxy.getHost())
        .put("port", proxy.getPort());
      if (proxy.getUsername() != null) {
        p.put("username", proxy.getUsername());
      }
      if (proxy.getPassword() != null) {
        p.put("password", proxy.getPassword());
      }
      json.put("proxy", p);
    }
    return json;
  }

  /** A fresh client transport for one connection to DC {@code dcId}, per these options. */
  public ClientTransport createTransport(int dcId) {
    return ClientTransport.create(kind, obfuscated, dcId, mtproxySecret);
  }

  public TransportKind kind() {
    return kind;
  }

  public TransportOptions kind(TransportKind kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
    return this;
  }

  public boolean obfuscated() {
    return obfuscated;
  }

  public TransportOptions obfuscated(boolean obfuscated) {
    this.obfuscated = obfuscated;
    return this;
  }

  /** The MTProxy secret, or null for a direct connection. */
  public byte[] mtproxySecret() {
    return mtproxySecret == null ? null : mtproxySecret.clone();
  }

  public TransportOptions mtproxySecret(byte[] secret) {
    this.mtproxySecret = secret == null ? null : secret.clone();
    return this;
  }

  /** The SOCKS or HTTP CONNECT proxy for the TCP connection, or null. */
  public ProxyOptions proxy() {
    return proxy;
  }

  public TransportOptions proxy(ProxyOptions proxy) {
    this.proxy = proxy;
    return this;
  }

  public int connectTimeoutMs() {
    return connectTimeoutMs;
  }

  public TransportOptions connectTimeoutMs(int connectTimeoutMs) {
    this.connectTimeoutMs = connectTimeoutMs;
    return this;
  }

  private static TransportKind parseKind(String name) {
    try {
      return TransportKind.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("unknown transport kind '" + name
        + "': expected abridged, intermediate, padded_intermediate or full");
    }
  }
}
