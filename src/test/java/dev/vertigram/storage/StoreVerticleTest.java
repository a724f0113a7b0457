package dev.vertigram.storage;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.vertigram.storage.StoreTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreVerticleTest {

  @TempDir
  Path dir;

  @Test
  void undeployAndVertxCloseSaveTheSession() {
    JsonObject conf = new JsonObject().put("session", "v").put("folder", dir.resolve("v").toString());
    Vertx vertx = Vertx.vertx();
    StoreVerticle verticle = new StoreVerticle();
    String id = await(vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(conf)));
    await(verticle.store().longMap(Db.PEERS).put(1L, Buffer.buffer("one")));
    await(vertx.undeploy(id));
    assertTrue(Files.exists(dir.resolve("v/state.bin")), "saved on undeploy");

    StoreVerticle second = new StoreVerticle(new StoreOptions(conf));
    await(vertx.deployVerticle(second));
    assertEquals(Buffer.buffer("one"), await(second.store().longMap(Db.PEERS).get(1L)));
    await(second.store().longMap(Db.PEERS).put(2L, Buffer.buffer("two")));
    await(vertx.close());

    Vertx again = Vertx.vertx();
    try {
      Store store = await(Store.open(again, new StoreOptions(conf)));
      assertEquals(Buffer.buffer("two"), await(store.longMap(Db.PEERS).get(2L)), "saved when Vert.x closed");
      await(store.close());
    } finally {
      await(again.close());
    }
  }

  @Test
  void aWrongConfigFailsTheDeployment() {
    Vertx vertx = Vertx.vertx();
    try {
      Throwable e = StoreTestSupport.awaitFailure(vertx.deployVerticle(new StoreVerticle(),
        new DeploymentOptions().setConfig(new JsonObject().put("saveInterval", 1))));
      assertInstanceOf(IllegalArgumentException.class, e);
    } finally {
      await(vertx.close());
    }
  }
}
