package dev.vertigram.e2e;

import dev.vertigram.updates.EventHandler;
import dev.vertigram.updates.Handler;
import dev.vertigram.updates.Persistent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An event handler whose state lives in {@link Persistent} fields: the number of incoming texts, the last one and all
 * of them. {@link #current} is the running instance, {@link #countAtStart} what {@link #onStart()} found loaded.
 */
public class Tally extends EventHandler {

  static volatile Tally current;
  static volatile long countAtStart = -1;

  @Persistent
  long count;
  @Persistent
  String last;
  @Persistent
  JsonArray texts = new JsonArray();

  @Override
  protected Future<?> onStart() {
    countAtStart = count;
    current = this;
    return Future.succeededFuture();
  }

  @Handler("incoming")
  public synchronized void text(JsonObject update) {
    String text = update.getJsonObject("message").getString("message");
    count++;
    last = text;
    texts.add(text);
  }

  /** A copy of the texts seen so far (for the test thread). */
  synchronized JsonArray textsNow() {
    return texts.copy();
  }
}
