package dev.vertigram.storage;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Owns a session's {@link Store}: opens it on start (options given, or read from the verticle's config) and closes
 * it on undeploy, which saves the memory store and flushes the others. The launcher undeploys on Ctrl-C, so a
 * session is saved on shutdown.
 */
public class StoreVerticle extends VerticleBase {

  private final StoreOptions options;
  private volatile Store store;

  /** A verticle reading its {@link StoreOptions} from its config. */
  public StoreVerticle() {
    this(null);
  }

  /** A verticle opening a store with {@code options}. */
  public StoreVerticle(StoreOptions options) {
    this.options = options;
  }

  /** The open store (null before start completes). */
  public Store store() {
    return store;
  }

  @Override
  public Future<?> start() {
    StoreOptions o;
    try {
      o = options != null ? options : new StoreOptions(config());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return Store.open(vertx, o).onSuccess(s -> store = s);
  }

  @Override
  public Future<?> stop() {
    return store == null ? Future.succeededFuture() : store.close();
  }
}
