package dev.vertigram.updates;

import dev.vertigram.loop.PeriodicLoop;
import dev.vertigram.updates.impl.ErrorReporter;
import dev.vertigram.updates.impl.FilterParser;
import dev.vertigram.updates.impl.HandlerLink;
import dev.vertigram.updates.impl.HandlerScan;
import dev.vertigram.updates.impl.MessageFilter;
import dev.vertigram.updates.impl.PersistentFields;
import dev.vertigram.updates.impl.UpdateFeed;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The base of a bot or userbot: a verticle that receives its session's updates (from the session's UpdatesVerticle,
 * in the same JVM) and dispatches each one to
 * <ul>
 *   <li>{@link #onAny(JsonObject)};</li>
 *   <li>the method named after its constructor, {@code onUpdateNewMessage(JsonObject)} for updateNewMessage...;</li>
 *   <li>every {@link Handler} method whose filter accepts it.</li>
 * </ul>
 * {@link Cron} methods run on periodic timers, {@link Persistent} fields are loaded before {@link #onStart()} and
 * saved every 30 s and on stop. Updates arrive through the session's {@link UpdateFeed}, without the event bus's copy
 * per consumer: an update is shared with the session's other handlers and must be treated as read-only (copy it
 * before changing it). A method that throws (or returns a failed Future) never stops dispatch: the error is
 * logged and sent to {@link #getReportPeers()} (rate-limited). Handler methods run on this verticle's event loop:
 * they must not block.
 *
 * <p>Deploy it with {@link Vertigrams#startAndLoop}.
 */
public abstract class EventHandler extends VerticleBase {

  static final long SAVE_PERIOD_MS = 30_000;

  private String session;
  private HandlerLink link;
  private HandlerScan scan;
  private ErrorReporter reporter;
  private PersistentFields fields;
  private UpdateFeed.Subscription subscription;
  private final List<PeriodicLoop> loops = new ArrayList<>();

  /** Binds this handler to a session before deployment. */
  final EventHandler bind(String session, HandlerLink link) {
    this.session = session;
    this.link = link;
    return this;
  }

  /** Called once started (fields loaded, updates flowing); the deployment waits for its Future. */
  protected Future<?> onStart() {
    return Future.succeededFuture();
  }

  /** Called with every update before the specific methods. */
  protected void onAny(JsonObject update) {
  }

  /** The peers (@username, bot-API id...) that receive error reports; none by default. */
  protected List<Object> getReportPeers() {
    return List.of();
  }

  /** The session this handler serves. */
  public final String session() {
    return session;
  }

  /** Sends a call through the session. */
  public final Future<JsonObject> call(JsonObject method) {
    return link.call(method);
  }

  /** Sends {@code text} to {@code peer} (any form the peer database resolves). */
  public final Future<JsonObject> sendMessage(Object peer, String text) {
    return call(new JsonObject().put("_", "messages.sendMessage").put("peer", peer).put("message", text)
        .put("random_id", ThreadLocalRandom.current().nextLong()));
  }

  /** Sends {@code text} to the chat of a new-message update. */
  public final Future<JsonObject> reply(JsonObject update, String text) {
    JsonObject msg = MessageFilter.message(update);
    if (msg == null) {
      return Future.failedFuture("not a new message: " + update.getString("_"));
    }
    return sendMessage(botApiId(msg.getJsonObject("peer_id")), text);
  }

  private static long botApiId(JsonObject peer) {
    return switch (peer.getString("_")) {
      case "peerUser" -> peer.getLong("user_id");
      case "peerChat" -> -peer.getLong("chat_id");
      default -> -1_000_000_000_000L - peer.getLong("channel_id");
    };
  }

  @Override
  public final Future<?> start() {
    if (link == null) {
      return Future.failedFuture("EventHandler not bound to a session: deploy it with Vertigrams.startAndLoop");
    }
    FilterParser.Context filters = new FilterParser.Context();
    filters.selfUsername(link.selfUsername());
    try {
      scan = new HandlerScan(getClass(), EventHandler.class, filters);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    reporter = new ErrorReporter(link, this::getReportPeers);
    fields = new PersistentFields(this, scan.persistent, link.fields());
    List<Future<Void>> senders = new ArrayList<>();
    for (String s : filters.wantedSenders()) {
      senders.add(link.peerId(s).map(id -> {
        filters.resolved(s, id);
        return null;
      }));
    }
    return Future.all(senders).compose(v -> fields.load()).compose(v -> {
      subscription = link.updates().subscribe(context, this::dispatch);
      for (HandlerScan.Timed t : scan.crons) {
        loops.add(new PeriodicLoop(vertx, t.method().getName(), t.periodMs(), l -> invoke(t.method()).map(false)));
      }
      if (!scan.persistent.isEmpty()) {
        loops.add(new PeriodicLoop(vertx, "persistent fields", SAVE_PERIOD_MS, l -> fields.save().map(false)));
      }
      loops.forEach(PeriodicLoop::start);
      return onStart();
    });
  }

  @Override
  public final Future<?> stop() {
    List<Future<?>> all = new ArrayList<>();
    loops.forEach(l -> all.add(l.stop()));
    if (subscription != null) {
      subscription.close();
    }
    if (fields != null) {
      all.add(fields.save());
    }
    return Future.join(all);
  }

  private void dispatch(JsonObject update) {
    try {
      onAny(update);
    } catch (RuntimeException e) {
      reporter.report("onAny", e);
    }
    Method typed = scan.byConstructor.get(update.getString("_"));
    if (typed != null) {
      invoke(typed, update);
    }
    for (HandlerScan.Filtered h : scan.handlers) {
      boolean accepted;
      try {
        accepted = h.filter().test(update);
      } catch (RuntimeException e) {
        reporter.report("filter of " + h.method().getName(), e);
        continue;
      }
      if (accepted) {
        invoke(h.method(), update);
      }
    }
  }

  /** Calls a handler method; errors (thrown or a failed Future) are reported, never thrown. */
  private Future<Void> invoke(Method m, Object... args) {
    try {
      Object r = m.invoke(this, args);
      if (r instanceof Future<?> f) {
        return f.<Void>mapEmpty().recover(e -> {
          reporter.report(m.getName(), e);
          return Future.succeededFuture();
        });
      }
    } catch (InvocationTargetException e) {
      reporter.report(m.getName(), e.getCause());
    } catch (IllegalAccessException | RuntimeException e) {
      reporter.report(m.getName(), e);
    }
    return Future.succeededFuture();
  }
}
