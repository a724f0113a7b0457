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
 *   <li>{@code "demo"}: the engine demo ({@link EngineDemoVerticle}) against that Local DC;</li>
 *   <li>{@code "chat"}: the chat demo ({@link ChatDemoVerticle}): a bot running {@link ExampleBot} and a user talking
 *   to it, on that Local DC;</li>
 *   <li>{@code "bots"}: an EventHandler on sessions of real Telegram or the Local DC ({@link BotsVerticle}; see
 *   {@code conf/telegram.example.json}).</li>
 * </ul>
 * Sections that talk to the Local DC get its {@code dcs.json} path ({@code dcsFile}) unless they name one.
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
    String dcsFile = localDc == null ? null
        : Path.of(localDc.getString("stateDir", LocalDcVerticle.DEFAULT_STATE_DIR), "dcs.json").toString();
    JsonObject demo = withDcsFile(conf.getJsonObject("demo"), dcsFile);
    if (demo != null) {
      started = started.compose(v -> deploy(new EngineDemoVerticle(), demo));
    }
    JsonObject chat = withDcsFile(conf.getJsonObject("chat"), dcsFile);
    if (chat != null) {
      started = started.compose(v -> deploy(new ChatDemoVerticle(), chat));
    }
    JsonObject bots = conf.getJsonObject("bots");
    if (bots != null) {
      JsonObject botsConf = bots.copy();
      botsConf.getJsonObject("sessions", new JsonObject()).forEach(e -> {
        JsonObject session = (JsonObject) e.getValue();
        if (dcsFile != null && !session.containsKey("localDc") && !session.containsKey("connection")) {
          session.put("localDc", new JsonObject().put("dcsFile", dcsFile));
        }
      });
      started = started.compose(v -> deploy(new BotsVerticle(), botsConf));
    }
    return started.onSuccess(v -> log.info("Vertigram started"));
  }

  /** A copy of a section with {@code dcsFile} set to the embedded Local DC's unless it names one; null stays null. */
  private static JsonObject withDcsFile(JsonObject section, String dcsFile) {
    if (section == null) {
      return null;
    }
    JsonObject copy = section.copy();
    if (!copy.containsKey("dcsFile") && dcsFile != null) {
      copy.put("dcsFile", dcsFile);
    }
    return copy;
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
