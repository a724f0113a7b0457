package dev.vertigram.storage;

import dev.vertigram.storage.impl.ConfigReader;
import io.vertx.core.json.JsonObject;

import java.util.regex.Pattern;

/**
 * Postgres connection of the Postgres store. JSON: {@code {"host": "127.0.0.1", "port": 5432, "database":
 * "vertigram", "user": "postgres", "password": "", "poolSize": 4, "schema": "vertigram"}} (the defaults). The tables
 * live in {@code schema}, created if missing. {@link #toJson()} contains the password: never log it.
 */
public final class PgStoreOptions {

  private static final Pattern IDENT = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final Pattern NON_EMPTY = Pattern.compile(".+");

  private String host = "127.0.0.1";
  private int port = 5432;
  private String database = "vertigram";
  private String user = "postgres";
  private String password = "";
  private int poolSize = 4;
  private String schema = "vertigram";

  /** The defaults. */
  public PgStoreOptions() {
  }

  /** Reads the JSON form; a wrong value throws an {@link IllegalArgumentException} naming its key. */
  public PgStoreOptions(JsonObject json) {
    ConfigReader r = new ConfigReader(json, "pg", "host", "port", "database", "user", "password", "poolSize", "schema");
    host = r.string("host", host, NON_EMPTY, "a host name");
    port = r.integer("port", port, 1, 65535, "(TCP port)");
    database = r.string("database", database, NON_EMPTY, "a database name");
    user = r.string("user", user, NON_EMPTY, "a user name");
    password = r.secret("password", password);
    poolSize = r.integer("poolSize", poolSize, 1, 64, "(connections)");
    schema = r.string("schema", schema, IDENT, "a lower-case SQL identifier ([a-z_][a-z0-9_]*)");
  }

  /** The JSON form, password included. */
  public JsonObject toJson() {
    return new JsonObject().put("host", host).put("port", port).put("database", database).put("user", user)
      .put("password", password).put("poolSize", poolSize).put("schema", schema);
  }

  /** Server host. */
  public String getHost() {
    return host;
  }

  /** Sets the server host. */
  public PgStoreOptions setHost(String host) {
    this.host = host;
    return this;
  }

  /** Server port. */
  public int getPort() {
    return port;
  }

  /** Sets the server port. */
  public PgStoreOptions setPort(int port) {
    this.port = port;
    return this;
  }

  /** Database name. */
  public String getDatabase() {
    return database;
  }

  /** Sets the database name. */
  public PgStoreOptions setDatabase(String database) {
    this.database = database;
    return this;
  }

  /** User name. */
  public String getUser() {
    return user;
  }

  /** Sets the user name. */
  public PgStoreOptions setUser(String user) {
    this.user = user;
    return this;
  }

  /** Password ("" for trust authentication). */
  public String getPassword() {
    return password;
  }

  /** Sets the password. */
  public PgStoreOptions setPassword(String password) {
    this.password = password;
    return this;
  }

  /** Maximum connections in the pool. */
  public int getPoolSize() {
    return poolSize;
  }

  /** Sets the pool size. */
  public PgStoreOptions setPoolSize(int poolSize) {
    this.poolSize = poolSize;
    return this;
  }

  /** The schema holding Vertigram's tables. */
  public String getSchema() {
    return schema;
  }

  /** Sets the schema (a lower-case SQL identifier). */
  public PgStoreOptions setSchema(String schema) {
    this.schema = schema;
    return this;
  }
}
