package dev.vertigram.updates.impl;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** What the {@link UpdateStateMachine} needs from its session: calls, channel peers, the self id and a sink. */
public interface UpdatesEnv {

  /** Sends one RPC (updates.getState, updates.getDifference, updates.getChannelDifference). */
  Future<JsonObject> call(JsonObject method);

  /** The {@code inputChannel} of a channel (bare id, not the bot-API form), for getChannelDifference. */
  Future<JsonObject> inputChannel(long channelId);

  /** The logged-in user's id, used to expand short updates (0 when unknown: no {@code from_id} on outgoing ones). */
  long selfId();

  /** Hands one full update (never a short form, never a container) to the consumers; must not throw. */
  void deliver(JsonObject update);

  /** Every container seen (updates, differences) so that the peer database can take its users and chats. */
  default void entities(JsonObject container) {
  }
}
