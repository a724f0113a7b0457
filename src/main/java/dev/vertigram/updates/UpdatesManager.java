package dev.vertigram.updates;

import dev.vertigram.client.Vertigram;
import dev.vertigram.updates.impl.UpdateFeed;
import dev.vertigram.updates.impl.UpdatesSource;
import dev.vertigram.updates.impl.VertigramLink;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** The updates of one session as the facade sees them: start, stop, and the results of its calls. */
public interface UpdatesManager {

  /** The manager of a {@link Vertigram} session (see {@link #create(Vertx, String, UpdatesSource)}). */
  static UpdatesManager create(Vertx vertx, Vertigram tg) {
    return create(vertx, tg.session(), new VertigramLink(tg, null));
  }

  /** A manager that deploys an {@link UpdatesVerticle} for {@code session} on start and undeploys it on stop. */
  static UpdatesManager create(Vertx vertx, String session, UpdatesSource source) {
    return new DeployedUpdates(vertx, new UpdatesVerticle(session, source));
  }

  /** Loads the state (getState the first time, getDifference later) and starts publishing updates. */
  Future<Void> start();

  /** Stops and saves the state. */
  Future<Void> stop();

  /**
   * Polls a channel's updates (bare channel id, not the bot-API form) every {@code timeout} seconds the server gives,
   * as a client viewing it does, so that updates whose push never came arrive anyway; until
   * {@link #unfollowChannel}. Fails when the updates are not started or the channel is unknown, and where the update
   * state machine runs in another process (a session owned elsewhere: follow the channel there).
   */
  default Future<Void> followChannel(long channelId) {
    return Future.failedFuture(new UnsupportedOperationException(
        "followChannel: this session's update state machine runs in its owner process"));
  }

  /** Stops {@link #followChannel}. */
  default void unfollowChannel(long channelId) {
  }

  /** The in-JVM path to the session's EventHandlers; it exists before {@link #start()}. */
  UpdateFeed feed();

  /** Every RPC result with its request: updates inside (messages.sendMessage...) go through the state machine. */
  void handleResult(JsonObject request, JsonObject result);
}
