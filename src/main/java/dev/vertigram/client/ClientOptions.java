package dev.vertigram.client;

import dev.vertigram.crypto.RsaKey;
import dev.vertigram.transport.TransportOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings of an {@link MtprotoClient}, with a JSON form (camelCase keys, as Vert.x options):
 * <pre>
 * { "dcs": [{"id": 1, "host": "127.0.0.1", "port": 10441}], "homeDc": 1, "rsaKeys": ["-----BEGIN RSA PUBLIC KEY..."],
 *   "transport": {TransportOptions JSON: kind, obfuscated, mtproxySecret, proxy, connectTimeoutMs},
 *   "apiId": 1, "apiHash": "...", "deviceModel": "...", "systemVersion": "...", "appVersion": "...",
 *   "systemLangCode": "en", "langPack": "", "langCode": "en",
 *   "floodWaitLimit": 30, "callTimeout": 0, "handshakeTimeout": 15000,
 *   "pfs": false, "tempKeyTtl": 86400, "testMode": false, "pingInterval": 60, "pingDisconnectDelay": 75,
 *   "mediaConnectionsPerDc": 4 }
 * </pre>
 * The api_hash is never printed by {@link #toString()}.
 */
public final class ClientOptions {

  /**
   * A DC address.
   *
   * @param id   DC id (1..5)
   * @param host IP or host name
   * @param port TCP port
   */
  public record Dc(int id, String host, int port) {
  }

  private final List<Dc> dcs = new ArrayList<>();
  private int homeDc;
  private final List<String> rsaKeys = new ArrayList<>();
  private TransportOptions transport = new TransportOptions();
  private int apiId;
  private String apiHash = "";
  private String deviceModel = "Vertigram";
  private String systemVersion = System.getProperty("os.name", "JVM");
  private String appVersion = "0.1.0";
  private String systemLangCode = "en";
  private String langPack = "";
  private String langCode = "en";
  private int floodWaitLimit = 30;
  private long callTimeout;
  private long handshakeTimeout = 15_000;
  private boolean pfs;
  private int tempKeyTtl = 86_400;
  private boolean testMode;
  private int pingInterval = 60;
  private int pingDisconnectDelay = 75;
  private int mediaConnectionsPerDc = 4;

  /** Defaults: no DC, no key (both must be set). */
  public ClientOptions() {
  }

  /** Reads the JSON form; absent keys keep their defaults. */
  public ClientOptions(JsonObject json) {
    JsonArray dcList = json.getJsonArray("dcs", new JsonArray());
    for (int i = 0; i < dcList.size(); i++) {
      JsonObject dc = dcList.getJsonObject(i);
      dcs.add(new Dc(dc.getInteger("id"), dc.getString("host"), dc.getInteger("port")));
    }
    homeDc = json.getInteger("homeDc", 0);
    json.getJsonArray("rsaKeys", new JsonArray()).forEach(k -> rsaKeys.add((String) k));
    transport = new TransportOptions(json.getJsonObject("transport", new JsonObject()));
    apiId = json.getInteger("apiId", 0);
    apiHash = json.getString("apiHash", apiHash);
    deviceModel = json.getString("deviceModel", deviceModel);
    systemVersion = json.getString("systemVersion", systemVersion);
    appVersion = json.getString("appVersion", appVersion);
    systemLangCode = json.getString("systemLangCode", systemLangCode);
    langPack = json.getString("langPack", langPack);
    langCode = json.getString("langCode", langCode);
    floodWaitLimit = json.getInteger("floodWaitLimit", floodWaitLimit);
    callTimeout = json.getLong("callTimeout", callTimeout);
    handshakeTimeout = json.getLong("handshakeTimeout", handshakeTimeout);
    pfs = json.getBoolean("pfs", pfs);
    tempKeyTtl = json.getInteger("tempKeyTtl", tempKeyTtl);
    testMode = json.getBoolean("testMode", testMode);
    pingInterval = json.getInteger("pingInterval", pingInterval);
    pingDisconnectDelay = json.getInteger("pingDisconnectDelay", pingDisconnectDelay);
    mediaConnectionsPerDc(json.getInteger("mediaConnectionsPerDc", mediaConnectionsPerDc));
  }

  /** The JSON form (it includes the api_hash: keep it private). */
  public JsonObject toJson() {
    JsonArray dcList = new JsonArray();
    dcs.forEach(dc -> dcList.add(new JsonObject().put("id", dc.id()).put("host", dc.host()).put("port", dc.port())));
    JsonObject json = new JsonObject().put("dcs", dcList).put("homeDc", homeDc).put("rsaKeys", new JsonArray(rsaKeys))
        .put("transport", transport.toJson())
        .put("apiId", apiId).put("apiHash", apiHash).put("deviceModel", deviceModel)
        .put("systemVersion", systemVersion).put("appVersion", appVersion).put("systemLangCode", systemLangCode)
        .put("langPack", langPack).put("langCode", langCode).put("floodWaitLimit", floodWaitLimit)
        .put("callTimeout", callTimeout)
        .put("handshakeTimeout", handshakeTimeout).put("pfs", pfs).put("tempKeyTtl", tempKeyTtl)
        .put("testMode", testMode).put("pingInterval", pingInterval).put("pingDisconnectDelay", pingDisconnectDelay)
        .put("mediaConnectionsPerDc", mediaConnectionsPerDc);
    return json;
  }

  @Override
  public String toString() {
    JsonObject json = toJson();
    json.put("apiHash", apiHash.isEmpty() ? "" : "***");
    return "ClientOptions" + json.encode();
  }

  /** Telegram's production DCs (IPv4, port 443). */
  public static final List<Dc> TELEGRAM_DCS = List.of(new Dc(1, "149.154.175.50", 443),
      new Dc(2, "149.154.167.51", 443), new Dc(3, "149.154.175.100", 443), new Dc(4, "149.154.167.91", 443),
      new Dc(5, "149.154.171.5", 443));
  /** Telegram's test DCs (IPv4; port 80, which Telethon recommends for them). */
  public static final List<Dc> TELEGRAM_TEST_DCS = List.of(new Dc(1, "149.154.175.10", 80),
      new Dc(2, "149.154.167.40", 80), new Dc(3, "149.154.175.117", 80));

  /** The configured DC addresses (empty: Telegram's own, see {@link #dc}). */
  public List<Dc> dcs() {
    return dcs;
  }

  /** Adds (or replaces) a DC address. */
  public ClientOptions addDc(int id, String host, int port) {
    dcs.removeIf(dc -> dc.id() == id);
    dcs.add(new Dc(id, host, port));
    return this;
  }

  /**
   * The address of a DC, or null. Without configured DCs, Telegram's own addresses (production, or the test DCs in
   * test mode) are used, as tdlib and Telethon ship them.
   */
  public Dc dc(int id) {
    List<Dc> known = dcs.isEmpty() ? (testMode ? TELEGRAM_TEST_DCS : TELEGRAM_DCS) : dcs;
    return known.stream().filter(dc -> dc.id() == id).findFirst().orElse(null);
  }

  /** The DC the client starts on; 0 = the first of {@link #dcs()} (DC 2 for Telegram's own addresses). */
  public int homeDc() {
    return homeDc != 0 ? homeDc : dcs.isEmpty() ? 2 : dcs.get(0).id();
  }

  /** The RSA keys the key exchange trusts: the configured ones, else Telegram's (production, or test in test mode). */
  public List<RsaKey> trustedKeys() {
    if (rsaKeys.isEmpty()) {
      return List.of(testMode ? RsaKey.telegramTest() : RsaKey.telegramProduction());
    }
    return rsaKeys.stream().map(RsaKey::fromPem).toList();
  }

  public ClientOptions homeDc(int homeDc) {
    this.homeDc = homeDc;
    return this;
  }

  /** Trusted RSA public keys of the server, PEM (empty: Telegram's, see {@link #trustedKeys}). */
  public List<String> rsaKeys() {
    return rsaKeys;
  }

  public ClientOptions addRsaKey(String pem) {
    rsaKeys.add(pem);
    return this;
  }

  /** Framing, obfuscation, MTProxy secret, SOCKS/HTTP proxy and connect timeout of the TCP connections. */
  public TransportOptions transport() {
    return transport;
  }

  public ClientOptions transport(TransportOptions transport) {
    this.transport = transport;
    return this;
  }

  public int apiId() {
    return apiId;
  }

  public ClientOptions apiId(int apiId) {
    this.apiId = apiId;
    return this;
  }

  public String apiHash() {
    return apiHash;
  }

  public ClientOptions apiHash(String apiHash) {
    this.apiHash = apiHash;
    return this;
  }

  public String deviceModel() {
    return deviceModel;
  }

  public String systemVersion() {
    return systemVersion;
  }

  public String appVersion() {
    return appVersion;
  }

  public String systemLangCode() {
    return systemLangCode;
  }

  public String langPack() {
    return langPack;
  }

  public String langCode() {
    return langCode;
  }

  /** Longest FLOOD_WAIT in seconds that calls sleep through and retry. */
  public int floodWaitLimit() {
    return floodWaitLimit;
  }

  public ClientOptions floodWaitLimit(int seconds) {
    this.floodWaitLimit = seconds;
    return this;
  }

  /** Default time limit of a call in ms; 0 = none. */
  public long callTimeout() {
    return callTimeout;
  }

  public ClientOptions callTimeout(long millis) {
    this.callTimeout = millis;
    return this;
  }

  public long handshakeTimeout() {
    return handshakeTimeout;
  }

  /** Perfect forward secrecy: calls run over temporary keys bound to the permanent one. */
  public boolean pfs() {
    return pfs;
  }

  public ClientOptions pfs(boolean pfs) {
    this.pfs = pfs;
    return this;
  }

  /** Lifetime of temporary keys in seconds. */
  public int tempKeyTtl() {
    return tempKeyTtl;
  }

  public ClientOptions tempKeyTtl(int seconds) {
    this.tempKeyTtl = seconds;
    return this;
  }

  /** Test DCs: DC ids sent in the key exchange and obfuscation header get +10000. */
  public boolean testMode() {
    return testMode;
  }

  public ClientOptions testMode(boolean testMode) {
    this.testMode = testMode;
    return this;
  }

  public int pingInterval() {
    return pingInterval;
  }

  public ClientOptions pingInterval(int seconds) {
    this.pingInterval = seconds;
    return this;
  }

  public int pingDisconnectDelay() {
    return pingDisconnectDelay;
  }

  /**
   * Media connections opened at most per DC (default 4, 1..16): calls with {@link CallOptions#media(boolean)} go to
   * the least busy one, a new one being opened while every open one is busy. Each is its own
   * {@link ConnectionVerticle} (own event loop, own MTProto session) over the DC's one permanent key.
   */
  public int mediaConnectionsPerDc() {
    return mediaConnectionsPerDc;
  }

  public ClientOptions mediaConnectionsPerDc(int connections) {
    if (connections < 1 || connections > 16) {
      throw new IllegalArgumentException("mediaConnectionsPerDc must be 1..16, not " + connections);
    }
    this.mediaConnectionsPerDc = connections;
    return this;
  }
}
