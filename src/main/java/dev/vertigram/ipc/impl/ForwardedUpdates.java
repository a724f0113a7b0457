package dev.vertigram.ipc.impl;

import dev.vertigram.ipc.IpcClient;
import dev.vertigram.ipc.IpcServer;
import dev.vertigram.updates.UpdatesManager;
import dev.vertigram.updates.UpdatesVerticle;
import dev.vertigram.updates.impl.UpdateFeed;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * The updates of a session forwarded to its owner: the owner's update state machine runs there, and this process
 * publishes the updates it relays on the same event-bus addresses as an owner would ({@code vertigram.<session>.update}
 * and {@code .update.<constructor>}) and hands them to the EventHandlers of this process through its {@link UpdateFeed},
 * so consumers do not tell the difference.
 */
public final class ForwardedUpdates implements UpdatesManager {

  private static final DeliveryOptions RELAYED = new DeliveryOptions().addHeader(IpcServer.RELAYED, "1");

  private final Vertx vertx;
  private final String session;
  private final IpcClient forwarder;
  private final UpdateFeed feed = new UpdateFeed();

  public ForwardedUpdates(Vertx vertx, String session, IpcClient forwarder) {
    this.vertx = vertx;
    this.session = session;
    this.forwarder = forwarder;
  }

  @Override
  public Future<Void> start() {
    forwarder.updateHandler(this::publish);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> stop() {
    forwarder.updateHandler(null);
    return Future.succeededFuture();
  }

  @Override
  public UpdateFeed feed() {
    return feed;
  }

  @Override
  public void handleResult(JsonObject request, JsonObject result) {
    // the owner's state machine sees the results of the calls it runs
  }

  private void publish(JsonObject update) {
    feed.deliver(update);
    vertx.eventBus().publish(UpdatesVerticle.address(session), update, RELAYED);
    vertx.eventBus().publish(UpdatesVerticle.address(session, update.getString("_")), update, RELAYED);
  }
}
