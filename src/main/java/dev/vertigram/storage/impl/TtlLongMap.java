package dev.vertigram.storage.impl;

import dev.vertigram.storage.LongMap;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.List;

/**
 * A long-keyed map whose entries expire {@code ttlMillis} after they were put (the full-info cache). Each stored
 * value is prefixed with its expiry time (8 bytes, epoch milliseconds), so expiry works the same on every backend
 * and survives migrations. Expired entries read as absent and are deleted when read or by {@link #purge()}.
 */
final class TtlLongMap implements LongMap {

  private final LongMap inner;
  private final long ttlMillis;

  TtlLongMap(LongMap inner, long ttlMillis) {
    this.inner = inner;
    this.ttlMillis = ttlMillis;
  }

  @Override
  public Future<Buffer> get(long key) {
    return inner.get(key).compose(stored -> {
      if (stored == null) {
        return Future.succeededFuture();
      }
      if (expired(stored)) {
        return inner.remove(key).map((Buffer) null);
      }
      return Future.succeededFuture(stored.getBuffer(8, stored.length()));
    });
  }

  @Override
  public Future<Void> put(long key, Buffer value) {
    long expiresAt = System.currentTimeMillis() + ttlMillis;
    return inner.put(key, Buffer.buffer(8 + value.length()).appendLong(expiresAt).appendBuffer(value));
  }

  @Override
  public Future<Void> remove(long key) {
    return inner.remove(key);
  }

  @Override
  public Future<Void> forEach(EntryConsumer consumer) {
    return inner.forEach((key, stored) -> {
      if (!expired(stored)) {
        consumer.accept(key, stored.getBuffer(8, stored.length()));
      }
    });
  }

  /** Deletes every expired entry. */
  Future<Void> purge() {
    List<Long> expired = new ArrayList<>();
    return inner.forEach((key, stored) -> {
      if (expired(stored)) {
        expired.add(key);
      }
    }).compose(v -> Future.all(expired.stream().map(inner::remove).toList())).mapEmpty();
  }

  private static boolean expired(Buffer stored) {
    return stored.length() < 8 || stored.getLong(0) <= System.currentTimeMillis();
  }
}
