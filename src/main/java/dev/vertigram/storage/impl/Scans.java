package dev.vertigram.storage.impl;

import dev.vertigram.storage.Db;
import dev.vertigram.storage.LongMap;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@code forEach} of the maps, built on {@link StoreEngine#scan}: pages are delivered on the caller's context. */
public final class Scans {

  private Scans() {
  }

  /** Delivers every entry of a long-keyed {@code db} to {@code consumer}. */
  public static Future<Void> forEachLong(StoreEngine engine, Db db, LongMap.EntryConsumer consumer) {
    return onCaller(engine, db, e -> consumer.accept(e.id(), Buffer.buffer(e.value())));
  }

  /** Delivers every entry of a String-keyed {@code db} to {@code consumer}. */
  public static Future<Void> forEachString(StoreEngine engine, Db db, BiConsumer<String, Buffer> consumer) {
    return onCaller(engine, db, e -> consumer.accept(e.name(), Buffer.buffer(e.value())));
  }

  private static Future<Void> onCaller(StoreEngine engine, Db db, Consumer<RawEntry> each) {
    Context caller = Vertx.currentContext();
    Promise<Void> done = Promise.promise();
    engine.scan(db, page -> deliver(caller, page, each)).onComplete(ar -> Hop.back(caller, done, null, ar.cause()));
    return done.future();
  }

  private static Future<Void> deliver(Context caller, List<RawEntry> page, Consumer<RawEntry> each) {
    Supplier<Future<Void>> work = () -> {
      page.forEach(each);
      return Future.succeededFuture();
    };
    return caller == null ? Hop.guarded(work) : Hop.on(caller, work);
  }
}
