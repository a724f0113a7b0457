package dev.vertigram.app;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@ExtendWith(VertxExtension.class)
class MainVerticleTest {

  @Test
  void emptyConfigDeploysAndUndeploys(Vertx vertx, VertxTestContext ctx) {
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

  @Test
  void mainJobRunsTheLocalDcAndTheDemo(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    JsonObject ports = new JsonObject();
    for (int dc = 1; dc <= 5; dc++) {
      ports.put(String.valueOf(dc), 0);
    }
    JsonObject config = new JsonObject()
      .put("localdc", new JsonObject().put("ports", ports).put("stateDir", dir.toString()))
      .put("demo", new JsonObject().put("calls", 2000));
    vertx.eventBus().<JsonObject>consumer(EngineDemoVerticle.DONE_ADDRESS, msg -> ctx.verify(() -> {
      assertEquals(2000, msg.body().getInteger("calls"));
      assertEquals(new JsonArray().add(0).add(1).add(2).add(3).add(4), msg.body().getJsonArray("ordered"));
      JsonObject dcs = new JsonObject(Files.readString(dir.resolve("dcs.json")));
      assertEquals(5, dcs.getJsonArray("dcs").size());
      assertNotEquals(0, dcs.getJsonArray("dcs").getJsonObject(0).getInteger("port"));
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("dcs.json"))));
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("rsa.pem"))));
      ctx.completeNow();
    }));
    vertx.deployVerticle(new MainVerticle(), new DeploymentOptions().setConfig(config))
      .onFailure(ctx::failNow);
  }
}
