package dev.vertigram.storage;

import dev.vertigram.storage.impl.ConfigReader;
import io.vertx.core.json.JsonObject;

/**
 * Slimming settings (as in MadelineProto): store less about peers to save RAM and disk, at the price of features.
 * The store enforces what it can (a disabled database is a no-op map: reads find nothing, writes are dropped, and
 * what it held is deleted when the session opens); the peer layer reads {@link #peerDb()} to decide what it puts in
 * each peer's value.
 *
 * <p>JSON: {@code {"peerDb": "full"|"basic"|"accessHashOnly", "usernameDb": true, "minDb": true,
 * "fileReferenceDb": true}} (these are the defaults).
 */
public final class Slimming {

  /** How much the peer database keeps about each peer. */
  public enum PeerDb {
    /**
     * Everything: peer info (names, usernames, photo, flags) and the {@link Db#FULL_INFO} cache. Nothing breaks.
     */
    FULL("full"),
    /**
     * Peer info without the full-info cache: {@link Db#FULL_INFO} is disabled, so every getFullInfo calls Telegram
     * (users.getFullUser, channels.getFullChannel...): slower and more exposed to FLOOD_WAIT.
     */
    BASIC("basic"),
    /**
     * Only what is needed to build input peers (id, type, access hash). getInfo cannot return names, usernames,
     * photos or bot flags offline (they must be fetched), peers cannot be found by name, and the full-info cache
     * is disabled as in {@link #BASIC}.
     */
    ACCESS_HASH_ONLY("accessHashOnly");

    private final String json;

    PeerDb(String json) {
      this.json = json;
    }

    /** The JSON name. */
    public String json() {
      return json;
    }
  }

  private PeerDb peerDb = PeerDb.FULL;
  private boolean usernameDb = true;
  private boolean minDb = true;
  private boolean fileReferenceDb = true;

  /** The defaults: everything enabled. */
  public Slimming() {
  }

  /** Reads the JSON form; a wrong value throws an {@link IllegalArgumentException} naming its key. */
  public Slimming(JsonObject json) {
    ConfigReader r = new ConfigReader(json, "slimming", "peerDb", "usernameDb", "minDb", "fileReferenceDb");
    String[] names = new String[PeerDb.values().length];
    for (PeerDb p : PeerDb.values()) {
      names[p.ordinal()] = p.json();
    }
    peerDb = PeerDb.values()[r.choice("peerDb", PeerDb.FULL.ordinal(), names)];
    usernameDb = r.bool("usernameDb", true);
    minDb = r.bool("minDb", true);
    fileReferenceDb = r.bool("fileReferenceDb", true);
  }

  /** The JSON form. */
  public JsonObject toJson() {
    return new JsonObject().put("peerDb", peerDb.json()).put("usernameDb", usernameDb).put("minDb", minDb)
      .put("fileReferenceDb", fileReferenceDb);
  }

  /** How much the peer database keeps. */
  public PeerDb peerDb() {
    return peerDb;
  }

  /** Sets {@link #peerDb()}. */
  public Slimming setPeerDb(PeerDb peerDb) {
    this.peerDb = peerDb;
    return this;
  }

  /**
   * Whether {@link Db#USERNAMES} is kept. When off, every {@code @username} is resolved by calling Telegram
   * (contacts.resolveUsername, which has a tight flood limit), and peers cannot be found by username offline.
   */
  public boolean usernameDb() {
    return usernameDb;
  }

  /** Sets {@link #usernameDb()}. */
  public Slimming setUsernameDb(boolean usernameDb) {
    this.usernameDb = usernameDb;
    return this;
  }

  /**
   * Whether {@link Db#MIN_PEERS} is kept. When off, min peers (seen only inside a channel, without an access hash)
   * cannot be turned into input peers (inputPeerUserFromMessage): sending them messages, reading their info or
   * downloading their photos fails until they are seen in full.
   */
  public boolean minDb() {
    return minDb;
  }

  /** Sets {@link #minDb()}. */
  public Slimming setMinDb(boolean minDb) {
    this.minDb = minDb;
    return this;
  }

  /**
   * Whether {@link Db#FILE_REFS} is kept. When off, an expired file reference cannot be refreshed from where the
   * file was seen: downloading or re-sending old media fails with FILE_REFERENCE_EXPIRED.
   */
  public boolean fileReferenceDb() {
    return fileReferenceDb;
  }

  /** Sets {@link #fileReferenceDb()}. */
  public Slimming setFileReferenceDb(boolean fileReferenceDb) {
    this.fileReferenceDb = fileReferenceDb;
    return this;
  }

  /** Whether the store keeps {@code db} under these settings. */
  public boolean keeps(Db db) {
    return switch (db) {
      case USERNAMES -> usernameDb;
      case MIN_PEERS -> minDb;
      case FILE_REFS -> fileReferenceDb;
      case FULL_INFO -> peerDb == PeerDb.FULL;
      default -> true;
    };
  }
}
