package dev.vertigram.updates;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** {@link UpdatesManager} over one deployed {@link UpdatesVerticle}. */
final class DeployedUpdates implements UpdatesManager {

  private final Vertx vertx;
  private final UpdatesVerticle verticle;
  private String deploymentId;

  DeployedUpdates(Vertx vertx, UpdatesVerticle verticle) {
    this.vertx = vertx;
    this.verticle = verticle;
  }

  @Override
  public Future<Void> start() {
    return vertx.deployVerticle(verticle).map(id -> {
      deploymentId = id;
      return null;
    });
  }

  @Override
  public Future<Void> stop() {
    return deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
  }

  @Override
  public void handleResult(JsonObject request, JsonObject result) {
    if (deploymentId != null) {
      verticle.handleResult(request, result);
    }
  }
}
