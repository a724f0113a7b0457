package dev.vertigram.storage.impl;

import dev.vertigram.storage.StoreHealth;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.IntSupplier;

/**
 * The health of one store: logs each change once (WARN when a database or the disk fails, INFO when it works
 * again) and publishes it on {@code vertigram.<session>.store.health}. Thread-safe.
 */
public final class HealthTracker {

  private static final Logger log = LoggerFactory.getLogger(HealthTracker.class);

  private final Vertx vertx;
  private final String session;
  private final String backend;
  private final IntSupplier queued;
  private volatile StoreHealth current;

  /** A healthy tracker; {@code queued} counts writes not yet durable. */
  public HealthTracker(Vertx vertx, String session, String backend, IntSupplier queued) {
    this.vertx = vertx;
    this.session = session;
    this.backend = backend;
    this.queued = queued;
    this.current = new StoreHealth(true, null, 0, System.currentTimeMillis());
  }

  /** The event-bus address health changes are published to. */
  public static String address(String session) {
    return "vertigram." + session + ".store.health";
  }

  /** Reports a failure of {@code what}; logged and published when the store was healthy. */
  public synchronized void failed(String what, Throwable cause) {
    String msg = what + ": " + cause.getMessage();
    boolean changed = current.healthy();
    current = new StoreHealth(false, msg, queued.getAsInt(), changed ? System.currentTimeMillis() : current.sinceMillis());
    if (changed) {
      log.warn("store {} ({}): {}; writes are kept and retried", session, backend, msg);
      publish();
    }
  }

  /** Reports a success; logged and published when the store was unhealthy. */
  public synchronized void ok() {
    if (!current.healthy()) {
      current = new StoreHealth(true, null, queued.getAsInt(), System.currentTimeMillis());
      log.info("store {} ({}): working again", session, backend);
      publish();
    }
  }

  /** The current health. */
  public StoreHealth snapshot() {
    StoreHealth h = current;
    return new StoreHealth(h.healthy(), h.lastError(), queued.getAsInt(), h.sinceMillis());
  }

  private void publish() {
    vertx.eventBus().publish(address(session), current.toJson());
  }
}
