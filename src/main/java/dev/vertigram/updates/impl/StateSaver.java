package dev.vertigram.updates.impl;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the update state behind delivery: changes made in one event-loop turn become one write, with at most one
 * write in flight; the latest values win.
 */
final class StateSaver {

  private static final Logger LOG = LoggerFactory.getLogger(StateSaver.class);

  private final Context ctx;
  private final StateStore store;
  private final Supplier<JsonObject> commonState;
  private boolean common;
  private final Map<Long, Integer> channels = new HashMap<>();
  private final List<Promise<Void>> waiters = new ArrayList<>();
  private boolean busy;

  /** {@code commonState} gives the common state at write time (read then, not at each change). */
  StateSaver(Context ctx, StateStore store, Supplier<JsonObject> commonState) {
    this.ctx = ctx;
    this.store = store;
    this.commonState = commonState;
  }

  /** The common state changed (after what it covers was delivered). */
  void common() {
    common = true;
    schedule();
  }

  void channel(long id, int pts) {
    channels.put(id, pts);
    schedule();
  }

  /** Completes when everything recorded so far is durable. */
  Future<Void> flush() {
    if (!busy && !common && channels.isEmpty()) {
      return Future.succeededFuture();
    }
    Promise<Void> p = Promise.promise();
    waiters.add(p);
    schedule();
    return p.future();
  }

  private void schedule() {
    if (!busy) {
      busy = true;
      ctx.runOnContext(v -> write());
    }
  }

  private void write() {
    List<Future<Void>> writes = new ArrayList<>();
    if (common) {
      writes.add(store.saveCommon(commonState.get()));
      common = false;
    }
    channels.forEach((id, pts) -> writes.add(store.saveChannel(id, pts)));
    channels.clear();
    List<Promise<Void>> done = new ArrayList<>(waiters);
    waiters.clear();
    Future.all(writes).onComplete(ar -> {
      if (ar.failed()) {
        LOG.error("saving the update state failed", ar.cause());
      }
      done.forEach(p -> p.handle(ar.mapEmpty()));
      if (common || !channels.isEmpty() || !waiters.isEmpty()) {
        ctx.runOnContext(v -> write());
      } else {
        busy = false;
      }
    });
  }
}
