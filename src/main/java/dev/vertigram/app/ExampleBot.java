package dev.vertigram.app;

import dev.vertigram.updates.Cron;
import dev.vertigram.updates.EventHandler;
import dev.vertigram.updates.Handler;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example bot of the main job: {@code /start} greets, {@code /echo text} answers the text, any other private text
 * is echoed back, and a cron logs a heartbeat every 10 seconds. Copy it to write your own handler.
 */
public class ExampleBot extends EventHandler {

  private static final Logger log = LoggerFactory.getLogger(ExampleBot.class);
  private long heartbeats;

  private static String text(JsonObject update) {
    return update.getJsonObject("message").getString("message", "");
  }

  /** Greets whoever sends /start. */
  @Handler("incoming and command(start)")
  public Future<JsonObject> start(JsonObject update) {
    log.info("bot: /start received");
    return reply(update, "Hello! I am the Vertigram example bot. Try /echo something.");
  }

  /** Answers the text after /echo. */
  @Handler("incoming and command(echo)")
  public Future<JsonObject> echo(JsonObject update) {
    String text = text(update);
    int space = text.indexOf(' ');
    return reply(update, space < 0 ? "Usage: /echo text" : text.substring(space + 1));
  }

  /** Echoes any other private text. */
  @Handler("incoming and private and not regex('^/')")
  public Future<JsonObject> echoText(JsonObject update) {
    log.info("bot: text received, echoing it");
    return reply(update, "You said: " + text(update));
  }

  /** Logs that the bot is alive. */
  @Cron(period = 10)
  public void heartbeat() {
    log.info("bot: heartbeat #{} (session {})", ++heartbeats, session());
  }
}
