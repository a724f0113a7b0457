package dev.vertigram.app;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(VertxExtension.class)
class MainVerticleTest {

  @Test
  void deploysAndUndeploys(Vertx vertx, VertxTestContext ctx) {
    vertx.deployVerticle(new MainVerticle(), new DeploymentOptions().setConfig(new JsonObject()))
      .compose(id -> {
        assertEquals(1, vertx.deploymentIDs().size());
        return vertx.undeploy(id);
      })
      .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
        assertEquals(0, vertx.deploymentIDs().size());
        ctx.completeNow();
      })));
  }
}
