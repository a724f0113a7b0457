package dev.vertigram.storage;

/**
 * The databases of a session. Each one is a map from a {@code long} or a {@code String} key to opaque bytes.
 *
 * <p>{@linkplain #immediate() Immediate} databases hold state that must never be lost (auth keys, update state, ...):
 * a write to them completes only once it is durable (fsynced to the session folder by the memory store, committed
 * by the Postgres and Redis stores). The other databases are caches or can be rebuilt from Telegram: the memory
 * store acknowledges their writes in RAM and saves them every {@code saveInterval} and on close.
 *
 * <p>The {@link #id()} and {@link #key()} of a database are part of the storage formats: never renumber them.
 */
public enum Db {
  /** Per DC: permanent and temporary auth keys, their bindings and server salts. Keys like {@code "dc2.perm"}. */
  AUTH_KEYS(1, "authKeys", false, true),
  /** Session state: home DC, the logged-in user, settings the client must find again after a restart. */
  SESSION(2, "session", false, true),
  /** Common update state: pts, qts, seq and date. */
  UPDATE_STATE(3, "updateState", false, true),
  /** Per-channel pts, keyed by channel id. */
  CHANNEL_PTS(4, "channelPts", true, true),
  /** The peer database, keyed by bot-API peer id; values are the peer layer's compact binary form. */
  PEERS(5, "peers", true, false),
  /** Lower-cased username to peer id. Disabled by {@link Slimming#usernameDb()}. */
  USERNAMES(6, "usernames", false, false),
  /** Min-peer contexts (the message a min peer was seen in), keyed by peer id. Disabled by {@link Slimming#minDb()}. */
  MIN_PEERS(7, "minPeers", true, false),
  /** File references by file location key. Disabled by {@link Slimming#fileReferenceDb()}. */
  FILE_REFS(8, "fileRefs", false, false),
  /** Full-info cache keyed by peer id; entries expire after {@link StoreOptions#getFullInfoTtl()} seconds. */
  FULL_INFO(9, "fullInfo", true, false),
  /** Event-handler persistent fields (JSON bytes), keyed like {@code "MyHandler.counter"}. */
  HANDLER_FIELDS(10, "handlerFields", false, false),
  /** Secret chats (keys, sequence numbers, layer), keyed by chat id. */
  SECRET_CHATS(11, "secretChats", true, true);

  private final int id;
  private final String key;
  private final boolean longKeys;
  private final boolean immediate;

  Db(int id, String key, boolean longKeys, boolean immediate) {
    this.id = id;
    this.key = key;
    this.longKeys = longKeys;
    this.immediate = immediate;
  }

  /** The stable numeric id used in files and in Postgres. */
  public int id() {
    return id;
  }

  /** The stable name used in Redis keys and in messages. */
  public String key() {
    return key;
  }

  /** True when the keys are {@code long}s (use {@link Store#longMap}), false for {@code String}s. */
  public boolean longKeys() {
    return longKeys;
  }

  /** True when a write completes only once it is durable. */
  public boolean immediate() {
    return immediate;
  }

  /** The database with that {@link #id()}, or null. */
  public static Db byId(int id) {
    for (Db db : values()) {
      if (db.id == id) {
        return db;
      }
    }
    return null;
  }
}
