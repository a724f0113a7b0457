package dev.vertigram.storage.impl;

import dev.vertigram.storage.Db;
import dev.vertigram.storage.Store;
import dev.vertigram.storage.StoreOptions;
import dev.vertigram.storage.impl.memory.MemoryEngine;
import dev.vertigram.storage.impl.pg.PgBackend;
import dev.vertigram.storage.impl.redis.RedisBackend;
import dev.vertigram.storage.impl.remote.RemoteEngine;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Opens a session: checks the options, locks the folder, opens the configured engine, migrates the data when
 * {@code store.json} names another backend, records the backend, deletes what slimming turned off and expired
 * full-info entries. On failure everything opened is closed again and the lock released.
 */
public final class StoreOpener {

  private StoreOpener() {
  }

  /** See {@link Store#open}. */
  public static Future<Store> open(Vertx vertx, StoreOptions options) {
    StoreOptions o;
    try {
      o = new StoreOptions(options.toJson());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    Context ctx = vertx.getOrCreateContext();
    return SessionFolder.lock(vertx, Path.of(o.getFolder())).compose(folder -> openLocked(ctx, folder, o)
      .recover(e -> folder.unlock().transform(ar -> Future.failedFuture(e))));
  }

  private static Future<Store> openLocked(Context ctx, SessionFolder folder, StoreOptions o) {
    return folder.readMeta().compose(meta -> engine(ctx, folder, o, o.getType()).compose(target -> {
      String previous = meta == null ? null : meta.getString("backend");
      Future<Void> ready = o.getType().json().equals(previous) ? Future.succeededFuture()
        : migrateFrom(ctx, folder, o, previous, target)
          .compose(v -> folder.writeMeta(new JsonObject().put("backend", target.name()).put("session", o.getSession())));
      DefaultStore store = new DefaultStore(o, target, folder);
      return ready.compose(v -> target.clear(dropped(o)))
        .compose(v -> store.purgeExpired())
        .<Store>map(store)
        .recover(e -> target.close().transform(ar -> Future.failedFuture(e)));
    }));
  }

  private static Future<Void> migrateFrom(Context ctx, SessionFolder folder, StoreOptions o, String previous,
                                          StoreEngine target) {
    if (previous == null) {
      return Future.succeededFuture();
    }
    StoreOptions.Type type = Arrays.stream(StoreOptions.Type.values()).filter(t -> t.json().equals(previous))
      .findFirst().orElse(null);
    if (type == null) {
      return Future.failedFuture(new IllegalStateException(folder.dir() + "/store.json names unknown backend '"
        + previous + "'"));
    }
    Set<Db> kept = EnumSet.allOf(Db.class);
    kept.removeAll(dropped(o));
    return engine(ctx, folder, o, type).compose(source -> Migration.run(o.getSession(), source, target, kept)
      .eventually(source::close))
      .recover(e -> Future.failedFuture(new IllegalStateException("session " + o.getSession() + ": its data is in "
        + previous + " (says " + folder.dir().resolve(SessionFolder.META) + "); moving it to " + target.name()
        + " failed: " + e.getMessage(), e)));
  }

  private static Set<Db> dropped(StoreOptions o) {
    Set<Db> dropped = EnumSet.noneOf(Db.class);
    for (Db db : Db.values()) {
      if (!o.getSlimming().keeps(db)) {
        dropped.add(db);
      }
    }
    return dropped;
  }

  private static Future<StoreEngine> engine(Context ctx, SessionFolder folder, StoreOptions o, StoreOptions.Type type) {
    return Hop.on(ctx, () -> switch (type) {
      case MEMORY -> MemoryEngine.open(ctx, folder.dir(), o.getSession(), o.getSaveInterval() * 1000L).map(e -> e);
      case POSTGRES -> PgBackend.open(ctx.owner(), o.getPg(), o.getSession()).map(b -> new RemoteEngine(ctx, b, o));
      case REDIS -> RedisBackend.open(ctx.owner(), o.getRedis(), o.getSession()).map(b -> new RemoteEngine(ctx, b, o));
    });
  }
}
