package dev.vertigram.storage;

import io.vertx.core.json.JsonObject;

/**
 * Opening a session failed because another process (or another store in this JVM) holds its lock. The owner is
 * described so that a caller can forward its calls to it (the IPC layer) instead of using the same auth key twice.
 */
public final class SessionLockedException extends RuntimeException {

  /**
   * The process that holds a session's lock, as it wrote itself into the lock file.
   *
   * @param pid          its process id, or -1 when unknown
   * @param host         its host name, or null when unknown
   * @param sinceMillis  when it took the lock (epoch milliseconds), or 0 when unknown
   * @param folder       the session folder (where the IPC socket lives)
   */
  public record Owner(long pid, String host, long sinceMillis, String folder) {

    /** The JSON written into the lock file. */
    public JsonObject toJson() {
      return new JsonObject().put("pid", pid).put("host", host).put("since", sinceMillis).put("folder", folder);
    }

    /** Reads {@link #toJson()}; missing fields become unknown. */
    public static Owner fromJson(JsonObject json, String folder) {
      return new Owner(json.getLong("pid", -1L), json.getString("host"), json.getLong("since", 0L),
        json.getString("folder", folder));
    }
  }

  private final Owner owner;

  /** A lock held by {@code owner}. */
  public SessionLockedException(Owner owner) {
    super("session " + owner.folder() + " is locked by process " + owner.pid()
      + (owner.host() == null ? "" : " on " + owner.host()));
    this.owner = owner;
  }

  /** Who holds the lock. */
  public Owner owner() {
    return owner;
  }
}
