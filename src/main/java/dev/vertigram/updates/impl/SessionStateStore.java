package dev.vertigram.updates.impl;

import dev.vertigram.storage.Db;
import dev.vertigram.storage.Store;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/** {@link StateStore} over a session {@link Store}: {@link Db#UPDATE_STATE} key "common" and {@link Db#CHANNEL_PTS}. */
public final class SessionStateStore implements StateStore {

  private static final String KEY = "common";
  private final Store store;

  /** Uses the databases of {@code store}. */
  public SessionStateStore(Store store) {
    this.store = store;
  }

  @Override
  public Future<JsonObject> loadCommon() {
    return store.stringMap(Db.UPDATE_STATE).get(KEY).map(b -> b == null ? null : new JsonObject(b));
  }

  @Override
  public Future<Map<Long, Integer>> loadChannels() {
    Map<Long, Integer> out = new HashMap<>();
    return store.longMap(Db.CHANNEL_PTS).forEach((id, v) -> out.put(id, v.getInt(0))).map(out);
  }

  @Override
  public Future<Void> saveCommon(JsonObject state) {
    return store.stringMap(Db.UPDATE_STATE).put(KEY, state.toBuffer());
  }

  @Override
  public Future<Void> saveChannel(long channelId, int pts) {
    return store.longMap(Db.CHANNEL_PTS).put(channelId, Buffer.buffer(4).appendInt(pts));
  }
}
