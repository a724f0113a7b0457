package dev.vertigram.updates;

import dev.vertigram.client.Settings;
import dev.vertigram.client.Vertigram;
import dev.vertigram.updates.impl.VertigramLink;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs event handlers on sessions, as MadelineProto's {@code startAndLoop}. */
public final class Vertigrams {

  private Vertigrams() {
  }

  /**
   * Opens {@code session} as its owner ({@link Vertigram#takeOver}: a background worker serving it is asked to hand
   * it over, then this process takes the lock), logs in ({@link Vertigram#login()}), deploys a new {@code handler} bound to it, then starts
   * the session's updates (so that none published at start is missed). Completes once everything runs; the Vert.x
   * instance keeps the process alive. {@link Vertigram#close()} undeploys the handler first.
   */
  public static Future<Vertigram> startAndLoop(Vertx vertx, String session, Settings settings,
      Class<? extends EventHandler> handler) {
    return Vertigram.takeOver(vertx, session, settings).compose(tg -> tg.login().compose(self -> {
      VertigramLink link = new VertigramLink(tg, self);
      EventHandler instance;
      try {
        instance = handler.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        return Future.failedFuture(new IllegalArgumentException(handler + " needs a public no-arg constructor", e));
      }
      return vertx.deployVerticle(instance.bind(session, link)).compose(id -> {
        tg.onClose(() -> vertx.deploymentIDs().contains(id) ? vertx.undeploy(id) : Future.succeededFuture());
        return tg.updates().start();
      }).map(tg);
    }));
  }

  /** {@link #startAndLoop(Vertx, String, Settings, Class)} for several sessions (name → settings) at once. */
  public static Future<List<Vertigram>> startAndLoop(Vertx vertx, Map<String, Settings> sessions,
      Class<? extends EventHandler> handler) {
    List<Future<Vertigram>> all = new ArrayList<>();
    sessions.forEach((name, settings) -> all.add(startAndLoop(vertx, name, settings, handler)));
    return Future.all(all).map(cf -> cf.<Vertigram>list());
  }
}
