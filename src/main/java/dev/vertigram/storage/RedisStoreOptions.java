package dev.vertigram.storage;

import dev.vertigram.storage.impl.ConfigReader;
import io.vertx.core.json.JsonObject;

import java.util.regex.Pattern;

/**
 * Redis connection of the Redis store. JSON: {@code {"connectionString": "redis://127.0.0.1:6379", "keyPrefix":
 * "vertigram", "poolSize": 6}} (the defaults). Every key of a session starts with {@code <keyPrefix>:<session>:}.
 * The connection string may hold a password: never log {@link #toJson()}.
 */
public final class RedisStoreOptions {

  private static final Pattern URI = Pattern.compile("rediss?://.+|unix://.+");
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

  private String connectionString = "redis://127.0.0.1:6379";
  private String keyPrefix = "vertigram";
  private int poolSize = 6;

  /** The defaults. */
  public RedisStoreOptions() {
  }

  /** Reads the JSON form; a wrong value throws an {@link IllegalArgumentException} naming its key. */
  public RedisStoreOptions(JsonObject json) {
    ConfigReader r = new ConfigReader(json, "redis", "connectionString", "keyPrefix", "poolSize");
    String cs = r.secret("connectionString", connectionString);
    if (!URI.matcher(cs).matches()) {
      throw new IllegalArgumentException(
        "store option 'redis.connectionString': expected redis://[user:password@]host[:port][/db], rediss://... or unix://...");
    }
    connectionString = cs;
    keyPrefix = r.string("keyPrefix", keyPrefix, PREFIX, "1 to 64 of [A-Za-z0-9_.-]");
    poolSize = r.integer("poolSize", poolSize, 1, 64, "(connections)");
  }

  /** The JSON form, connection string included. */
  public JsonObject toJson() {
    return new JsonObject().put("connectionString", connectionString).put("keyPrefix", keyPrefix)
      .put("poolSize", poolSize);
  }

  /** The Redis URI. */
  public String getConnectionString() {
    return connectionString;
  }

  /** Sets the Redis URI. */
  public RedisStoreOptions setConnectionString(String connectionString) {
    this.connectionString = connectionString;
    return this;
  }

  /** The first part of every key. */
  public String getKeyPrefix() {
    return keyPrefix;
  }

  /** Sets the key prefix. */
  public RedisStoreOptions setKeyPrefix(String keyPrefix) {
    this.keyPrefix = keyPrefix;
    return this;
  }

  /** Maximum connections in the pool. */
  public int getPoolSize() {
    return poolSize;
  }

  /** Sets the pool size. */
  public RedisStoreOptions setPoolSize(int poolSize) {
    this.poolSize = poolSize;
    return this;
  }
}
