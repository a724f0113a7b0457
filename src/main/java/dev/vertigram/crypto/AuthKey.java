package dev.vertigram.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A 2048-bit MTProto authorization key with its derived identifiers. The key bytes never appear in
 * {@link #toString()}; {@link #bytes()} returns a copy.
 */
public final class AuthKey {

  /** Authorization keys are always 256 bytes. */
  public static final int SIZE = 256;

  private final byte[] key;
  private final long id;
  private final byte[] auxHash;

  /** @param key256 the 256-byte key (copied) */
  public AuthKey(byte[] key256) {
    Bytes.checkLength(key256, SIZE, "auth_key");
    key = key256.clone();
    byte[] sha = Hashes.sha1(key);
    id = Bytes.getLongLe(sha, 12);
    auxHash = Arrays.copyOf(sha, 8);
  }

  /** @return a copy of the 256 key bytes */
  public byte[] bytes() {
    return key.clone();
  }

  /** The key bytes without copying, for the package's own derivations. */
  byte[] raw() {
    return key;
  }

  /** @return auth_key_id: SHA1(key)[12:20] read as a little-endian long (as it appears on the wire) */
  public long id() {
    return id;
  }

  /** @return auth_key_aux_hash: SHA1(key)[0:8] (a copy) */
  public byte[] auxHash() {
    return auxHash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuthKey && MessageDigest.isEqual(key, ((AuthKey) o).key);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  @Override
  public String toString() {
    return "AuthKey[id=" + Long.toHexString(id) + "]";
  }
}
