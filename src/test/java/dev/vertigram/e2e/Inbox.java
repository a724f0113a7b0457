package dev.vertigram.e2e;

import dev.vertigram.updates.Cron;
import dev.vertigram.updates.EventHandler;
import dev.vertigram.updates.Handler;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event handler of the end-to-end tests: records what its filters accept (static: instances are created by
 * {@code startAndLoop}), answers "ping", throws on "boom" (reported to {@link #reportTo}), counts its cron runs.
 */
public class Inbox extends EventHandler {

  static final Queue<String> TEXTS = new ConcurrentLinkedQueue<>();
  static final Queue<String> COMMANDS = new ConcurrentLinkedQueue<>();
  static final AtomicInteger CRONS = new AtomicInteger();
  static volatile Object reportTo;

  static void clear() {
    TEXTS.clear();
    COMMANDS.clear();
    CRONS.set(0);
  }

  private static String textOf(JsonObject update) {
    return update.getJsonObject("message").getString("message");
  }

  @Handler("incoming and private and command(start)")
  public void start(JsonObject update) {
    COMMANDS.add(textOf(update));
  }

  @Handler("incoming and text('ping')")
  public Future<JsonObject> ping(JsonObject update) {
    return reply(update, "pong");
  }

  @Handler("incoming and regex('^boom')")
  public void boom(JsonObject update) {
    throw new IllegalStateException("boom handler failed on purpose");
  }

  @Handler("incoming and not command(start) and not regex('^boom')")
  public void text(JsonObject update) {
    TEXTS.add(textOf(update));
  }

  @Cron(period = 0.1)
  public void tick() {
    CRONS.incrementAndGet();
  }

  @Override
  protected List<Object> getReportPeers() {
    return reportTo == null ? List.of() : List.of(reportTo);
  }
}
