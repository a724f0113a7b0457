package dev.vertigram.updates.impl;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Where the update state lives between runs (the session's immediate databases). */
public interface StateStore {

  /** The saved common state ({@code pts qts seq date}), or null before the first run. */
  Future<JsonObject> loadCommon();

  /** The saved per-channel pts, by bare channel id. */
  Future<Map<Long, Integer>> loadChannels();

  /** Durably saves the common state. */
  Future<Void> saveCommon(JsonObject state);

  /** Durably saves one channel's pts. */
  Future<Void> saveChannel(long channelId, int pts);
}
