package dev.vertigram.localdc;

import dev.vertigram.app.MainVerticle;
import dev.vertigram.crypto.RsaKey;
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

  /**
   * {@code java -jar target/vertigram.jar -conf conf/localdc.json}: the launcher deploys {@link MainVerticle} with the
   * file as its config. Here with the shipped file (ports made ephemeral, state in a temporary dir): five DCs, a
   * dcs.json whose fingerprint is the key's, and a client that trusts that key completes the key exchange with DC 5
   * and gets these DCs from help.getConfig.
   */
  @Test
  void theShippedConfigRunsTheLocalDcAlone(@TempDir Path dir) throws Exception {
    JsonObject conf = new JsonObject(Files.readString(Path.of("conf/localdc.json")));
    JsonObject localDc = conf.getJsonObject("localdc");
    assertEquals(5, localDc.getJsonObject("ports").size());
    localDc.getJsonObject("ports").fieldNames().forEach(id -> localDc.getJsonObject("ports").put(id, 0));
    localDc.put("stateDir", dir.toString()).put("rsaKeyFile", dir.resolve("rsa.pem").toString());
    Vertx vertx = Vertx.vertx();
    try {
      vertx.deployVerticle(new MainVerticle(), new DeploymentOptions().setConfig(conf))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      JsonObject info = new JsonObject(Files.readString(dir.resolve("dcs.json")));
      RsaKey key = RsaKey.fromPem(info.getString("rsa_public_key"));
      assertEquals(Long.toString(key.fingerprint()), info.getString("fingerprint"));
      JsonObject dc5 = info.getJsonArray("dcs").getJsonObject(4);
      assertEquals("127.0.0.1", dc5.getString("host"));
      DcEndpoint endpoint = new DcEndpoint(5, dc5.getString("host"), dc5.getInteger("port"));
      TestConnection conn = TestConnection.open(vertx, endpoint);
      TestHandshake hs = new TestHandshake(conn, key, 5);
      TestSession s = new TestSession(conn, hs.run(), hs.firstSalt(), hs.clock);
      JsonObject config = s.call(new JsonObject().put("_", "help.getConfig"));
      assertEquals(5, config.getInteger("this_dc"));
      assertEquals(5, config.getJsonArray("dc_options").size());
      assertEquals(dc5.getInteger("port"), config.getJsonArray("dc_options").getJsonObject(4).getInteger("port"));
      conn.close();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static String deploy(Vertx vertx, JsonObject config) throws Exception {
    return vertx.deployVerticle(new LocalDcVerticle(), new DeploymentOptions().setConfig(config))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
