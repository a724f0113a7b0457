package dev.vertigram.localdc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Options of a {@link LocalDc}. JSON form (every key optional):
 * <pre>{"host": "127.0.0.1", "ports": {"1": 10441, "2": 10442, "3": 10443, "4": 10444, "5": 10445},
 *  "stateDir": "localdc-data", "rsaKeyFile": "localdc-data/rsa.pem", "tempKeyMaxTtlSeconds": 86400,
 *  "fileReferenceTtlSeconds": 7200, "uploadPartsTtlSeconds": 3600, "testMode": null, "faults": {...},
 *  "floodLimits": {"auth.sendCode": {"calls": 5, "seconds": 60}}, "snapshot": true, "snapshotIntervalSeconds": 60,
 *  "accounts": [{"phone": "9996621234", "first_name": "Ann", "username": "ann_test", "password": "pw"},
 *               {"bot_token": "123456:secret", "username": "my_test_bot"}]}</pre>
 * {@code ports} lists the DCs to serve (port 0 = ephemeral). Without {@code rsaKeyFile} the RSA key lives in memory
 * only. {@code testMode}: true = clients must send test DC ids (id + 10000) in p_q_inner_data_dc, false = production
 * ids, absent = both are accepted. {@code faults} is the JSON form of {@link Faults}. {@code floodLimits}: per method,
 * at most {@code calls} per {@code seconds} per user (or auth key before login), then 420 FLOOD_WAIT_X.
 * {@code snapshot}: keep accounts, chats, messages, files and permanent auth keys in {@code stateDir/snapshot},
 * saved every {@code snapshotIntervalSeconds} and at close, loaded at start (needs a stateDir; off by default, on by
 * default in {@link LocalDcVerticle}). {@code accounts}: created at start when missing (fields: phone or bot_token,
 * first_name, last_name, username, password, hint, home_dc — default 2).
 */
public final class LocalDcOptions {

  /** Default port of DC 1; DC n listens on DEFAULT_BASE_PORT + n - 1. */
  public static final int DEFAULT_BASE_PORT = 10441;
  /** Default cap on temporary key lifetimes. */
  public static final int DEFAULT_TEMP_KEY_MAX_TTL = 86400;
  /** How long a file reference stays valid (Telegram: hours). */
  public static final int DEFAULT_FILE_REFERENCE_TTL = 7200;
  /** Default period of snapshots. */
  public static final int DEFAULT_SNAPSHOT_INTERVAL = 60;
  /** How long uploaded parts wait for the call that uses them (Telegram: minutes to hours). */
  public static final int DEFAULT_UPLOAD_PARTS_TTL = 3600;

  private String host = "127.0.0.1";
  private final Map<Integer, Integer> ports = new TreeMap<>();
  private String stateDir;
  private String rsaKeyFile;
  private int tempKeyMaxTtlSeconds = DEFAULT_TEMP_KEY_MAX_TTL;
  private Boolean testMode;
  private int fileReferenceTtlSeconds = DEFAULT_FILE_REFERENCE_TTL;
  private int uploadPartsTtlSeconds = DEFAULT_UPLOAD_PARTS_TTL;
  private JsonObject faults = new JsonObject();
  private JsonObject floodLimits = new JsonObject();
  private Boolean snapshot;
  private int snapshotIntervalSeconds = DEFAULT_SNAPSHOT_INTERVAL;
  private JsonArray accounts = new JsonArray();

  /** The defaults: DCs 1..5 on ports 10441..10445 of 127.0.0.1, in-memory RSA key. */
  public LocalDcOptions() {
    for (int dc = 1; dc <= 5; dc++) {
      ports.put(dc, DEFAULT_BASE_PORT + dc - 1);
    }
  }

  /** Options from their JSON form; absent keys keep their defaults. */
  public LocalDcOptions(JsonObject json) {
    this();
    host = json.getString("host", host);
    JsonObject p = json.getJsonObject("ports");
    if (p != null) {
      ports.clear();
      p.forEach(e -> port(Integer.parseInt(e.getKey()), ((Number) e.getValue()).intValue()));
    }
    stateDir = json.getString("stateDir", stateDir);
    rsaKeyFile = json.getString("rsaKeyFile", rsaKeyFile);
    tempKeyMaxTtlSeconds = json.getInteger("tempKeyMaxTtlSeconds", tempKeyMaxTtlSeconds);
    testMode = json.getBoolean("testMode", testMode);
    fileReferenceTtlSeconds = json.getInteger("fileReferenceTtlSeconds", fileReferenceTtlSeconds);
    uploadPartsTtlSeconds = json.getInteger("uploadPartsTtlSeconds", uploadPartsTtlSeconds);
    faults = json.getJsonObject("faults", faults).copy();
    floodLimits = json.getJsonObject("floodLimits", floodLimits).copy();
    snapshot = json.getBoolean("snapshot", snapshot);
    snapshotIntervalSeconds = json.getInteger("snapshotIntervalSeconds", snapshotIntervalSeconds);
    accounts = json.getJsonArray("accounts", accounts).copy();
  }

  /** The JSON form. */
  public JsonObject toJson() {
    JsonObject p = new JsonObject();
    ports.forEach((dc, port) -> p.put(String.valueOf(dc), port));
    JsonObject json = new JsonObject().put("host", host).put("ports", p)
        .put("tempKeyMaxTtlSeconds", tempKeyMaxTtlSeconds).put("fileReferenceTtlSeconds", fileReferenceTtlSeconds)
        .put("uploadPartsTtlSeconds", uploadPartsTtlSeconds).put("faults", faults.copy())
        .put("floodLimits", floodLimits.copy()).put("snapshotIntervalSeconds", snapshotIntervalSeconds)
        .put("accounts", accounts.copy());
    if (snapshot != null) {
      json.put("snapshot", snapshot);
    }
    if (stateDir != null) {
      json.put("stateDir", stateDir);
    }
    if (rsaKeyFile != null) {
      json.put("rsaKeyFile", rsaKeyFile);
    }
    if (testMode != null) {
      json.put("testMode", testMode);
    }
    return json;
  }

  public String host() {
    return host;
  }

  public LocalDcOptions host(String host) {
    this.host = host;
    return this;
  }

  /** DC id → port of every DC served, in DC order (read-only view). */
  public Map<Integer, Integer> ports() {
    return Collections.unmodifiableMap(ports);
  }

  /** Serves DC {@code dcId} (1..5) on {@code port} (0 = ephemeral). */
  public LocalDcOptions port(int dcId, int port) {
    if (dcId < 1 || dcId > 5 || port < 0 || port > 65535) {
      throw new IllegalArgumentException("bad DC " + dcId + " or port " + port);
    }
    ports.put(dcId, port);
    return this;
  }

  /** Serves only the DCs given, each on an ephemeral port (what tests use). */
  public LocalDcOptions ephemeralPorts(int... dcIds) {
    ports.clear();
    for (int dc : dcIds) {
      port(dc, 0);
    }
    return this;
  }

  public String stateDir() {
    return stateDir;
  }

  public LocalDcOptions stateDir(String stateDir) {
    this.stateDir = stateDir;
    return this;
  }

  public String rsaKeyFile() {
    return rsaKeyFile;
  }

  public LocalDcOptions rsaKeyFile(String rsaKeyFile) {
    this.rsaKeyFile = rsaKeyFile;
    return this;
  }

  public int tempKeyMaxTtlSeconds() {
    return tempKeyMaxTtlSeconds;
  }

  public LocalDcOptions tempKeyMaxTtlSeconds(int seconds) {
    this.tempKeyMaxTtlSeconds = seconds;
    return this;
  }

  public int fileReferenceTtlSeconds() {
    return fileReferenceTtlSeconds;
  }

  public LocalDcOptions fileReferenceTtlSeconds(int seconds) {
    this.fileReferenceTtlSeconds = seconds;
    return this;
  }

  public int uploadPartsTtlSeconds() {
    return uploadPartsTtlSeconds;
  }

  public LocalDcOptions uploadPartsTtlSeconds(int seconds) {
    this.uploadPartsTtlSeconds = seconds;
    return this;
  }

  /** True: test DC ids only, false: production ids only, null: both. */
  public Boolean testMode() {
    return testMode;
  }

  public LocalDcOptions testMode(Boolean testMode) {
    this.testMode = testMode;
    return this;
  }

  /** The faults armed at start (JSON form of {@link Faults}). */
  public JsonObject faults() {
    return faults;
  }

  /** Per-method flood limits (JSON form above). */
  public JsonObject floodLimits() {
    return floodLimits;
  }

  public LocalDcOptions floodLimits(JsonObject floodLimits) {
    this.floodLimits = floodLimits.copy();
    return this;
  }

  public LocalDcOptions faults(JsonObject faults) {
    this.faults = faults.copy();
    return this;
  }

  /** Whether to keep a snapshot: true, false, or null = not said (off, except in {@link LocalDcVerticle}). */
  public Boolean snapshot() {
    return snapshot;
  }

  public LocalDcOptions snapshot(Boolean snapshot) {
    this.snapshot = snapshot;
    return this;
  }

  /** Whether snapshots are saved and loaded: {@link #snapshot()} is true and a state dir is set. */
  public boolean snapshotEnabled() {
    return Boolean.TRUE.equals(snapshot) && stateDir != null;
  }

  public int snapshotIntervalSeconds() {
    return snapshotIntervalSeconds;
  }

  public LocalDcOptions snapshotIntervalSeconds(int seconds) {
    if (seconds < 1) {
      throw new IllegalArgumentException("snapshotIntervalSeconds must be >= 1");
    }
    this.snapshotIntervalSeconds = seconds;
    return this;
  }

  /** The accounts to create at start (JSON form above). */
  public JsonArray accounts() {
    return accounts;
  }

  public LocalDcOptions accounts(JsonArray accounts) {
    this.accounts = accounts.copy();
    return this;
  }
}
