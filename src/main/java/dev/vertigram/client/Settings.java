package dev.vertigram.client;

import dev.vertigram.http.HttpOptions;
import dev.vertigram.ipc.IpcOptions;
import dev.vertigram.storage.StoreOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The settings of a {@link Vertigram} session, in the Vert.x Options style, with MadelineProto's sections:
 * <pre>
 * { "appInfo":    {"apiId": 123, "apiHash": "...", "deviceModel", "systemVersion", "appVersion", "langCode",
 *                  "langPack", "systemLangCode"},
 *   "connection": {"dcs": [{"id", "host", "port"}], "homeDc", "rsaKeys": [PEM], "testMode", "ipv6",
 *                  "transport": {"kind", "obfuscated", "mtproxySecret", "proxy", "connectTimeoutMs"},
 *                  "handshakeTimeout", "pfs", "tempKeyTtl", "pingInterval", "mediaConnectionsPerDc": 4},
 *   "rpc":        {"floodWaitLimit": 30, "callTimeout": 0},
 *   "peer":       {"fullInfoCacheTtl": 3600, "cacheAllPeersOnStartup": false},
 *   "storage":    {StoreOptions JSON},
 *   "logger":     {"level": "INFO"},
 *   "localDc":    {"dcsFile": "state/localdc/dcs.json"} or {"dcs": [...], "rsa_public_key": PEM, "host": "..."},
 *   "http":       {"connectTimeout", "idleTimeout", "maxBodySize", "directRetryAfter", "doh": URL},
 *   "login":      {"botToken": "id:secret"} or {"phone": "+99966..."} or {"interactive": true},
 *   "ipc":        {IpcOptions JSON: "enabled", "autoStart", "tcp", "idleExit", ...} }
 * </pre>
 * The appInfo, connection and rpc sections map onto {@link ClientOptions} ({@link #client()}), the storage section
 * onto {@link StoreOptions} ({@link #storage()}; {@code peer.fullInfoCacheTtl} is its {@code fullInfoTtl}), the http
 * section onto {@link HttpOptions} ({@link #http()}; its fallback proxy is connection.transport.proxy). A wrong
 * value throws an {@link IllegalArgumentException} naming the key path and what is expected. {@link #toString()}
 * never shows the api_hash nor the bot token; {@link #toJson()} does: keep it private.
 */
public final class Settings {

  private static final String[] LEVELS = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF"};

  private ClientOptions client = new ClientOptions();
  private StoreOptions storage = new StoreOptions();
  private boolean ipv6;
  private boolean cacheAllPeersOnStartup;
  private String logLevel = "INFO";
  private JsonObject localDc;
  private String botToken;
  private String phone;
  private boolean interactive;
  private HttpOptions http = new HttpOptions();
  private IpcOptions ipc = new IpcOptions();

  /** Defaults: no api_id, no DC (set connection.dcs, or localDc), memory storage, no login. */
  public Settings() {
  }

  /** Reads the JSON form; absent keys keep their defaults, a wrong value throws an IllegalArgumentException. */
  public Settings(JsonObject json) {
    SettingsReader root = new SettingsReader(json, "settings", "appInfo", "connection", "rpc", "peer", "storage",
        "logger", "localDc", "login", "http", "ipc");
    JsonObject clientJson = new JsonObject();
    SettingsParts.appInfo(root, clientJson);
    ipv6 = SettingsParts.connection(root, clientJson);
    SettingsReader rpc = root.section("rpc", "floodWaitLimit", "callTimeout");
    clientJson.put("floodWaitLimit", (int) rpc.integer("floodWaitLimit", 30, 0, Integer.MAX_VALUE,
        "a non-negative integer (seconds)"));
    clientJson.put("callTimeout", rpc.integer("callTimeout", 0, 0, Long.MAX_VALUE,
        "a non-negative integer (milliseconds, 0 = none)"));
    client = new ClientOptions(clientJson);
    storage = SettingsParts.storage(root);
    SettingsReader peer = root.section("peer", "fullInfoCacheTtl", "cacheAllPeersOnStartup");
    if (peer.has("fullInfoCacheTtl")) {
      storage.setFullInfoTtl((int) peer.integer("fullInfoCacheTtl", 0, 1, 365 * 86_400L,
          "a positive integer (seconds)"));
    }
    cacheAllPeersOnStartup = peer.bool("cacheAllPeersOnStartup", false);
    logLevel = root.section("logger", "level").choice("level", logLevel, LEVELS);
    localDc = SettingsParts.localDc(root);
    SettingsReader login = root.section("login", "botToken", "phone", "interactive");
    botToken = login.secret("botToken", null, "a bot token like 123456:ABC-DEF");
    if (botToken != null && !botToken.matches("\\d+:[\\w-]+")) {
      throw new IllegalArgumentException("settings.login.botToken: expected a bot token like 123456:ABC-DEF");
    }
    phone = login.string("phone", null, "a phone number like +999661234");
    if (phone != null && !phone.matches("\\+?[0-9 ]{5,20}")) {
      throw SettingsReader.bad("settings.login.phone", "a phone number like +999661234", phone);
    }
    interactive = login.bool("interactive", false);
    http = http(root);
    try {
      ipc = new IpcOptions(root.object("ipc"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("settings." + e.getMessage(), e);
    }
    if (botToken != null && phone != null) {
      throw new IllegalArgumentException("settings.login: expected botToken or phone, not both");
    }
  }

  /** The JSON form, readable by {@link #Settings(JsonObject)} (secrets included). */
  public JsonObject toJson() {
    JsonObject c = client.toJson();
    JsonObject appInfo = new JsonObject();
    for (String k : SettingsParts.APP_INFO) {
      appInfo.put(k, c.getValue(k));
    }
    if (client.apiHash().isEmpty()) {
      appInfo.remove("apiHash");
    }
    JsonObject connection = new JsonObject().put("ipv6", ipv6);
    for (String k : SettingsParts.CONNECTION) {
      if (c.containsKey(k)) {
        connection.put(k, c.getValue(k));
      }
    }
    JsonObject login = new JsonObject().put("interactive", interactive);
    if (botToken != null) {
      login.put("botToken", botToken);
    }
    if (phone != null) {
      login.put("phone", phone);
    }
    JsonObject json = new JsonObject().put("appInfo", appInfo).put("connection", connection)
        .put("rpc", new JsonObject().put("floodWaitLimit", c.getValue("floodWaitLimit"))
            .put("callTimeout", c.getValue("callTimeout")))
        .put("peer", new JsonObject().put("fullInfoCacheTtl", storage.getFullInfoTtl())
            .put("cacheAllPeersOnStartup", cacheAllPeersOnStartup))
        .put("storage", storage.toJson()).put("logger", new JsonObject().put("level", logLevel)).put("login", login)
        .put("ipc", ipc.toJson());
    JsonObject httpJson = http.toJson();
    httpJson.remove("proxy");
    httpJson.remove("webClient");
    json.put("http", httpJson);
    return localDc == null ? json : json.put("localDc", localDc.copy());
  }

  @Override
  public String toString() {
    JsonObject json = toJson();
    if (!client.apiHash().isEmpty()) {
      json.getJsonObject("appInfo").put("apiHash", "***");
    }
    if (botToken != null) {
      json.getJsonObject("login").put("botToken", botToken.substring(0, botToken.indexOf(':')) + ":***");
    }
    json.getJsonObject("storage").remove("pg");
    json.getJsonObject("storage").remove("redis");
    return "Settings" + json.encode();
  }

  /** The appInfo, connection and rpc sections as the engine's options (change them in place). */
  public ClientOptions client() {
    return client;
  }

  public Settings client(ClientOptions client) {
    this.client = client;
    return this;
  }

  /** The storage section (change it in place); the session name is set by {@link Vertigram#open}. */
  public StoreOptions storage() {
    return storage;
  }

  public Settings storage(StoreOptions storage) {
    this.storage = storage;
    return this;
  }

  /** Whether IPv6 DC addresses are preferred. */
  public boolean ipv6() {
    return ipv6;
  }

  public Settings ipv6(boolean ipv6) {
    this.ipv6 = ipv6;
    return this;
  }

  /** Seconds a full-info cache entry lives (the storage's fullInfoTtl). */
  public int fullInfoCacheTtl() {
    return storage.getFullInfoTtl();
  }

  public Settings fullInfoCacheTtl(int seconds) {
    storage.setFullInfoTtl(seconds);
    return this;
  }

  /** Whether {@link Vertigram#start()} fills the peer database from every dialog (messages.getDialogs, paged). */
  public boolean cacheAllPeersOnStartup() {
    return cacheAllPeersOnStartup;
  }

  public Settings cacheAllPeersOnStartup(boolean on) {
    this.cacheAllPeersOnStartup = on;
    return this;
  }

  /** The log level of the session's loggers. */
  public String logLevel() {
    return logLevel;
  }

  public Settings logLevel(String level) {
    this.logLevel = level;
    return this;
  }

  /** The Local DC to trust: {"dcsFile": path} or a dcs.json document; null = use connection.dcs. */
  public JsonObject localDc() {
    return localDc;
  }

  public Settings localDc(JsonObject localDc) {
    this.localDc = localDc;
    return this;
  }

  /** The bot token to log in with, or null. */
  public String botToken() {
    return botToken;
  }

  public Settings botToken(String token) {
    this.botToken = token;
    return this;
  }

  /** The phone number to log in with, or null. */
  public String phone() {
    return phone;
  }

  public Settings phone(String phone) {
    this.phone = phone;
    return this;
  }

  /** Whether {@link Vertigram#start()} asks on the console for what the session still needs. */
  public boolean interactive() {
    return interactive;
  }

  public Settings interactive(boolean interactive) {
    this.interactive = interactive;
    return this;
  }

  /** The HTTP client's options (change them in place); see {@link Vertigram#http()}. */
  public HttpOptions http() {
    return http;
  }

  public Settings http(HttpOptions http) {
    this.http = http;
    return this;
  }

  private static HttpOptions http(SettingsReader root) {
    root.section("http", "connectTimeout", "idleTimeout", "maxBodySize", "directRetryAfter", "doh");
    try {
      return new HttpOptions(root.object("http"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(root.key("http") + "." + e.getMessage(), e);
    }
  }

  /** The ipc section: serving the session to other processes, forwarding to its owner, workers (change in place). */
  public IpcOptions ipc() {
    return ipc;
  }

  public Settings ipc(IpcOptions ipc) {
    this.ipc = ipc;
    return this;
  }

  /** Applies a Local DC's dcs.json document ({"dcs": [...], "rsa_public_key": PEM}) to {@link #client()}. */
  static void applyDcs(ClientOptions options, JsonObject doc, String host) {
    JsonArray list = doc.getJsonArray("dcs");
    options.dcs().clear();
    for (int i = 0; i < list.size(); i++) {
      JsonObject dc = list.getJsonObject(i);
      options.addDc(dc.getInteger("id"), host != null ? host : dc.getString("host"), dc.getInteger("port"));
    }
    options.rsaKeys().clear();
    options.homeDc(list.getJsonObject(0).getInteger("id")).addRsaKey(doc.getString("rsa_public_key"));
  }
}
