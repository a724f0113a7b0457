package dev.vertigram.updates.impl;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-JVM path from a session's update state machine to its EventHandlers. Unlike the event bus, which deep-copies
 * a JsonObject for every local consumer, every subscriber receives the same instance: updates are read-only for
 * them. Each subscriber gets its updates in delivery order on its own context, in batches: all the updates delivered
 * while its previous batch is pending go in one context task (one task per pushed {@code Updates} of 100 updates,
 * rather than 100).
 *
 * <p>{@link #deliver} may be called from any thread; a subscription may start and end at any time.
 */
public final class UpdateFeed {

  private static final Logger LOG = LoggerFactory.getLogger(UpdateFeed.class);

  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

  /** A subscription; {@link #close()} stops deliveries (a batch already running finishes its current update). */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /** Hands each update to {@code handler} on {@code context}, in order; the handler must not modify it. */
  public Subscription subscribe(Context context, Handler<JsonObject> handler) {
    Subscriber s = new Subscriber(context, handler);
    subscribers.add(s);
    return () -> {
      s.closed = true;
      subscribers.remove(s);
    };
  }

  /** Queues {@code update} for every subscriber. */
  public void deliver(JsonObject update) {
    for (Subscriber s : subscribers) {
      s.offer(update);
    }
  }

  private static final class Subscriber {
    private final Context context;
    private final Handler<JsonObject> handler;
    private volatile boolean closed;
    private List<JsonObject> pending = new ArrayList<>();
    private boolean scheduled;

    Subscriber(Context context, Handler<JsonObject> handler) {
      this.context = context;
      this.handler = handler;
    }

    void offer(JsonObject update) {
      boolean schedule;
      synchronized (this) {
        pending.add(update);
        schedule = !scheduled;
        scheduled = true;
      }
      if (schedule) {
        context.runOnContext(v -> drain());
      }
    }

    private void drain() {
      List<JsonObject> batch;
      synchronized (this) {
        batch = pending;
        pending = new ArrayList<>(batch.size());
        scheduled = false;
      }
      for (JsonObject update : batch) {
        if (closed) {
          return;
        }
        try {
          handler.handle(update);
        } catch (RuntimeException e) {
          LOG.error("update subscriber failed on {}", update.getString("_"), e);
        }
      }
    }
  }
}
