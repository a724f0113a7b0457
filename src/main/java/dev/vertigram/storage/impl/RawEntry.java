package dev.vertigram.storage.impl;

/**
 * One stored entry as engines move it around (scans, migration): the key is {@code id} for databases with long keys
 * and {@code name} otherwise; the value is what is stored (for {@code FULL_INFO}, with its expiry prefix).
 *
 * @param id    the key of a long-keyed database
 * @param name  the key of a String-keyed database, else null
 * @param value the stored bytes (never changed once built)
 */
public record RawEntry(long id, String name, byte[] value) {

  /** An entry of a long-keyed database. */
  public static RawEntry of(long id, byte[] value) {
    return new RawEntry(id, null, value);
  }

  /** An entry of a String-keyed database. */
  public static RawEntry of(String name, byte[] value) {
    return new RawEntry(0, name, value);
  }

  /** The key as text: the name, or the id in decimal (how Postgres and Redis store keys). */
  public String keyText() {
    return name != null ? name : Long.toString(id);
  }
}
