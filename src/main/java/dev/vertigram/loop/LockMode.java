package dev.vertigram.loop;

/** How a file is locked by {@link Async#flock}: shared (many holders, no exclusive one) or exclusive (one holder). */
public enum LockMode {
  /** Many holders at once, no exclusive one: readers. */
  SHARED,
  /** A single holder: a writer, or the owner of a session. */
  EXCLUSIVE
}
