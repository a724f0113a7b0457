package dev.vertigram.updates.impl;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;

/** A session seen from its UpdatesVerticle: the machine's environment, the state store and the server's pushes. */
public interface UpdatesSource {

  /** Calls, channel inputs and the self id (its {@code deliver} is not used: the verticle publishes). */
  UpdatesEnv env();

  /** Where the state is saved. */
  StateStore stateStore();

  /** Installs the receivers of pushed updates and of server-session changes (any thread). */
  void subscribe(Handler<JsonObject> updates, Handler<String> sessionResets);
}
