package dev.vertigram.updates;

import dev.vertigram.updates.impl.StateStore;
import dev.vertigram.updates.impl.UpdateFeed;
import dev.vertigram.updates.impl.UpdateStateMachine;
import dev.vertigram.updates.impl.UpdatesEnv;
import dev.vertigram.updates.impl.UpdatesSource;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * One per session: owns the update state machine and publishes each update on {@code vertigram.<session>.update}
 * and on {@code vertigram.<session>.update.<constructor>} (e.g. {@code .update.updateNewMessage}), where every
 * consumer gets its own copy as usual on the event bus. The session's EventHandlers receive the same updates through
 * {@link #feed()} instead: one shared, read-only instance, no copy.
 */
public final class UpdatesVerticle extends VerticleBase {

  private final String session;
  private final UpdatesSource source;
  private final UpdateFeed feed = new UpdateFeed();
  private UpdateStateMachine machine;
  private Context ctx;

  /** The verticle of {@code session}, fed by {@code source}. */
  public UpdatesVerticle(String session, UpdatesSource source) {
    this.session = session;
    this.source = source;
  }

  /** The in-JVM path to the session's EventHandlers (no copy per consumer; see {@link UpdateFeed}). */
  public UpdateFeed feed() {
    return feed;
  }

  /** The address every update of {@code session} is published on. */
  public static String address(String session) {
    return "vertigram." + session + ".update";
  }

  /** The address the updates of one constructor are published on. */
  public static String address(String session, String constructor) {
    return address(session) + "." + constructor;
  }

  @Override
  public Future<?> start() {
    ctx = context;
    EventBus bus = vertx.eventBus();
    String all = address(session);
    Map<String, String> byType = new HashMap<>();
    UpdatesEnv from = source.env();
    UpdatesEnv env = new UpdatesEnv() {
      @Override
      public Future<JsonObject> call(JsonObject method) {
        return from.call(method);
      }

      @Override
      public Future<JsonObject> inputChannel(long channelId) {
        return from.inputChannel(channelId);
      }

      @Override
      public long selfId() {
        return from.selfId();
      }

      @Override
      public void entities(JsonObject container) {
        from.entities(container);
      }

      @Override
      public void deliver(JsonObject update) {
        feed.deliver(update);
        bus.publish(all, update);
        bus.publish(byType.computeIfAbsent(update.getString("_"), t -> all + "." + t), update);
      }
    };
    StateStore store = source.stateStore();
    machine = new UpdateStateMachine(vertx, env, store);
    source.subscribe(u -> ctx.runOnContext(v -> machine.handle(u)), r -> ctx.runOnContext(v -> machine.onSessionReset()));
    return machine.start();
  }

  @Override
  public Future<?> stop() {
    return machine.stop();
  }

  /** An RPC result with its request; see {@link UpdatesManager#handleResult}. */
  public void handleResult(JsonObject request, JsonObject result) {
    ctx.runOnContext(v -> machine.handleResult(request, result));
  }

  /** See {@link UpdatesManager#followChannel}. */
  Future<Void> followChannel(long channelId) {
    Promise<Void> done = Promise.promise();
    ctx.runOnContext(v -> machine.follow(channelId).onComplete(done));
    return done.future();
  }

  /** See {@link UpdatesManager#unfollowChannel}. */
  void unfollowChannel(long channelId) {
    ctx.runOnContext(v -> machine.unfollow(channelId));
  }

  /** For tests and tuning: the gap wait and the idle time before a getDifference. */
  UpdatesVerticle timeouts(long gapWaitMs, long idleMs) {
    ctx.runOnContext(v -> machine.timeouts(gapWaitMs, idleMs));
    return this;
  }
}
