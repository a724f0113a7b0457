package dev.vertigram.storage;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.function.BiConsumer;

/**
 * A {@code String}-keyed database of a {@link Store} (auth keys, session, update state, usernames, file references,
 * handler fields). Same contract as {@link LongMap}: asynchronous, thread-safe, results on the caller's context,
 * values copied in and out.
 */
public interface StringMap {

  /** The value stored under {@code key}, or a future of {@code null} when there is none. */
  Future<Buffer> get(String key);

  /** Stores {@code value} under {@code key}, replacing any previous value. */
  Future<Void> put(String key, Buffer value);

  /** Removes {@code key}; removing an absent key succeeds. */
  Future<Void> remove(String key);

  /** Calls {@code consumer} once for every entry, page by page on the caller's context; see {@link LongMap#forEach}. */
  Future<Void> forEach(BiConsumer<String, Buffer> consumer);
}
