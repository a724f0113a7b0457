package dev.vertigram.updates;

import dev.vertigram.updates.impl.UpdateFeed;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** {@link UpdatesManager} over one deployed {@link UpdatesVerticle}. */
final class DeployedUpdates implements UpdatesManager {

  private final Vertx vertx;
  private final UpdatesVerticle verticle;
  private String deploymentId;
  private Future<Void> started;

  DeployedUpdates(Vertx vertx, UpdatesVerticle verticle) {
    this.vertx = vertx;
    this.verticle = verticle;
  }

  /** Deploys the verticle; a second call does nothing. */
  @Override
  public synchronized Future<Void> start() {
    if (started != null) {
      return started;
    }
    started = vertx.deployVerticle(verticle).map(id -> {
      deploymentId = id;
      return null;
    });
    return started;
  }

  @Override
  public synchronized Future<Void> stop() {
    String id = deploymentId;
    deploymentId = null;
    started = null;
    return id == null ? Future.succeededFuture() : vertx.undeploy(id);
  }

  @Override
  public Future<Void> followChannel(long channelId) {
    return deploymentId == null ? Future.failedFuture(new IllegalStateException("updates not started"))
        : verticle.followChannel(channelId);
  }

  @Override
  public void unfollowChannel(long channelId) {
    if (deploymentId != null) {
      verticle.unfollowChannel(channelId);
    }
  }

  @Override
  public UpdateFeed feed() {
    return verticle.feed();
  }

  @Override
  public void handleResult(JsonObject request, JsonObject result) {
    if (deploymentId != null) {
      verticle.handleResult(request, result);
    }
  }
}
