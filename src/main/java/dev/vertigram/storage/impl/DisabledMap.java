package dev.vertigram.storage.impl;

import dev.vertigram.storage.LongMap;
import dev.vertigram.storage.StringMap;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.function.BiConsumer;

/** A database turned off by the slimming settings: reads find nothing, writes are dropped. */
final class DisabledMap implements LongMap, StringMap {

  static final DisabledMap INSTANCE = new DisabledMap();

  private DisabledMap() {
  }

  @Override
  public Future<Buffer> get(long key) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> put(long key, Buffer value) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> remove(long key) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> forEach(LongMap.EntryConsumer consumer) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Buffer> get(String key) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> put(String key, Buffer value) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> remove(String key) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> forEach(BiConsumer<String, Buffer> consumer) {
    return Future.succeededFuture();
  }
}
