package dev.vertigram.storage;

import dev.vertigram.storage.impl.ConfigReader;
import io.vertx.core.json.JsonObject;

import java.util.regex.Pattern;

/**
 * Options of a session's {@link Store}, in the Vert.x style (JSON constructor, {@link #toJson()}, fluent setters).
 *
 * <pre>{@code
 * {
 *   "type": "memory",                 // memory | postgres | redis
 *   "session": "default",             // [A-Za-z0-9_.-]{1,64}; names the session in Postgres and Redis too
 *   "folder": "sessions/default",     // default sessions/<session>: lock, state files, IPC socket
 *   "saveInterval": 30,               // seconds between saves of the memory store, at least 10
 *   "fullInfoTtl": 3600,              // seconds a full-info cache entry lives
 *   "cache": {"ttl": 300, "maxEntries": 100000},   // read cache of the Postgres/Redis stores (0 = none)
 *   "batch": {"window": 2, "maxSize": 1000},       // write coalescing window (ms) and rows per round trip
 *   "pg": {...},                      // see PgStoreOptions
 *   "redis": {...},                   // see RedisStoreOptions
 *   "slimming": {...}                 // see Slimming
 * }
 * }</pre>
 *
 * A wrong value throws an {@link IllegalArgumentException} naming the key and what is expected; {@link Store#open}
 * checks options built with setters the same way. {@link #toJson()} holds passwords: never log it.
 */
public final class StoreOptions {

  /** Where the databases live. */
  public enum Type {
    /** In RAM, saved to the session folder. */
    MEMORY,
    /** In Postgres. */
    POSTGRES,
    /** In Redis. */
    REDIS;

    /** The JSON name. */
    public String json() {
      return name().toLowerCase();
    }
  }

  /** The smallest save interval of the memory store, in seconds. */
  public static final int MIN_SAVE_INTERVAL = 10;

  private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
  private static final Pattern NON_EMPTY = Pattern.compile(".+");
  private static final int DAY = 86_400;

  private Type type = Type.MEMORY;
  private String session = "default";
  private String folder;
  private int saveInterval = 30;
  private int fullInfoTtl = 3600;
  private int cacheTtl = 300;
  private int cacheMaxEntries = 100_000;
  private int batchWindow = 2;
  private int batchMaxSize = 1000;
  private PgStoreOptions pg = new PgStoreOptions();
  private RedisStoreOptions redis = new RedisStoreOptions();
  private Slimming slimming = new Slimming();

  /** The defaults: a memory store for session "default" in {@code sessions/default}. */
  public StoreOptions() {
  }

  /** Reads the JSON form; a wrong value throws an {@link IllegalArgumentException} naming its key. */
  public StoreOptions(JsonObject json) {
    ConfigReader r = new ConfigReader(json, "", "type", "session", "folder", "saveInterval", "fullInfoTtl", "cache",
      "batch", "pg", "redis", "slimming");
    type = Type.values()[r.choice("type", 0, "memory", "postgres", "redis")];
    session = r.string("session", session, SESSION, "a session name of 1 to 64 of [A-Za-z0-9_.-]");
    folder = r.string("folder", null, NON_EMPTY, "a folder path");
    saveInterval = r.integer("saveInterval", saveInterval, MIN_SAVE_INTERVAL, DAY, "of seconds");
    fullInfoTtl = r.integer("fullInfoTtl", fullInfoTtl, 1, 365 * DAY, "of seconds");
    ConfigReader cache = new ConfigReader(r.object("cache"), "cache", "ttl", "maxEntries");
    cacheTtl = cache.integer("ttl", cacheTtl, 1, DAY, "of seconds");
    cacheMaxEntries = cache.integer("maxEntries", cacheMaxEntries, 0, 100_000_000, "(0 = no cache)");
    ConfigReader batch = new ConfigReader(r.object("batch"), "batch", "window", "maxSize");
    batchWindow = batch.integer("window", batchWindow, 0, 1000, "of milliseconds");
    batchMaxSize = batch.integer("maxSize", batchMaxSize, 1, 100_000, "(writes)");
    pg = new PgStoreOptions(r.object("pg"));
    redis = new RedisStoreOptions(r.object("redis"));
    slimming = new Slimming(r.object("slimming"));
  }

  /** The JSON form (passwords included). */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("type", type.json()).put("session", session);
    if (folder != null) {
      json.put("folder", folder);
    }
    return json.put("saveInterval", saveInterval).put("fullInfoTtl", fullInfoTtl)
      .put("cache", new JsonObject().put("ttl", cacheTtl).put("maxEntries", cacheMaxEntries))
      .put("batch", new JsonObject().put("window", batchWindow).put("maxSize", batchMaxSize))
      .put("pg", pg.toJson()).put("redis", redis.toJson()).put("slimming", slimming.toJson());
  }

  /** Where the databases live. */
  public Type getType() {
    return type;
  }

  /** Sets where the databases live. */
  public StoreOptions setType(Type type) {
    this.type = type;
    return this;
  }

  /** The session name. */
  public String getSession() {
    return session;
  }

  /** Sets the session name. */
  public StoreOptions setSession(String session) {
    this.session = session;
    return this;
  }

  /** The session folder: the given one, else {@code sessions/<session>}. */
  public String getFolder() {
    return folder != null ? folder : "sessions/" + session;
  }

  /** Sets the session folder. */
  public StoreOptions setFolder(String folder) {
    this.folder = folder;
    return this;
  }

  /** Seconds between saves of the memory store (at least {@value #MIN_SAVE_INTERVAL}). */
  public int getSaveInterval() {
    return saveInterval;
  }

  /** Sets the save interval in seconds. */
  public StoreOptions setSaveInterval(int saveInterval) {
    this.saveInterval = saveInterval;
    return this;
  }

  /** Seconds a {@link Db#FULL_INFO} entry lives. */
  public int getFullInfoTtl() {
    return fullInfoTtl;
  }

  /** Sets the full-info TTL in seconds. */
  public StoreOptions setFullInfoTtl(int fullInfoTtl) {
    this.fullInfoTtl = fullInfoTtl;
    return this;
  }

  /** Seconds an entry stays in the read cache of the Postgres/Redis stores. */
  public int getCacheTtl() {
    return cacheTtl;
  }

  /** Sets the read-cache TTL in seconds. */
  public StoreOptions setCacheTtl(int cacheTtl) {
    this.cacheTtl = cacheTtl;
    return this;
  }

  /** Maximum entries of the read cache (0 = no cache). */
  public int getCacheMaxEntries() {
    return cacheMaxEntries;
  }

  /** Sets the read-cache size bound. */
  public StoreOptions setCacheMaxEntries(int cacheMaxEntries) {
    this.cacheMaxEntries = cacheMaxEntries;
    return this;
  }

  /** Milliseconds writes are coalesced before a round trip to Postgres/Redis (0 = the next event-loop tick). */
  public int getBatchWindow() {
    return batchWindow;
  }

  /** Sets the coalescing window in milliseconds. */
  public StoreOptions setBatchWindow(int batchWindow) {
    this.batchWindow = batchWindow;
    return this;
  }

  /** Writes sent per round trip (a batch holding more is sent in several). */
  public int getBatchMaxSize() {
    return batchMaxSize;
  }

  /** Sets the writes per round trip. */
  public StoreOptions setBatchMaxSize(int batchMaxSize) {
    this.batchMaxSize = batchMaxSize;
    return this;
  }

  /** The Postgres connection. */
  public PgStoreOptions getPg() {
    return pg;
  }

  /** Sets the Postgres connection. */
  public StoreOptions setPg(PgStoreOptions pg) {
    this.pg = pg;
    return this;
  }

  /** The Redis connection. */
  public RedisStoreOptions getRedis() {
    return redis;
  }

  /** Sets the Redis connection. */
  public StoreOptions setRedis(RedisStoreOptions redis) {
    this.redis = redis;
    return this;
  }

  /** The slimming settings. */
  public Slimming getSlimming() {
    return slimming;
  }

  /** Sets the slimming settings. */
  public StoreOptions setSlimming(Slimming slimming) {
    this.slimming = slimming;
    return this;
  }
}
