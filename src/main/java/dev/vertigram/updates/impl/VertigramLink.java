package dev.vertigram.updates.impl;

import dev.vertigram.client.Vertigram;
import dev.vertigram.storage.Db;
import dev.vertigram.storage.StringMap;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;

/**
 * {@link UpdatesSource} and {@link HandlerLink} over a {@link Vertigram} session. Subscribing installs the receivers
 * behind the session's own update path (peer database, login waiters); the handler's calls go through
 * {@link Vertigram#call}, whose results reach the session's UpdatesManager.
 */
public final class VertigramLink implements UpdatesSource, HandlerLink {

  private final Vertigram tg;
  private final String selfUsername;

  /** Links {@code tg}; {@code self} is the logged-in user (for its username), or null. */
  public VertigramLink(Vertigram tg, JsonObject self) {
    this.tg = tg;
    this.selfUsername = self == null ? null : self.getString("username");
  }

  @Override
  public UpdatesEnv env() {
    return new UpdatesEnv() {
      @Override
      public Future<JsonObject> call(JsonObject method) {
        return tg.rpc().call(method);
      }

      @Override
      public Future<JsonObject> inputChannel(long channelId) {
        return tg.peers().inputChannel(-1_000_000_000_000L - channelId);
      }

      @Override
      public long selfId() {
        return tg.peers().selfId();
      }

      @Override
      public void deliver(JsonObject update) {
        throw new UnsupportedOperationException("the UpdatesVerticle publishes");
      }

      @Override
      public void entities(JsonObject container) {
        tg.peers().feed(container);
      }
    };
  }

  @Override
  public StateStore stateStore() {
    return new SessionStateStore(tg.store());
  }

  @Override
  public void subscribe(Handler<JsonObject> updates, Handler<String> sessionResets) {
    tg.subscribe(updates, sessionResets);
  }

  @Override
  public Future<JsonObject> call(JsonObject method) {
    return tg.call(method);
  }

  @Override
  public Future<Long> peerId(Object peer) {
    return tg.peers().getId(peer);
  }

  @Override
  public StringMap fields() {
    return tg.store().stringMap(Db.HANDLER_FIELDS);
  }

  @Override
  public UpdateFeed updates() {
    return tg.updates().feed();
  }

  @Override
  public String selfUsername() {
    return selfUsername;
  }
}
