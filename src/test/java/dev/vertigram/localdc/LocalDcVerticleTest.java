package dev.vertigram.localdc;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalDcVerticleTest {

  @Test
  void writesDcsJsonAndKeepsItsKey(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject config = new JsonObject().put("localdc", new JsonObject().put("stateDir", dir.toString())
          .put("ports", new JsonObject().put("1", 0).put("3", 0)));
      String first = deploy(vertx, config);
      Path dcs = dir.resolve("dcs.json");
      JsonObject info = new JsonObject(Files.readString(dcs));
      assertEquals(2, info.getJsonArray("dcs").size());
      assertEquals(3, info.getJsonArray("dcs").getJsonObject(1).getInteger("id"));
      assertTrue(info.getJsonArray("dcs").getJsonObject(0).getInteger("port") > 0);
      assertTrue(info.getString("rsa_public_key").startsWith("-----BEGIN RSA PUBLIC KEY-----"));
      String fingerprint = info.getString("fingerprint");
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dcs)));
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("rsa.pem"))));
      vertx.undeploy(first).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      deploy(vertx, config);
      assertEquals(fingerprint, new JsonObject(Files.readString(dcs)).getString("fingerprint"), "the key is reused");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static String deploy(Vertx vertx, JsonObject config) throws Exception {
    return vertx.deployVerticle(new LocalDcVerticle(), new DeploymentOptions().setConfig(config))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
