package dev.vertigram.app;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fat jar's main verticle. It reads the JSON config given with {@code -conf} and starts what it names.
 *
 * <p>The launcher closes Vert.x on Ctrl-C (SIGINT/SIGTERM), which undeploys this verticle and calls {@link #stop()}.
 */
public class MainVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(MainVerticle.class);

  @Override
  public Future<?> start() {
    JsonObject conf = config();
    log.info("Vertigram starting with config keys {}", conf.fieldNames());
    log.info("Vertigram started (main verticle {})", deploymentID());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    log.info("Vertigram stopped cleanly");
    return Future.succeededFuture();
  }
}
