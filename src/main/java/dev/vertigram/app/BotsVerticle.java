package dev.vertigram.app;

import dev.vertigram.client.Settings;
import dev.vertigram.client.Vertigram;
import dev.vertigram.updates.EventHandler;
import dev.vertigram.updates.Vertigrams;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an {@link EventHandler} on sessions named in the config, the fat jar's {@code "bots"} section:
 * <pre>
 * {"handler": "dev.vertigram.app.ExampleBot",
 *  "sessions": {"mybot": {Settings JSON: appInfo, connection, login, storage...}}}
 * </pre>
 * Each session's JSON is read by {@link Settings#Settings(JsonObject)} (a wrong key fails the deployment with its
 * path); {@code localDc} may be left out when the embedded Local DC runs: it is then filled by {@link MainVerticle}.
 */
public class BotsVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(BotsVerticle.class);

  private List<Vertigram> sessions = List.of();

  @Override
  public Future<?> start() {
    Class<? extends EventHandler> handler;
    Map<String, Settings> settings = new LinkedHashMap<>();
    try {
      handler = handlerClass(config().getString("handler", ExampleBot.class.getName()));
      JsonObject all = config().getJsonObject("sessions", new JsonObject());
      all.forEach(e -> settings.put(e.getKey(), new Settings((JsonObject) e.getValue())));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return Vertigrams.startAndLoop(vertx, settings, handler).onSuccess(list -> {
      sessions = list;
      log.info("bots: {} running {}", settings.keySet(), handler.getSimpleName());
    });
  }

  private static Class<? extends EventHandler> handlerClass(String name) {
    try {
      return Class.forName(name).asSubclass(EventHandler.class);
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IllegalArgumentException("bots.handler: expected the name of an EventHandler class, got " + name, e);
    }
  }

  @Override
  public Future<?> stop() {
    return Future.join(sessions.stream().map(Vertigram::close).toList());
  }
}
