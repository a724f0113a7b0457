package dev.vertigram.storage;

import io.vertx.core.json.JsonObject;

/**
 * The health of a store. A store is unhealthy while it cannot reach its database (Postgres, Redis) or its last save
 * failed (memory store); writes are kept meanwhile and retried with back-off.
 *
 * <p>Every change is logged and published on the event bus at {@code vertigram.<session>.store.health} as
 * {@link #toJson()}.
 *
 * @param healthy      false while the last attempt to reach the database or the disk failed
 * @param lastError    the last failure's message (never contains a password), or null
 * @param queuedWrites writes accepted but not yet stored durably
 * @param sinceMillis  when the health last changed (epoch milliseconds)
 */
public record StoreHealth(boolean healthy, String lastError, int queuedWrites, long sinceMillis) {

  /** {@code {"healthy":..,"lastError":..,"queuedWrites":..,"since":..}}. */
  public JsonObject toJson() {
    return new JsonObject().put("healthy", healthy).put("lastError", lastError)
      .put("queuedWrites", queuedWrites).put("since", sinceMillis);
  }
}
