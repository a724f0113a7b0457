package dev.vertigram.storage;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * A {@code long}-keyed database of a {@link Store} (peers, min peers, full info, channel pts, secret chats).
 *
 * <p>Every method is asynchronous and may be called from any thread; results are delivered on the caller's Vert.x
 * context (on a store thread when the caller is not on a Vert.x context). Calls after {@link Store#close()} fail. Values are copied in and out: changing a {@link Buffer} after {@code put} or {@code get} has no effect
 * on the store. A succeeded {@code put}/{@code remove} is acknowledged as described in {@link Db}.
 */
public interface LongMap {

  /** The value stored under {@code key}, or a future of {@code null} when there is none. */
  Future<Buffer> get(long key);

  /** Stores {@code value} under {@code key}, replacing any previous value. */
  Future<Void> put(long key, Buffer value);

  /** Removes {@code key}; removing an absent key succeeds. */
  Future<Void> remove(long key);

  /**
   * Calls {@code consumer} once for every entry, page by page on the caller's context, and completes when all were
   * delivered. Meant for loading a database at start (the peer layer builds its in-RAM form with it).
   */
  Future<Void> forEach(EntryConsumer consumer);

  /** Receives the entries of {@link #forEach}. */
  @FunctionalInterface
  interface EntryConsumer {
    /** One entry. */
    void accept(long key, Buffer value);
  }
}
