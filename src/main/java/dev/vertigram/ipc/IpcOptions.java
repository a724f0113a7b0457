package dev.vertigram.ipc;

import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * Options of the IPC endpoint, of the forwarding client and of auto-started workers; the {@code ipc} section of the
 * session settings:
 * <pre>
 * { "enabled": true, "autoStart": false, "tcp": false, "idleExit": 0, "startTimeout": 30000,
 *   "maxFrameBytes": 16777216, "dedupeCapacity": 100000, "reconnectDelay": 50 }
 * </pre>
 * Times are milliseconds. A wrong value throws an IllegalArgumentException naming the key.
 */
public final class IpcOptions {

  private static final Set<String> KEYS = Set.of("enabled", "autoStart", "tcp", "idleExit", "startTimeout",
      "maxFrameBytes", "dedupeCapacity", "reconnectDelay");

  private boolean enabled = true;
  private boolean autoStart;
  private int maxFrameBytes = 16 * 1024 * 1024;
  private boolean tcp;
  private int dedupeCapacity = 100_000;
  private long reconnectDelayMillis = 50;
  private long idleExitMillis;
  private long startTimeoutMillis = 30_000;

  /** The defaults. */
  public IpcOptions() {
  }

  /** Reads the JSON form; absent keys keep their defaults. */
  public IpcOptions(JsonObject json) {
    for (String key : json.fieldNames()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("ipc." + key + ": unknown key (expected one of " + KEYS + ")");
      }
    }
    enabled = bool(json, "enabled", enabled);
    autoStart = bool(json, "autoStart", autoStart);
    tcp = bool(json, "tcp", tcp);
    idleExitMillis = number(json, "idleExit", idleExitMillis, 0);
    startTimeoutMillis = number(json, "startTimeout", startTimeoutMillis, 1);
    maxFrameBytes = (int) Math.min(Integer.MAX_VALUE, number(json, "maxFrameBytes", maxFrameBytes, 1024));
    dedupeCapacity = (int) Math.min(Integer.MAX_VALUE, number(json, "dedupeCapacity", dedupeCapacity, 1));
    reconnectDelayMillis = number(json, "reconnectDelay", reconnectDelayMillis, 1);
  }

  /** The JSON form. */
  public JsonObject toJson() {
    return new JsonObject().put("enabled", enabled).put("autoStart", autoStart).put("tcp", tcp)
        .put("idleExit", idleExitMillis).put("startTimeout", startTimeoutMillis).put("maxFrameBytes", maxFrameBytes)
        .put("dedupeCapacity", dedupeCapacity).put("reconnectDelay", reconnectDelayMillis);
  }

  private static boolean bool(JsonObject json, String key, boolean def) {
    Object v = json.getValue(key);
    if (v != null && !(v instanceof Boolean)) {
      throw new IllegalArgumentException("ipc." + key + ": expected true or false, got " + v);
    }
    return v == null ? def : (Boolean) v;
  }

  private static long number(JsonObject json, String key, long def, long min) {
    Object v = json.getValue(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof Number n) || n.doubleValue() != n.longValue() || n.longValue() < min) {
      throw new IllegalArgumentException("ipc." + key + ": expected an integer >= " + min + ", got " + v);
    }
    return n.longValue();
  }

  /**
   * Whether the session's owner serves an IPC endpoint, and whether opening a session that another process owns
   * forwards to it (else it fails with the storage's SessionLockedException). Default true.
   */
  public boolean enabled() {
    return enabled;
  }

  public IpcOptions enabled(boolean enabled) {
    this.enabled = enabled;
    return this;
  }

  /**
   * Whether opening the session never owns it in this process: it forwards to the owner, starting a background
   * worker JVM when none serves (MadelineProto's model). Default false: this process owns the session when it can.
   */
  public boolean autoStart() {
    return autoStart;
  }

  public IpcOptions autoStart(boolean autoStart) {
    this.autoStart = autoStart;
    return this;
  }

  /** Largest frame accepted (either way); a bigger one closes the connection. Default 16 MiB. */
  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  public IpcOptions maxFrameBytes(int bytes) {
    this.maxFrameBytes = bytes;
    return this;
  }

  /**
   * Serve on TCP 127.0.0.1 (random port, token in {@code ipc.json}) instead of a UNIX domain socket. Default false;
   * the owner also falls back to TCP by itself when it cannot listen on a domain socket.
   */
  public boolean tcp() {
    return tcp;
  }

  public IpcOptions tcp(boolean tcp) {
    this.tcp = tcp;
    return this;
  }

  /** How many unacknowledged request ids (with their results) the owner remembers. Default 100,000. */
  public int dedupeCapacity() {
    return dedupeCapacity;
  }

  public IpcOptions dedupeCapacity(int capacity) {
    this.dedupeCapacity = capacity;
    return this;
  }

  /** Delay between two reconnection attempts of a forwarder (doubling up to 2 s). Default 50 ms. */
  public long reconnectDelayMillis() {
    return reconnectDelayMillis;
  }

  public IpcOptions reconnectDelayMillis(long millis) {
    this.reconnectDelayMillis = millis;
    return this;
  }

  /** How long an owner may have no forwarder connected before its idle handler runs; 0 = never (the default). */
  public long idleExitMillis() {
    return idleExitMillis;
  }

  public IpcOptions idleExitMillis(long millis) {
    this.idleExitMillis = millis;
    return this;
  }

  /** How long a forwarder waits for an owner to serve (a worker it started, a takeover). Default 30 s. */
  public long startTimeoutMillis() {
    return startTimeoutMillis;
  }

  public IpcOptions startTimeoutMillis(long millis) {
    this.startTimeoutMillis = millis;
    return this;
  }
}
