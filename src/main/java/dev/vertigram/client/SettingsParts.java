package dev.vertigram.client;

import dev.vertigram.storage.StoreOptions;
import dev.vertigram.transport.TransportOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Reads the larger sections of {@link Settings} into the engine's {@link ClientOptions} JSON. */
final class SettingsParts {

  static final String[] APP_INFO = {"apiId", "apiHash", "deviceModel", "systemVersion", "appVersion", "langCode",
      "langPack", "systemLangCode"};
  static final String[] CONNECTION = {"dcs", "homeDc", "rsaKeys", "testMode", "transport", "handshakeTimeout", "pfs",
      "tempKeyTtl", "pingInterval", "mediaConnectionsPerDc"};

  private SettingsParts() {
  }

  static void appInfo(SettingsReader root, JsonObject out) {
    SettingsReader r = root.section("appInfo", APP_INFO);
    out.put("apiId", (int) r.integer("apiId", 0, 0, Integer.MAX_VALUE, "a positive integer (my.telegram.org)"));
    out.put("apiHash", r.secret("apiHash", "", "a non-empty string (my.telegram.org)"));
    for (String k : new String[] {"deviceModel", "systemVersion", "appVersion", "langCode", "langPack",
        "systemLangCode"}) {
      if (r.has(k)) {
        out.put(k, k.equals("langPack") ? r.text(k, "") : r.string(k, null, "a non-empty string"));
      }
    }
  }

  /** Returns the ipv6 flag. */
  static boolean connection(SettingsReader root, JsonObject out) {
    String[] known = new String[CONNECTION.length + 1];
    System.arraycopy(CONNECTION, 0, known, 0, CONNECTION.length);
    known[CONNECTION.length] = "ipv6";
    SettingsReader r = root.section("connection", known);
    JsonArray dcs = r.array("dcs");
    for (int i = 0; i < dcs.size(); i++) {
      SettingsReader dc = new SettingsReader(dcs.getValue(i), r.key("dcs") + "[" + i + "]", "id", "host", "port");
      dc.integer("id", 0, 1, 1000, "a DC id (1..1000)");
      dc.string("host", null, "a host name or IP address");
      dc.integer("port", 0, 1, 65535, "a TCP port (1..65535)");
      if (!dc.has("id") || !dc.has("host") || !dc.has("port")) {
        throw new IllegalArgumentException(r.key("dcs") + "[" + i + "]: expected {\"id\", \"host\", \"port\"}");
      }
    }
    out.put("dcs", dcs);
    out.put("homeDc", (int) r.integer("homeDc", 0, 0, 1000, "a DC id (0 = the first of dcs)"));
    JsonArray keys = r.array("rsaKeys");
    for (int i = 0; i < keys.size(); i++) {
      if (!(keys.getValue(i) instanceof String pem) || !pem.contains("PUBLIC KEY")) {
        throw SettingsReader.bad(r.key("rsaKeys") + "[" + i + "]", "an RSA public key in PEM", keys.getValue(i));
      }
    }
    out.put("rsaKeys", keys);
    out.put("testMode", r.bool("testMode", false));
    out.put("pfs", r.bool("pfs", false));
    out.put("handshakeTimeout", r.integer("handshakeTimeout", 15_000, 1, Long.MAX_VALUE,
        "a positive integer (milliseconds)"));
    out.put("tempKeyTtl", (int) r.integer("tempKeyTtl", 86_400, 60, Integer.MAX_VALUE,
        "an integer of seconds, at least 60"));
    out.put("pingInterval", (int) r.integer("pingInterval", 60, 1, 3600, "an integer of seconds (1..3600)"));
    out.put("mediaConnectionsPerDc", (int) r.integer("mediaConnectionsPerDc", 4, 1, 16,
        "an integer (1..16): media connections per DC for file parts"));
    SettingsReader t = r.section("transport", "kind", "obfuscated", "mtproxySecret", "proxy", "connectTimeoutMs");
    t.choice("kind", null, "abridged", "intermediate", "padded_intermediate", "full");
    t.bool("obfuscated", false);
    t.integer("connectTimeoutMs", 0, 1, Integer.MAX_VALUE, "a positive integer (milliseconds)");
    if (t.has("mtproxySecret") && !t.string("mtproxySecret", "", "hex").matches("([0-9a-fA-F]{2})+")) {
      throw SettingsReader.bad(t.key("mtproxySecret"), "a hexadecimal string", t.string("mtproxySecret", "", ""));
    }
    SettingsReader p = t.section("proxy", "type", "host", "port", "username", "password");
    p.choice("type", null, "socks5", "socks4", "http", "SOCKS5", "SOCKS4", "HTTP");
    p.string("host", null, "a host name or IP address");
    p.integer("port", 0, 1, 65535, "a TCP port (1..65535)");
    if (t.has("proxy") && (!p.has("host") || !p.has("port"))) {
      throw new IllegalArgumentException(t.key("proxy") + ": expected {\"type\", \"host\", \"port\"}");
    }
    out.put("transport", new TransportOptions(r.object("transport")).toJson());
    return r.bool("ipv6", false);
  }

  static StoreOptions storage(SettingsReader root) {
    JsonObject json = root.object("storage");
    try {
      return new StoreOptions(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("settings.storage: " + e.getMessage(), e);
    }
  }

  static JsonObject localDc(SettingsReader root) {
    if (!root.has("localDc")) {
      return null;
    }
    SettingsReader r = root.section("localDc", "dcsFile", "dcs", "rsa_public_key", "fingerprint", "host");
    r.string("dcsFile", null, "the path of a Local DC's dcs.json");
    r.string("host", null, "a host name or IP address");
    if (r.has("dcsFile") == r.has("dcs")) {
      throw new IllegalArgumentException(root.key("localDc")
          + ": expected either \"dcsFile\" (a dcs.json path) or \"dcs\" with \"rsa_public_key\"");
    }
    if (r.has("dcs") && (r.array("dcs").isEmpty()
        || !r.string("rsa_public_key", "", "an RSA public key in PEM").contains("PUBLIC KEY"))) {
      throw new IllegalArgumentException(root.key("localDc")
          + ": expected a non-empty \"dcs\" list and \"rsa_public_key\" (PEM)");
    }
    return root.object("localDc").copy();
  }
}
