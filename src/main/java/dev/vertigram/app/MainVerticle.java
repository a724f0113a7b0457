package dev.vertigram.app;

import dev.vertigram.localdc.LocalDcOptions;
import dev.vertigram.localdc.LocalDcVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The fat jar's main verticle. It reads the JSON config given with {@code -conf} and deploys what it names:
 * <ul>
 *   <li>{@code "localdc"}: the embedded Local DC ({@link LocalDcVerticle}, options as in {@link LocalDcOptions});</li>
 *   <li>{@code "demo"}: the engine demo ({@link EngineDemoVerticle}) against that Local DC.</li>
 * </ul>
 * The launcher closes Vert.x on Ctrl-C (SIGINT/SIGTERM), which undeploys everything and calls {@link #stop()}.
 */
public class MainVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(MainVerticle.class);

  @Override
  public Future<?> start() {
    JsonObject conf = config();
    log.info("Vertigram starting with config sections {}", conf.fieldNames());
    Future<?> started = Future.succeededFuture();
    JsonObject localDc = conf.getJsonObject("localdc");
    if (localDc != null) {
      started = deploy(new LocalDcVerticle(), new JsonObject().put("localdc", localDc));
    }
    JsonObject demo = conf.getJsonObject("demo");
    if (demo != null) {
      JsonObject demoConf = demo.copy();
      if (!demoConf.containsKey("dcsFile") && localDc != null) {
        String stateDir = localDc.getString("stateDir", LocalDcVerticle.DEFAULT_STATE_DIR);
        demoConf.put("dcsFile", Path.of(stateDir, "dcs.json").toString());
      }
      started = started.compose(v -> deploy(new EngineDemoVerticle(), demoConf));
    }
    return started.onSuccess(v -> log.info("Vertigram started"));
  }

  private Future<String> deploy(VerticleBase verticle, JsonObject config) {
    return vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config));
  }

  @Override
  public Future<?> stop() {
    log.info("Vertigram stopped cleanly");
    return Future.succeededFuture();
  }
}
