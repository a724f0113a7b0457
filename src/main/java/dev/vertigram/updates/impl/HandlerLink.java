package dev.vertigram.updates.impl;

import dev.vertigram.storage.StringMap;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** What an EventHandler needs from its session (implemented over {@code Vertigram}, or by tests). */
public interface HandlerLink {

  /** Sends a call (peers given in any form the peer database resolves). */
  Future<JsonObject> call(JsonObject method);

  /** The bot-API id of a peer given as @username, id, link... */
  Future<Long> peerId(Object peer);

  /** The session's {@code Db.HANDLER_FIELDS}. */
  StringMap fields();

  /** The session's updates, delivered without a copy (see {@link UpdateFeed}). */
  UpdateFeed updates();

  /** The account's username, or null. */
  String selfUsername();
}
